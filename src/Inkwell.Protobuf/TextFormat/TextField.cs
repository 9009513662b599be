using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.TextFormat;

/// <summary>A field as text format sees it: its wire form, presence and the name it is printed under.</summary>
internal sealed class TextField
{
    /// <summary>The name printed before the value: the field's, a group-like field's type name, or <c>[full.name]</c> for an extension.</summary>
    public required string PrintName { get; init; }

    public required int Number { get; init; }

    /// <summary>The type on the wire: <see cref="FieldDescriptorProto.Types.Type.Group"/> also for an editions field encoded delimited.</summary>
    public required FieldDescriptorProto.Types.Type Type { get; init; }

    public required bool IsRepeated { get; init; }

    /// <summary>Whether a zero value counts as set (false for proto3's and editions' implicit presence).</summary>
    public required bool HasPresence { get; init; }

    public required bool IsMap { get; init; }

    /// <summary>The containing oneof's index, or -1 (a proto3 <c>optional</c> field's synthetic oneof too: it holds one field).</summary>
    public required int OneofIndex { get; init; }

    /// <summary>The message or enum type's full name (no leading dot), or null.</summary>
    public required string? TypeName { get; init; }

    /// <summary>Whether the text's strings must be valid UTF-8 (protoc fails to parse a message whose such string is not).</summary>
    public required bool VerifyUtf8 { get; init; }

    public bool IsMessage => Type is FieldDescriptorProto.Types.Type.Message or FieldDescriptorProto.Types.Type.Group;
}
