using System.Globalization;
using Inkwell.Protobuf.CSharp.Internal.Model;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Fields;

/// <summary>The <c>pb::FieldCodec</c> expressions for repeated fields, map entries and extensions.</summary>
internal static class Codecs
{
    /// <summary>A codec for a single value with its default (map keys and values, singular extensions).</summary>
    public static string Single(ProtoField field)
    {
        string tag = field.Tag.ToString(CultureInfo.InvariantCulture);
        if (field.Type is FieldType.Message or FieldType.Group)
        {
            return Repeated(field);
        }
        string defaultValue = TypeNames.DefaultValue(field);
        if (field.Type == FieldType.Enum)
        {
            string type = field.EnumType!.ClassName;
            return $"pb::FieldCodec.ForEnum({tag}, x => (int) x, x => ({type}) x, {defaultValue})";
        }
        return $"pb::FieldCodec.For{TypeNames.Capitalized(field.Type)}({tag}, {defaultValue})";
    }

    /// <summary>A codec for repeated elements, whose tag says whether they are packed.</summary>
    public static string Repeated(ProtoField field)
    {
        string tag = field.Tag.ToString(CultureInfo.InvariantCulture);
        switch (field.Type)
        {
            case FieldType.Message when field.IsWrapperType:
            {
                FieldType wrapped = TypeNames.WrappedType(field.MessageType!);
                string kind = wrapped is FieldType.String or FieldType.Bytes ? "Class" : "Struct";
                return $"pb::FieldCodec.For{kind}Wrapper<{TypeNames.Scalar(wrapped)}>({tag})";
            }
            case FieldType.Message:
                return $"pb::FieldCodec.ForMessage({tag}, {field.MessageType!.MessageParserExpression})";
            case FieldType.Group:
            {
                uint endTag = WireFormat.MakeTag(field.Number, WireFormat.EndGroup);
                return $"pb::FieldCodec.ForGroup({tag}, {endTag.ToString(CultureInfo.InvariantCulture)}, {field.MessageType!.MessageParserExpression})";
            }
            case FieldType.Enum:
                return $"pb::FieldCodec.ForEnum({tag}, x => (int) x, x => ({field.EnumType!.ClassName}) x)";
            default:
                return $"pb::FieldCodec.For{TypeNames.Capitalized(field.Type)}({tag})";
        }
    }
}
