using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Fields;

/// <summary>A message or group member of a oneof.</summary>
internal sealed class MessageOneofFieldEmitter(EmitContext context, ProtoField field)
    : MessageFieldEmitter(context, field)
{
    private string CaseCheck => $"{Oneof.CaseFieldName} == {Oneof.CaseEnumName}.{Field.OneofCaseName}";

    // Groups have Has members (SupportsPresenceApi), messages compare the case.
    protected override string HasPropertyCheck => SupportsPresenceApi ? "Has" + PropertyName : CaseCheck;

    protected override string OtherHasPropertyCheck => "other." + HasPropertyCheck;

    public override void WriteMembers()
    {
        WriteDocComment();
        WritePublicMemberAttributes();
        W.Open($"{AccessLevel} {TypeName} {PropertyName}");
        W.Line($"get {{ return {HasPropertyCheck} ? ({TypeName}) {Oneof.FieldName} : null; }}");
        W.Open("set");
        W.Line($"{Oneof.FieldName} = {SetValue};");
        W.Line($"{Oneof.CaseFieldName} = value == null ? {Oneof.CaseEnumName}.None : {Oneof.CaseEnumName}.{Field.OneofCaseName};");
        W.Close();
        W.Close();
        if (SupportsPresenceApi)
        {
            W.Line($"/// <summary>Gets whether the \"{Field.Name}\" field is set</summary>");
            WritePublicMemberAttributes();
            W.Open($"{AccessLevel} bool Has{PropertyName}");
            W.Line($"get {{ return {CaseCheck}; }}");
            W.Close();
            W.Line($"/// <summary> Clears the value of the oneof if it's currently set to \"{Field.Name}\" </summary>");
            WritePublicMemberAttributes();
            W.Open($"{AccessLevel} void Clear{PropertyName}()");
            W.Open($"if (Has{PropertyName})");
            W.Line($"Clear{Oneof.PropertyName}();");
            W.Close();
            W.Close();
        }
        WriteReflectionMember();
    }

    protected override void WriteStore(string value)
    {
        W.Line($"{Oneof.FieldName} = {value};");
        W.Line($"{Oneof.CaseFieldName} = {value} == null ? {Oneof.CaseEnumName}.None : {Oneof.CaseEnumName}.{Field.OneofCaseName};");
    }

    public override void WriteCloning() => W.Line($"{PropertyName} = other.{PropertyName}.Clone();");

    public override void WriteMerging()
    {
        if (IsHierarchyMessage)
        {
            W.Open($"if ({PropertyName} == null)");
            W.Line($"{PropertyName} = other.{PropertyName}.Clone();");
            W.Close();
            W.Open("else");
            W.Line($"{PropertyName}.MergeFrom(other.{PropertyName});");
            W.Close();
            return;
        }
        W.Open($"if ({PropertyName} == null)");
        W.Line($"{PropertyName} = new {TypeName}();");
        W.Close();
        W.Line($"{PropertyName}.MergeFrom(other.{PropertyName});");
    }

    public override void WriteParsing(bool useParseContext)
    {
        if (IsHierarchyMessage)
        {
            WriteHierarchyRead(useParseContext);
            W.Open($"if ({HasPropertyCheck})");
            W.Line($"{PropertyName}.MergeFrom(inkwellValue);");
            W.Close();
            W.Open("else");
            // Resolved already: the backing fields, not the setter, which would resolve it again.
            W.Line($"{Oneof.FieldName} = inkwellValue;");
            W.Line($"{Oneof.CaseFieldName} = {Oneof.CaseEnumName}.{Field.OneofCaseName};");
            W.Close();
            return;
        }
        W.Line($"{TypeName} subBuilder = new {TypeName}();");
        W.Open($"if ({HasPropertyCheck})");
        W.Line($"subBuilder.MergeFrom({PropertyName});");
        W.Close();
        W.Line(IsGroup ? "input.ReadGroup(subBuilder);" : "input.ReadMessage(subBuilder);");
        W.Line($"{PropertyName} = subBuilder;");
    }
}
