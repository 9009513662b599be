using Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Fields;

/// <summary>A map field, held in a <c>MapField&lt;K, V&gt;</c> whose codec pairs the entry's key and value codecs.</summary>
internal sealed class MapFieldEmitter(EmitContext context, ProtoField field)
    : FieldEmitter(context, field, -1)
{
    private string CodecName => $"_map_{Name}_codec";

    private ProtoMessage Entry => Field.MessageType!;

    private string MapType
    {
        get
        {
            ProtoField key = EntryField(0);
            ProtoField value = EntryField(1);
            return $"pbc::MapField<{TypeNames.Of(key)}, {TypeNames.Of(value)}>";
        }
    }

    private ProtoField EntryField(int index) => Entry.Fields[index];

    /// <summary>Whether the map's values are of a class hierarchy (read through the codec without resolving).</summary>
    public bool HasHierarchyValues => EntryField(1).MessageType?.Hierarchy is not null;

    /// <summary>
    /// Replaces each value the codec read (an object of the value's class, which may hold a subtype aside) by the
    /// most-derived object it holds. Runs once at the end of a parse: every entry is a field of its own, so doing
    /// it per entry would be quadratic.
    /// </summary>
    public void WriteValueResolution()
    {
        string key = TypeNames.Of(EntryField(0));
        string value = TypeNames.Of(EntryField(1));
        string pair = $"global::System.Collections.Generic.KeyValuePair<{key}, {value}>";
        W.Line("{");
        W.Indent();
        W.Line($"global::System.Collections.Generic.List<{pair}> inkwellResolved = null;");
        W.Open($"foreach (var inkwellEntry in {Name}_)");
        W.Line($"{value} inkwellValue = {value}.Parser.Resolve(inkwellEntry.Value);");
        W.Open("if (!ReferenceEquals(inkwellValue, inkwellEntry.Value))");
        W.Open("if (inkwellResolved == null)");
        W.Line($"inkwellResolved = new global::System.Collections.Generic.List<{pair}>();");
        W.Close();
        W.Line($"inkwellResolved.Add(new {pair}(inkwellEntry.Key, inkwellValue));");
        W.Close();
        W.Close();
        W.Open("if (inkwellResolved != null)");
        W.Open("foreach (var inkwellEntry in inkwellResolved)");
        W.Line($"{Name}_[inkwellEntry.Key] = inkwellEntry.Value;");
        W.Close();
        W.Close();
        W.Close();
    }

    public override void WriteViewMembers(string owner)
    {
        W.Line($"public {MapType} {PropertyName} {{ get {{ return {owner}.{PropertyName}; }} }}");
        if (ReflectionMember.IsNeeded(Field))
        {
            string name = ReflectionMember.Name(Field);
            W.Line($"public global::System.Collections.IDictionary {name} {{ get {{ return {owner}.{name}; }} }}");
        }
    }

    public override void WriteMembers()
    {
        string tag = Tag;
        W.Line($"private static readonly {MapType}.Codec {CodecName}");
        W.Line($"    = new {MapType}.Codec({Codecs.Single(EntryField(0))}, {Codecs.Single(EntryField(1))}, {tag});");
        W.Line($"private {CollectionReadonly}{MapType} {Name}_ = new {MapType}();");
        WriteDocComment();
        WritePublicMemberAttributes();
        W.Open($"{AccessLevel} {MapType} {PropertyName}");
        W.Line($"get {{ return {Name}_; }}");
        W.Close();
        if (ReflectionMember.IsNeeded(Field))
        {
            string reflected = $"{ReflectionMember.RootClassName(Field)}.Inkwell_ReflectedMap<{TypeNames.Of(EntryField(0))}, {TypeNames.Of(EntryField(1))}>";
            W.Line("/// <summary>For reflection, which sets values of the hierarchy's root class: stores the most-derived object each holds.</summary>");
            W.Line(HierarchyMemberNames.Hidden);
            W.Open($"public global::System.Collections.IDictionary {ReflectionMember.Name(Field)}");
            W.Line($"get {{ return new {reflected}({Name}_, {ReflectionMember.FullNameLiteral(Field)}); }}");
            W.Close();
        }
    }

    public override void WriteCloning() => W.Line($"{Name}_ = other.{Name}_.Clone();");

    public override void WriteEquals() => W.Line($"if (!{PropertyName}.Equals(other.{PropertyName})) return false;");

    public override void WriteHash() => W.Line($"hash ^= {PropertyName}.GetHashCode();");

    public override void WriteSerialization(bool useWriteContext) => W.Line($"{Name}_.WriteTo({Ref(useWriteContext)}output, {CodecName});");

    public override void WriteSize() => W.Line($"size += {Name}_.CalculateSize({CodecName});");

    public override void WriteMerging() => W.Line($"{Name}_.MergeFrom(other.{Name}_);");

    public override void WriteParsing(bool useParseContext) => W.Line($"{Name}_.AddEntriesFrom({Ref(useParseContext)}input, {CodecName});");
}
