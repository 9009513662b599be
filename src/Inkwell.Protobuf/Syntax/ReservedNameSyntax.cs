namespace Inkwell.Protobuf.Syntax;

/// <summary>A reserved name and where it is written.</summary>
/// <param name="Name">The reserved name.</param>
/// <param name="Position">Where it is written.</param>
internal sealed record ReservedNameSyntax(string Name, TextPosition Position);
