namespace Inkwell.Protobuf.Syntax;

/// <summary>An import statement.</summary>
/// <param name="Path">The imported file's name, relative to an import root.</param>
/// <param name="Kind">Plain, public, weak or option.</param>
/// <param name="Position">Where the statement starts.</param>
internal sealed record ImportSyntax(string Path, ImportKind Kind, TextPosition Position)
{
    /// <summary>The offset of the <c>import</c> keyword in the file's text.</summary>
    public int StartOffset { get; init; }

    /// <summary>The offset just past the statement's <c>;</c>.</summary>
    public int EndOffset { get; init; }
}
