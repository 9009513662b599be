using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Fields;

/// <summary>A scalar, string, bytes or enum member of a oneof: stored boxed in the oneof's object field.</summary>
internal sealed class ScalarOneofFieldEmitter(EmitContext context, ProtoField field)
    : ScalarFieldEmitter(context, field, -1)
{
    protected override string HasPropertyCheck => "Has" + PropertyName;

    protected override string OtherHasPropertyCheck => "other.Has" + PropertyName;

    public override void WriteMembers()
    {
        WriteDocComment();
        WritePublicMemberAttributes();
        W.Open($"{AccessLevel} {TypeName} {PropertyName}");
        W.Line($"get {{ return {HasPropertyCheck} ? ({TypeName}) {Oneof.FieldName} : {DefaultValue}; }}");
        W.Open("set");
        W.Line(IsValueType ? $"{Oneof.FieldName} = value;" : $"{Oneof.FieldName} = pb::ProtoPreconditions.CheckNotNull(value, \"value\");");
        W.Line($"{Oneof.CaseFieldName} = {Oneof.CaseEnumName}.{Field.OneofCaseName};");
        W.Close();
        W.Close();
        W.Line($"/// <summary>Gets whether the \"{Field.Name}\" field is set</summary>");
        WritePublicMemberAttributes();
        W.Open($"{AccessLevel} bool Has{PropertyName}");
        W.Line($"get {{ return {Oneof.CaseFieldName} == {Oneof.CaseEnumName}.{Field.OneofCaseName}; }}");
        W.Close();
        W.Line($"/// <summary> Clears the value of the oneof if it's currently set to \"{Field.Name}\" </summary>");
        WritePublicMemberAttributes();
        W.Open($"{AccessLevel} void Clear{PropertyName}()");
        W.Open($"if ({HasPropertyCheck})");
        W.Line($"Clear{Oneof.PropertyName}();");
        W.Close();
        W.Close();
    }

    public override void WriteCloning() => W.Line($"{PropertyName} = other.{PropertyName};");

    public override void WriteMerging() => W.Line($"{PropertyName} = other.{PropertyName};");

    public override void WriteParsing(bool useParseContext)
    {
        if (IsEnum)
        {
            // protoc stores the raw number boxed as int (the getter unboxes it as the enum).
            W.Line($"{Oneof.FieldName} = input.ReadEnum();");
            W.Line($"{Oneof.CaseFieldName} = {Oneof.CaseEnumName}.{Field.OneofCaseName};");
        }
        else
        {
            base.WriteParsing(useParseContext);
        }
    }
}
