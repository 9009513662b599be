namespace Inkwell.Protobuf.Binding;

/// <summary>What a fully-qualified name refers to.</summary>
internal enum SymbolKind
{
    /// <summary>A package or a prefix of one.</summary>
    Package,

    /// <summary>A message (also groups and map entries).</summary>
    Message,

    /// <summary>An enum.</summary>
    Enum,

    /// <summary>An enum value (a sibling of its enum, C++ scoping).</summary>
    EnumValue,

    /// <summary>A message field.</summary>
    Field,

    /// <summary>An extension.</summary>
    Extension,

    /// <summary>A oneof.</summary>
    Oneof,

    /// <summary>A service.</summary>
    Service,

    /// <summary>A service method.</summary>
    Method,
}
