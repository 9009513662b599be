namespace Inkwell.Protobuf.Syntax;

/// <summary>Field types, numbered as in descriptor.proto's FieldDescriptorProto.Type.</summary>
public enum FieldType
{
    /// <summary>Not set (a named type not yet resolved).</summary>
    None = 0,
#pragma warning disable CS1591 // The names are the protobuf type names.
    Double = 1,
    Float = 2,
    Int64 = 3,
    UInt64 = 4,
    Int32 = 5,
    Fixed64 = 6,
    Fixed32 = 7,
    Bool = 8,
    String = 9,
    Group = 10,
    Message = 11,
    Bytes = 12,
    UInt32 = 13,
    Enum = 14,
    SFixed32 = 15,
    SFixed64 = 16,
    SInt32 = 17,
    SInt64 = 18,
#pragma warning restore CS1591
}
