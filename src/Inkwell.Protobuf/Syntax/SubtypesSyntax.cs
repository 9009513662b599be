namespace Inkwell.Protobuf.Syntax;

/// <summary>A base message's <c>subtypes 100 to 199 [encoding = ANY];</c> declaration (Inkwell's inheritance extension).</summary>
internal sealed class SubtypesSyntax
{
    /// <summary>The first tag subtypes may use.</summary>
    public int Start { get; init; }

    /// <summary>The last tag subtypes may use (inclusive); <c>max</c> is 536870911.</summary>
    public int End { get; init; }

    /// <summary>The encoding's name as written (<c>ONEOF</c>, <c>ANY</c> or <c>EXTENSIONS</c>); null when not given.</summary>
    public string? Encoding { get; init; }

    /// <summary>Where the encoding's value starts.</summary>
    public TextPosition EncodingPosition { get; init; }

    /// <summary>Where the <c>subtypes</c> keyword starts.</summary>
    public TextPosition Position { get; init; }

    /// <summary>Where the range's start number is.</summary>
    public TextPosition RangePosition { get; init; }

    /// <summary>The offset of the <c>subtypes</c> keyword in the file's text.</summary>
    public int StartOffset { get; init; }

    /// <summary>The offset just past the statement's <c>;</c>.</summary>
    public int EndOffset { get; init; }
}
