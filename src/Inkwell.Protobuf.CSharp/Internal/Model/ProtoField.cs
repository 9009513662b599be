using Google.Protobuf.Reflection;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;
using FieldLabel = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label;

namespace Inkwell.Protobuf.CSharp.Internal.Model;

/// <summary>
/// A linked field or extension, with the facts protoc's C# generator derives from a
/// <c>FieldDescriptor</c>: the effective type (delimited messages are groups), presence, packing, and
/// the resolved message or enum type.
/// </summary>
internal sealed class ProtoField(FieldDescriptorProto proto, ProtoFile file, int index, int[] path)
{
    public FieldDescriptorProto Proto { get; } = proto;

    public ProtoFile File { get; } = file;

    public int Index { get; } = index;

    public int[] Path { get; } = path;

    public string Name => Proto.Name;

    public int Number => Proto.Number;

    /// <summary>The message that declares the field; for an extension, the message it extends.</summary>
    public ProtoMessage ContainingType { get; set; } = null!;

    /// <summary>For an extension declared in a message, that message; otherwise null.</summary>
    public ProtoMessage? ExtensionScope { get; set; }

    public bool IsExtension => Proto.HasExtendee;

    public ResolvedFeatures Features { get; set; } = ResolvedFeatures.Proto2;

    /// <summary>The type as protoc's <c>FieldDescriptor::type()</c> reports it: delimited messages are groups.</summary>
    public FieldType Type { get; set; }

    public ProtoMessage? MessageType { get; set; }

    public ProtoEnum? EnumType { get; set; }

    public ProtoOneof? RealOneof { get; set; }

    public bool IsRepeated => Proto.Label == FieldLabel.Repeated;

    public bool IsMap => IsRepeated && MessageType is { IsMapEntry: true };

    public bool IsDeprecated => Proto.Options?.Deprecated == true;

    public bool IsWrapperType => Type == FieldType.Message && MessageType?.File.Name == "google/protobuf/wrappers.proto";

    /// <summary>Whether a singular field tracks presence (<c>FieldDescriptor::has_presence</c>).</summary>
    public bool HasPresence
    {
        get
        {
            if (IsRepeated)
            {
                return false;
            }
            if (IsExtension || Type is FieldType.Message or FieldType.Group || Proto.HasOneofIndex)
            {
                return true;
            }
            return File.Syntax switch
            {
                ProtoSyntax.Proto2 => true,
                ProtoSyntax.Proto3 => false,
                _ => Features.FieldPresence != FeatureSet.Types.FieldPresence.Implicit,
            };
        }
    }

    public bool IsPackable => IsRepeated && Type is not (FieldType.String or FieldType.Bytes or FieldType.Message or FieldType.Group);

    /// <summary>Whether a repeated scalar is written packed.</summary>
    public bool IsPacked
    {
        get
        {
            if (!IsPackable)
            {
                return false;
            }
            if (Proto.Options is { HasPacked: true })
            {
                return Proto.Options.Packed;
            }
            return File.Syntax switch
            {
                ProtoSyntax.Proto2 => false,
                ProtoSyntax.Proto3 => true,
                _ => Features.RepeatedFieldEncoding == FeatureSet.Types.RepeatedFieldEncoding.Packed,
            };
        }
    }

    /// <summary>
    /// Whether the field is a proto2-style group whose field name is the lower-cased type name; C# then
    /// names the property after the type (<c>IsGroupLike</c> in protoc).
    /// </summary>
    public bool IsGroupLike =>
        Type == FieldType.Group
        && MessageType is not null
        && MessageType.Name.ToLowerInvariant() == Name
        && MessageType.File == File
        && (IsExtension ? MessageType.Parent == ExtensionScope : MessageType.Parent == ContainingType);

    /// <summary>The name the C# names derive from: the group type's name for group-like fields.</summary>
    public string BaseName => IsGroupLike ? MessageType!.Name : Name;

    /// <summary>The C# property (<c>GetPropertyName</c>): PascalCase, with <c>_</c> appended on clashes.</summary>
    public string PropertyName => Names.PropertyName(this);

    /// <summary>The private backing field (<c>foo_</c>).</summary>
    public string FieldName => Names.UnderscoresToCamelCase(BaseName, capitalizeNext: false) + "_";

    public string FieldConstantName => PropertyName + "FieldNumber";

    /// <summary>The name in the oneof-case enum (<c>None</c> is reserved for the empty case).</summary>
    public string OneofCaseName => PropertyName == "None" ? "None_" : PropertyName;

    /// <summary>The wire tag of the field with its natural wire type.</summary>
    public uint Tag => WireFormat.MakeTag(Number, WireFormat.WireTypeOf(Type, IsPacked));
}
