using Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Fields;

/// <summary>A repeated field of any element type, held in a <c>RepeatedField&lt;T&gt;</c> with a static codec.</summary>
internal sealed class RepeatedFieldEmitter(EmitContext context, ProtoField field)
    : FieldEmitter(context, field, -1)
{
    private string CodecName => $"_repeated_{Name}_codec";

    public override void WriteMembers()
    {
        W.Line($"private static readonly pb::FieldCodec<{TypeName}> {CodecName}");
        W.Line($"    = {Codecs.Repeated(Field)};");
        W.Line($"private {CollectionReadonly}pbc::RepeatedField<{TypeName}> {Name}_ = new pbc::RepeatedField<{TypeName}>();");
        WriteDocComment();
        WritePublicMemberAttributes();
        W.Open($"{AccessLevel} pbc::RepeatedField<{TypeName}> {PropertyName}");
        W.Line($"get {{ return {Name}_; }}");
        W.Close();
        if (ReflectionMember.IsNeeded(Field))
        {
            W.Line("/// <summary>For reflection, which adds messages of the hierarchy's root class: stores the most-derived object each holds.</summary>");
            W.Line(HierarchyMemberNames.Hidden);
            W.Open($"public global::System.Collections.IList {ReflectionMember.Name(Field)}");
            W.Line($"get {{ return new {ReflectionMember.RootClassName(Field)}.Inkwell_ReflectedList<{TypeName}>({Name}_, {ReflectionMember.FullNameLiteral(Field)}); }}");
            W.Close();
        }
    }

    public override void WriteViewMembers(string owner)
    {
        W.Line($"public pbc::RepeatedField<{TypeName}> {PropertyName} {{ get {{ return {owner}.{PropertyName}; }} }}");
        if (ReflectionMember.IsNeeded(Field))
        {
            string name = ReflectionMember.Name(Field);
            W.Line($"public global::System.Collections.IList {name} {{ get {{ return {owner}.{name}; }} }}");
        }
    }

    public override void WriteCloning() => W.Line($"{Name}_ = other.{Name}_.Clone();");

    public override void WriteEquals() => W.Line($"if(!{Name}_.Equals(other.{Name}_)) return false;");

    public override void WriteHash() => W.Line($"hash ^= {Name}_.GetHashCode();");

    public override void WriteSerialization(bool useWriteContext) => W.Line($"{Name}_.WriteTo({Ref(useWriteContext)}output, {CodecName});");

    public override void WriteCachedSerialization(bool sizesCached)
    {
        if (!UsesSizeCache)
        {
            base.WriteCachedSerialization(sizesCached);
            return;
        }
        // What RepeatedField.WriteTo does for messages (tag, length, body per element), with the sizes cached.
        W.Open($"for (int i = 0; i < {Name}_.Count; i++)");
        W.Line($"output.WriteRawTag({TagBytes});");
        WriteNestedWithSizeCache($"{Name}_[i]", sizesCached);
        W.Close();
    }

    public override void WriteSize() => W.Line($"size += {Name}_.CalculateSize({CodecName});");

    public override void WriteMerging() => W.Line($"{Name}_.Add(other.{Name}_);");

    public override void WriteParsing(bool useParseContext)
    {
        if (!IsHierarchyMessage)
        {
            W.Line($"{Name}_.AddEntriesFrom({Ref(useParseContext)}input, {CodecName});");
            return;
        }
        if (useParseContext)
        {
            // One element per tag, as AddEntriesFrom reads a message field, each as the class it holds.
            W.Line($"{Name}_.Add({TypeName}.Inkwell_ReadMessage(ref input));");
            return;
        }
        // The codec's parser makes objects of the element class; each is resolved to the class it holds.
        W.Line($"int inkwellFirst = {Name}_.Count;");
        W.Line($"{Name}_.AddEntriesFrom({Ref(useParseContext)}input, {CodecName});");
        W.Open($"for (int i = inkwellFirst; i < {Name}_.Count; i++)");
        W.Line($"{Name}_[i] = {TypeName}.Parser.Resolve({Name}_[i]);");
        W.Close();
    }

    public override void WriteExtension()
    {
        Context.Comments.Write(W, Field.Path);
        WriteDeprecated();
        string extendee = Field.ContainingType.ClassName;
        W.Line($"{AccessLevel} static readonly pb::RepeatedExtension<{extendee}, {TypeName}> {PropertyName} =");
        W.Line($"  new pb::RepeatedExtension<{extendee}, {TypeName}>({Number}, {Codecs.Repeated(Field)});");
    }
}
