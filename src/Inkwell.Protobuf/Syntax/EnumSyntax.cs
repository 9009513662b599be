namespace Inkwell.Protobuf.Syntax;

/// <summary>An enum declaration.</summary>
internal sealed class EnumSyntax : ElementSyntax
{
    /// <summary>The values, in declaration order.</summary>
    public List<EnumValueSyntax> Values { get => field ??= []; init; }

    /// <summary>Reserved ranges (end inclusive).</summary>
    public List<RangeSyntax> ReservedRanges { get => field ??= []; init; }

    /// <summary>Reserved names.</summary>
    public List<ReservedNameSyntax> ReservedNames { get => field ??= []; init; }

    /// <summary>Edition 2024 visibility keyword.</summary>
    public SymbolVisibility Visibility { get; init; }
}
