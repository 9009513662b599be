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

    /// <summary>Whether repeated values are written packed (what the parser writes; reading takes both forms).</summary>
    public required bool IsPacked { get; init; }

    /// <summary>Whether the field is <c>required</c> (or editions' <c>LEGACY_REQUIRED</c>): protoc warns of a message without it.</summary>
    public required bool IsRequired { get; init; }

    /// <summary>Whether the field is <c>deprecated</c>: protoc's text parser warns where the text sets it.</summary>
    public required bool IsDeprecated { get; init; }

    /// <summary>The containing oneof's name (named in protoc's error for two members set), or null.</summary>
    public required string? OneofName { get; init; }

    /// <summary>The field's own name (a group's in lower case, an extension's without its scope), as protoc's messages name it.</summary>
    public required string Name { get; init; }

    public bool IsMessage => Type is FieldDescriptorProto.Types.Type.Message or FieldDescriptorProto.Types.Type.Group;
}
