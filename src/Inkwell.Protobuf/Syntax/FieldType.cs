namespace Inkwell.Protobuf.Syntax;

/// <summary>Field types, numbered as in descriptor.proto's FieldDescriptorProto.Type.</summary>
internal enum FieldType
{
    /// <summary>Not set (a named type not yet resolved).</summary>
    None = 0,
    /// <summary><c>double</c> (TYPE_DOUBLE = 1).</summary>
    Double = 1,
    /// <summary><c>float</c> (TYPE_FLOAT = 2).</summary>
    Float = 2,
    /// <summary><c>int64</c> (TYPE_INT64 = 3).</summary>
    Int64 = 3,
    /// <summary><c>uint64</c> (TYPE_UINT64 = 4).</summary>
    UInt64 = 4,
    /// <summary><c>int32</c> (TYPE_INT32 = 5).</summary>
    Int32 = 5,
    /// <summary><c>fixed64</c> (TYPE_FIXED64 = 6).</summary>
    Fixed64 = 6,
    /// <summary><c>fixed32</c> (TYPE_FIXED32 = 7).</summary>
    Fixed32 = 7,
    /// <summary><c>bool</c> (TYPE_BOOL = 8).</summary>
    Bool = 8,
    /// <summary><c>string</c> (TYPE_STRING = 9).</summary>
    String = 9,
    /// <summary><c>group</c> (TYPE_GROUP = 10).</summary>
    Group = 10,
    /// <summary><c>message</c> (TYPE_MESSAGE = 11).</summary>
    Message = 11,
    /// <summary><c>bytes</c> (TYPE_BYTES = 12).</summary>
    Bytes = 12,
    /// <summary><c>uint32</c> (TYPE_UINT32 = 13).</summary>
    UInt32 = 13,
    /// <summary><c>enum</c> (TYPE_ENUM = 14).</summary>
    Enum = 14,
    /// <summary><c>sfixed32</c> (TYPE_SFIXED32 = 15).</summary>
    SFixed32 = 15,
    /// <summary><c>sfixed64</c> (TYPE_SFIXED64 = 16).</summary>
    SFixed64 = 16,
    /// <summary><c>sint32</c> (TYPE_SINT32 = 17).</summary>
    SInt32 = 17,
    /// <summary><c>sint64</c> (TYPE_SINT64 = 18).</summary>
    SInt64 = 18,
}
