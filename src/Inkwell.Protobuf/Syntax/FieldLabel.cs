namespace Inkwell.Protobuf.Syntax;

/// <summary>Field labels, numbered as in descriptor.proto's FieldDescriptorProto.Label.</summary>
internal enum FieldLabel
{
    /// <summary>No label written (allowed in proto3, editions, and oneofs).</summary>
    None = 0,

    /// <summary><c>optional</c> (also the label of unlabeled singular fields in the descriptor).</summary>
    Optional = 1,

    /// <summary><c>required</c> (proto2 only).</summary>
    Required = 2,

    /// <summary><c>repeated</c> (also the label of map fields).</summary>
    Repeated = 3,
}
