using System.Globalization;
using Inkwell.Protobuf.CSharp.Internal.Model;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Fields;

/// <summary>A singular scalar, string, bytes or enum field outside a oneof.</summary>
internal class ScalarFieldEmitter(EmitContext context, ProtoField field, int presenceIndex)
    : FieldEmitter(context, field, presenceIndex)
{
    protected bool IsValueType => Field.Type is not (FieldType.String or FieldType.Bytes);

    protected bool IsEnum => Field.Type == FieldType.Enum;

    protected override string HasPropertyCheck =>
        !IsValueType && !SupportsPresenceApi ? PropertyName + ".Length != 0" : base.HasPropertyCheck;

    protected override string OtherHasPropertyCheck =>
        !IsValueType && !SupportsPresenceApi ? "other." + PropertyName + ".Length != 0" : base.OtherHasPropertyCheck;

    public override void WriteMembers()
    {
        string defaultAccess = DefaultValue;
        if (SupportsPresenceApi)
        {
            W.Line($"private readonly static {TypeName} {PropertyName}DefaultValue = {DefaultValue};");
            W.Line();
            defaultAccess = PropertyName + "DefaultValue";
            W.Line($"private {TypeName} {Name}_;");
        }
        else if (IsValueType && !IsEnum)
        {
            W.Line($"private {TypeName} {Name}_;");
        }
        else
        {
            W.Line($"private {TypeName} {Name}_ = {DefaultValue};");
        }
        WriteDocComment();
        WritePublicMemberAttributes();
        W.Open($"{AccessLevel} {TypeName} {PropertyName}");
        if (!SupportsPresenceApi)
        {
            W.Line($"get {{ return {Name}_; }}");
        }
        else if (!IsValueType)
        {
            W.Line($"get {{ return {Name}_ ?? {defaultAccess}; }}");
        }
        else
        {
            W.Line($"get {{ if ({HasFieldCheck}) {{ return {Name}_; }} else {{ return {defaultAccess}; }} }}");
        }
        W.Open("set");
        if (PresenceIndex != -1)
        {
            W.Line(SetHasField + ";");
        }
        W.Line(IsValueType ? $"{Name}_ = value;" : $"{Name}_ = pb::ProtoPreconditions.CheckNotNull(value, \"value\");");
        W.Close();
        W.Close();
        if (SupportsPresenceApi)
        {
            W.Line($"/// <summary>Gets whether the \"{Field.Name}\" field is set</summary>");
            WritePublicMemberAttributes();
            W.Open($"{AccessLevel} bool Has{PropertyName}");
            W.Line(IsValueType ? $"get {{ return {HasFieldCheck}; }}" : $"get {{ return {Name}_ != null; }}");
            W.Close();
            W.Line($"/// <summary>Clears the value of the \"{Field.Name}\" field</summary>");
            WritePublicMemberAttributes();
            W.Open($"{AccessLevel} void Clear{PropertyName}()");
            W.Line(IsValueType ? ClearHasField + ";" : $"{Name}_ = null;");
            W.Close();
        }
    }

    public override void WriteCloning() => W.Line($"{Name}_ = other.{Name}_;");

    public override void WriteEquals() => W.Line(Field.Type switch
    {
        FieldType.Float => $"if (!pbc::ProtobufEqualityComparers.BitwiseSingleEqualityComparer.Equals({PropertyName}, other.{PropertyName})) return false;",
        FieldType.Double => $"if (!pbc::ProtobufEqualityComparers.BitwiseDoubleEqualityComparer.Equals({PropertyName}, other.{PropertyName})) return false;",
        _ => $"if ({PropertyName} != other.{PropertyName}) return false;",
    });

    public override void WriteHash() => W.Line(Field.Type switch
    {
        FieldType.Float => $"if ({HasPropertyCheck}) hash ^= pbc::ProtobufEqualityComparers.BitwiseSingleEqualityComparer.GetHashCode({PropertyName});",
        FieldType.Double => $"if ({HasPropertyCheck}) hash ^= pbc::ProtobufEqualityComparers.BitwiseDoubleEqualityComparer.GetHashCode({PropertyName});",
        _ => $"if ({HasPropertyCheck}) hash ^= {PropertyName}.GetHashCode();",
    });

    public override void WriteSerialization(bool useWriteContext)
    {
        W.Open($"if ({HasPropertyCheck})");
        W.Line($"output.WriteRawTag({TagBytes});");
        W.Line(IsEnum ? $"output.WriteEnum((int) {PropertyName});" : $"output.Write{CapitalizedTypeName}({PropertyName});");
        W.Close();
    }

    public override void WriteSize()
    {
        W.Open($"if ({HasPropertyCheck})");
        int fixedSize = TypeNames.FixedSize(Field.Type);
        if (IsEnum)
        {
            W.Line($"size += {TagSize} + pb::CodedOutputStream.ComputeEnumSize((int) {PropertyName});");
        }
        else if (fixedSize == -1)
        {
            W.Line($"size += {TagSize} + pb::CodedOutputStream.Compute{CapitalizedTypeName}Size({PropertyName});");
        }
        else
        {
            W.Line($"size += {TagSize} + {fixedSize.ToString(CultureInfo.InvariantCulture)};");
        }
        W.Close();
    }

    public override void WriteMerging()
    {
        W.Open($"if ({OtherHasPropertyCheck})");
        W.Line($"{PropertyName} = other.{PropertyName};");
        W.Close();
    }

    public override void WriteParsing(bool useParseContext) =>
        W.Line(IsEnum ? $"{PropertyName} = ({TypeName}) input.ReadEnum();" : $"{PropertyName} = input.Read{CapitalizedTypeName}();");
}
