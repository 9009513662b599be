namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// One entry of source code info: the path of a descriptor element, its span and its comments,
/// recorded by the parser in the same order and with the same spans as protoc's parser.
/// </summary>
/// <remarks>
/// Unlike the syntax nodes, written after construction: a location is added when its declaration starts (so the
/// locations come in protoc's pre-order) and <see cref="LocationRecorder"/> sets its end and comments only when the
/// declaration's last token is read, after its children's locations.
/// </remarks>
internal sealed class SourceLocation(int[] path)
{
    public int[] Path { get; set; } = path;

    public int StartLine { get; set; }

    public int StartColumn { get; set; }

    public int EndLine { get; set; } = -1;

    public int EndColumn { get; set; } = -1;

    public bool HasEnd => EndColumn >= 0;

    public string? LeadingComments { get; set; }

    public string? TrailingComments { get; set; }

    public List<string>? LeadingDetachedComments { get; set; }
}
