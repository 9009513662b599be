namespace Inkwell.Protobuf.Syntax;

/// <summary>An import statement.</summary>
/// <param name="Path">The imported file's name, relative to an import root.</param>
/// <param name="Kind">Plain, public, weak or option.</param>
/// <param name="Position">Where the statement starts.</param>
public sealed record ImportSyntax(string Path, ImportKind Kind, TextPosition Position);
