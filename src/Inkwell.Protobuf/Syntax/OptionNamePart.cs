namespace Inkwell.Protobuf.Syntax;

/// <summary>One dot-separated part of an option name: a field name, or a parenthesized extension name.</summary>
/// <param name="Name">The part's text (an extension name may be dotted and start with a dot).</param>
/// <param name="IsExtension">Whether the part was written in parentheses.</param>
/// <param name="Position">Where the part starts.</param>
internal sealed record OptionNamePart(string Name, bool IsExtension, TextPosition Position);
