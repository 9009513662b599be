using Inkwell.Protobuf.CSharp.Internal.Model;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Fields;

/// <summary>A singular field of a wrappers.proto type, exposed as a nullable value (<c>int?</c>, <c>string</c>).</summary>
internal class WrapperFieldEmitter(EmitContext context, ProtoField field)
    : FieldEmitter(context, field, -1)
{
    protected FieldType WrappedType => TypeNames.WrappedType(Field.MessageType!);

    protected virtual string CodecName => $"_single_{Name}_codec";

    public override void WriteMembers()
    {
        W.Line($"private static readonly pb::FieldCodec<{TypeName}> {CodecName} = {Codecs.Repeated(Field)};");
        W.Line($"private {TypeName} {Name}_;");
        WriteDocComment();
        WritePublicMemberAttributes();
        W.Open($"{AccessLevel} {TypeName} {PropertyName}");
        W.Line($"get {{ return {Name}_; }}");
        W.Open("set");
        W.Line($"{Name}_ = value;");
        W.Close();
        W.Close();
        W.Line();
    }

    public override void WriteCloning() => W.Line($"{PropertyName} = other.{PropertyName};");

    public override void WriteEquals() => W.Line(WrappedType switch
    {
        FieldType.Float => $"if (!pbc::ProtobufEqualityComparers.BitwiseNullableSingleEqualityComparer.Equals({PropertyName}, other.{PropertyName})) return false;",
        FieldType.Double => $"if (!pbc::ProtobufEqualityComparers.BitwiseNullableDoubleEqualityComparer.Equals({PropertyName}, other.{PropertyName})) return false;",
        _ => $"if ({PropertyName} != other.{PropertyName}) return false;",
    });

    public override void WriteHash() => W.Line(WrappedType switch
    {
        FieldType.Float => $"if ({Name}_ != null) hash ^= pbc::ProtobufEqualityComparers.BitwiseNullableSingleEqualityComparer.GetHashCode({PropertyName});",
        FieldType.Double => $"if ({Name}_ != null) hash ^= pbc::ProtobufEqualityComparers.BitwiseNullableDoubleEqualityComparer.GetHashCode({PropertyName});",
        _ => $"if ({Name}_ != null) hash ^= {PropertyName}.GetHashCode();",
    });

    public override void WriteSerialization(bool useWriteContext)
    {
        W.Open($"if ({Name}_ != null)");
        W.Line($"{CodecName}.WriteTagAndValue({Ref(useWriteContext)}output, {PropertyName});");
        W.Close();
    }

    public override void WriteSize()
    {
        W.Open($"if ({Name}_ != null)");
        W.Line($"size += {CodecName}.CalculateSizeWithTag({PropertyName});");
        W.Close();
    }

    public override void WriteMerging()
    {
        W.Open($"if (other.{Name}_ != null)");
        W.Open($"if ({Name}_ == null || other.{PropertyName} != {DefaultValue})");
        W.Line($"{PropertyName} = other.{PropertyName};");
        W.Close();
        W.Close();
    }

    public override void WriteParsing(bool useParseContext)
    {
        W.Line($"{TypeName} value = {CodecName}.Read({Ref(useParseContext)}input);");
        W.Open($"if ({Name}_ == null || value != {DefaultValue})");
        W.Line($"{PropertyName} = value;");
        W.Close();
    }
}
