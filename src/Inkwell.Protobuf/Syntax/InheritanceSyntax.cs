namespace Inkwell.Protobuf.Syntax;

/// <summary>The <c>: Animal = 100</c> of <c>message Cat : Animal = 100 { … }</c>: Inkwell's inheritance extension.</summary>
internal sealed class InheritanceSyntax
{
    /// <summary>The base type's name as written (resolved like a field type).</summary>
    public string BaseTypeName { get; init; } = "";

    /// <summary>Where the base type's name starts.</summary>
    public TextPosition BaseTypePosition { get; init; }

    /// <summary>The subtype tag after <c>=</c>.</summary>
    public int Tag { get; init; }

    /// <summary>Where the tag starts.</summary>
    public TextPosition TagPosition { get; init; }

    /// <summary>The offset of the <c>:</c> in the file's text.</summary>
    public int StartOffset { get; init; }

    /// <summary>The offset just past the tag.</summary>
    public int EndOffset { get; init; }
}
