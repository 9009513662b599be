namespace Inkwell.Protobuf.Syntax;

/// <summary>A message declaration (also the message half of a group, and a map's synthesized entry).</summary>
internal sealed class MessageSyntax : ElementSyntax
{
    /// <summary>The fields, in declaration order (oneof members included).</summary>
    public List<FieldSyntax> Fields { get => field ??= []; init; }

    /// <summary>Nested messages, including groups and map entries in the order the parser made them.</summary>
    public List<MessageSyntax> NestedTypes { get => field ??= []; init; }

    /// <summary>Nested enums.</summary>
    public List<EnumSyntax> Enums { get => field ??= []; init; }

    /// <summary>Extension ranges (end exclusive).</summary>
    public List<RangeSyntax> ExtensionRanges { get => field ??= []; init; }

    /// <summary>Extensions declared inside this message.</summary>
    public List<FieldSyntax> Extensions { get => field ??= []; init; }

    /// <summary>Oneofs, real ones first, then the synthetic ones.</summary>
    public List<OneofSyntax> Oneofs { get => field ??= []; init; }

    /// <summary>Reserved number ranges (end exclusive).</summary>
    public List<RangeSyntax> ReservedRanges { get => field ??= []; init; }

    /// <summary>Reserved names.</summary>
    public List<ReservedNameSyntax> ReservedNames { get => field ??= []; init; }

    /// <summary>Edition 2024 visibility keyword.</summary>
    public SymbolVisibility Visibility { get; init; }

    /// <summary>Inkwell inheritance: the base and tag of <c>message Cat : Animal = 100</c>; null for an ordinary message.</summary>
    public InheritanceSyntax? Inheritance { get; init; }

    /// <summary>Inkwell inheritance: the <c>subtypes</c> declaration; null when there is none.</summary>
    public SubtypesSyntax? Subtypes { get; init; }

    /// <summary>The offset of the body's closing <c>}</c> in the file's text (where lowering adds members).</summary>
    public int CloseBraceOffset { get; init; } = -1;

    /// <summary>Whether this is a map field's synthesized entry (its options say <c>map_entry = true</c>).</summary>
    public bool IsMapEntry { get; init; }

    /// <summary>Whether this message is the body of a proto2 group.</summary>
    public bool IsGroup { get; init; }
}
