using Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;
using Inkwell.Protobuf.CSharp.Internal.Model;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Fields;

/// <summary>
/// A singular message or group field outside a oneof. Messages are present when non-null; groups also
/// get Has/Clear members (protoc's <c>SupportsPresenceApi</c> excludes only messages).
/// </summary>
internal class MessageFieldEmitter(EmitContext context, ProtoField field)
    : FieldEmitter(context, field, -1)
{
    protected bool IsGroup => Field.Type == FieldType.Group;

    protected override string HasPropertyCheck => SupportsPresenceApi ? "Has" + PropertyName : Name + "_ != null";

    protected override string OtherHasPropertyCheck => SupportsPresenceApi ? "other.Has" + PropertyName : "other." + Name + "_ != null";

    public override void WriteMembers()
    {
        W.Line($"private {TypeName} {Name}_;");
        WriteDocComment();
        WritePublicMemberAttributes();
        W.Open($"{AccessLevel} {TypeName} {PropertyName}");
        W.Line($"get {{ return {Name}_; }}");
        W.Open("set");
        W.Line($"{Name}_ = {SetValue};");
        W.Close();
        W.Close();
        if (SupportsPresenceApi)
        {
            W.Line($"/// <summary>Gets whether the {Field.Name} field is set</summary>");
            WritePublicMemberAttributes();
            W.Open($"{AccessLevel} bool Has{PropertyName}");
            W.Line($"get {{ return {Name}_ != null; }}");
            W.Close();
            W.Line($"/// <summary>Clears the value of the {Field.Name} field</summary>");
            WritePublicMemberAttributes();
            W.Open($"{AccessLevel} void Clear{PropertyName}()");
            W.Line($"{Name}_ = null;");
            W.Close();
        }
        WriteReflectionMember();
    }

    /// <summary>
    /// The hidden property reflection sets a field declared with a subtype's class through (see <see cref="ReflectionMember"/>):
    /// it takes the root's class and stores the most-derived object, which must be of the field's class.
    /// </summary>
    protected void WriteReflectionMember()
    {
        if (!ReflectionMember.IsNeeded(Field))
        {
            return;
        }
        W.Line("/// <summary>For reflection, which builds this field's message as the hierarchy's root class: stores the most-derived object it holds.</summary>");
        W.Line(HierarchyMemberNames.Hidden);
        W.Open($"public {ReflectionMember.RootClassName(Field)} {ReflectionMember.Name(Field)}");
        W.Line($"get {{ return {PropertyName}; }}");
        W.Open("set");
        // Resolved here: the backing field, not the setter, which would resolve it again.
        W.Line($"{TypeName} inkwellValue = {ReflectionMember.Resolve(Field, "value")};");
        WriteStore("inkwellValue");
        W.Close();
        W.Close();
    }

    /// <summary>Stores a value (possibly null) in the field's backing field.</summary>
    protected virtual void WriteStore(string value) => W.Line($"{Name}_ = {value};");

    public override void WriteCloning() => W.Line($"{Name}_ = {OtherHasPropertyCheck} ? other.{Name}_.Clone() : null;");

    /// <summary>
    /// The value a setter stores. A hierarchy object that reflection built (JsonParser, a MessageParser) may
    /// hold its subtype aside; it is stored as the most-derived object it holds.
    /// </summary>
    protected string SetValue => IsHierarchyMessage ? $"value == null ? null : {TypeName}.Parser.Resolve(value)" : "value";

    /// <summary>
    /// Reads one hierarchy message into an object of the field's class and resolves it to the most-derived class
    /// it holds, in <c>inkwellValue</c>. (Another subtype's level, which the object cannot become, is kept as
    /// unknown fields, as the codec of a repeated field does.)
    /// </summary>
    protected void WriteHierarchyRead(bool useParseContext)
    {
        if (useParseContext)
        {
            W.Line($"{TypeName} inkwellValue = {TypeName}.Inkwell_ReadMessage(ref input);");
            return;
        }
        W.Line($"var inkwellParsed = new {TypeName}();");
        W.Line("input.ReadMessage(inkwellParsed);");
        W.Line($"{TypeName} inkwellValue = {TypeName}.Parser.Resolve(inkwellParsed);");
    }

    public override void WriteEquals() => W.Line($"if (!object.Equals({PropertyName}, other.{PropertyName})) return false;");

    public override void WriteHash() => W.Line($"if ({HasPropertyCheck}) hash ^= {PropertyName}.GetHashCode();");

    public override void WriteSerialization(bool useWriteContext)
    {
        W.Open($"if ({HasPropertyCheck})");
        W.Line($"output.WriteRawTag({TagBytes});");
        if (IsGroup)
        {
            W.Line($"output.WriteGroup({PropertyName});");
            W.Line($"output.WriteRawTag({TypeNames.TagBytes(WireFormat.MakeTag(Field.Number, WireFormat.EndGroup))});");
        }
        else
        {
            W.Line($"output.WriteMessage({PropertyName});");
        }
        W.Close();
    }

    public override void WriteCachedSerialization(bool sizesCached)
    {
        if (!UsesSizeCache)
        {
            base.WriteCachedSerialization(sizesCached);
            return;
        }
        W.Open($"if ({HasPropertyCheck})");
        W.Line($"output.WriteRawTag({TagBytes});");
        WriteNestedWithSizeCache(PropertyName, sizesCached);
        W.Close();
    }

    public override void WriteSize()
    {
        W.Open($"if ({HasPropertyCheck})");
        W.Line(IsGroup
            ? $"size += {TypeNames.VarintSize(Field.Tag) * 2} + pb::CodedOutputStream.ComputeGroupSize({PropertyName});"
            : $"size += {TagSize} + pb::CodedOutputStream.ComputeMessageSize({PropertyName});");
        W.Close();
    }

    public override void WriteMerging()
    {
        if (IsHierarchyMessage)
        {
            // A new object of the field's class could not become the other's subtype: clone it.
            W.Open($"if ({OtherHasPropertyCheck})");
            W.Open($"if ({NotHasCheck})");
            W.Line($"{PropertyName} = other.{PropertyName}.Clone();");
            W.Close();
            W.Open("else");
            W.Line($"{PropertyName}.MergeFrom(other.{PropertyName});");
            W.Close();
            W.Close();
            return;
        }
        W.Open($"if ({OtherHasPropertyCheck})");
        W.Open($"if ({NotHasCheck})");
        W.Line($"{PropertyName} = new {TypeName}();");
        W.Close();
        W.Line($"{PropertyName}.MergeFrom(other.{PropertyName});");
        W.Close();
    }

    public override void WriteParsing(bool useParseContext)
    {
        if (IsHierarchyMessage)
        {
            WriteHierarchyRead(useParseContext);
            W.Open($"if ({NotHasCheck})");
            // Resolved already: the backing field, not the setter, which would resolve it again.
            W.Line($"{Name}_ = inkwellValue;");
            W.Close();
            W.Open("else");
            W.Line($"{PropertyName}.MergeFrom(inkwellValue);");
            W.Close();
            return;
        }
        W.Open($"if ({NotHasCheck})");
        W.Line($"{PropertyName} = new {TypeName}();");
        W.Close();
        W.Line(IsGroup ? $"input.ReadGroup({PropertyName});" : $"input.ReadMessage({PropertyName});");
    }

    private string NotHasCheck => SupportsPresenceApi ? "!Has" + PropertyName : Name + "_ == null";
}
