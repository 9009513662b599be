using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Fields;

/// <summary>A wrappers.proto member of a oneof.</summary>
internal sealed class WrapperOneofFieldEmitter(EmitContext context, ProtoField field)
    : WrapperFieldEmitter(context, field)
{
    protected override string CodecName => $"_oneof_{Name}_codec";

    private string CaseCheck => $"{Oneof.CaseFieldName} == {Oneof.CaseEnumName}.{Field.OneofCaseName}";

    public override void WriteMembers()
    {
        W.Line($"private static readonly pb::FieldCodec<{TypeName}> {CodecName} = {Codecs.Repeated(Field)};");
        WriteDocComment();
        WritePublicMemberAttributes();
        W.Open($"{AccessLevel} {TypeName} {PropertyName}");
        W.Line($"get {{ return {CaseCheck} ? ({TypeName}) {Oneof.FieldName} : ({TypeName}) null; }}");
        W.Open("set");
        W.Line($"{Oneof.FieldName} = value;");
        W.Line($"{Oneof.CaseFieldName} = value == null ? {Oneof.CaseEnumName}.None : {Oneof.CaseEnumName}.{Field.OneofCaseName};");
        W.Close();
        W.Close();
    }

    public override void WriteHash() => W.Line(WrappedType switch
    {
        Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type.Float => $"if ({CaseCheck}) hash ^= pbc::ProtobufEqualityComparers.BitwiseNullableSingleEqualityComparer.GetHashCode({PropertyName});",
        Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type.Double => $"if ({CaseCheck}) hash ^= pbc::ProtobufEqualityComparers.BitwiseNullableDoubleEqualityComparer.GetHashCode({PropertyName});",
        _ => $"if ({CaseCheck}) hash ^= {PropertyName}.GetHashCode();",
    });

    public override void WriteSerialization(bool useWriteContext)
    {
        W.Open($"if ({CaseCheck})");
        W.Line($"{CodecName}.WriteTagAndValue({Ref(useWriteContext)}output, ({TypeName}) {Oneof.FieldName});");
        W.Close();
    }

    public override void WriteSize()
    {
        W.Open($"if ({CaseCheck})");
        W.Line($"size += {CodecName}.CalculateSizeWithTag({PropertyName});");
        W.Close();
    }

    public override void WriteMerging() => W.Line($"{PropertyName} = other.{PropertyName};");

    public override void WriteParsing(bool useParseContext) => W.Line($"{PropertyName} = {CodecName}.Read({Ref(useParseContext)}input);");
}
