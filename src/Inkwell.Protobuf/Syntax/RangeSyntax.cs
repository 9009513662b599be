namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// A number range as written in <c>reserved</c> or <c>extensions</c>. For messages <see cref="End"/> is
/// exclusive (as in descriptors); for enums it is inclusive.
/// </summary>
internal sealed class RangeSyntax : ElementSyntax
{
    /// <summary>The first number.</summary>
    public int Start { get; init; }

    /// <summary>The end (exclusive for messages, inclusive for enums).</summary>
    public int End { get; init; }

    /// <summary>Where the range starts.</summary>
    public TextPosition Position { get; init; }
}
