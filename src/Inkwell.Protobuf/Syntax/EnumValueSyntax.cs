namespace Inkwell.Protobuf.Syntax;

/// <summary>An enum value declaration.</summary>
internal sealed class EnumValueSyntax : ElementSyntax
{
    /// <summary>The value's number.</summary>
    public int Number { get; init; }

    /// <summary>Where the number is written.</summary>
    public TextPosition NumberPosition { get; init; }
}
