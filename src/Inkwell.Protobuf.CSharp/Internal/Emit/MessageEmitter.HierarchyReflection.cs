using System.Globalization;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>
/// What Google.Protobuf's reflection (and so JsonFormatter, JsonParser and ToString) needs of a class
/// hierarchy. Reflection sees the lowered schema: the root's descriptor with a <c>subtype</c> oneof whose
/// members are the subtypes' levels. The root class serves its own descriptor, with hidden members for
/// the oneof; every other level is served by a small view class (<c>Cat.InkwellLevel</c>) over the
/// object, since the object itself reports the root's descriptor.
/// </summary>
internal sealed partial class MessageEmitter
{
    /// <summary>The reflection name of a subtype's member in the base's oneof (<c>InkwellCat</c>).</summary>
    public static string SubtypePropertyName(ProtoField member) => "Inkwell" + member.PropertyName;

    /// <summary>The reflection name of the subtype oneof: <c>InkwellSubtypeCase</c> and <c>ClearInkwellSubtype()</c>.</summary>
    public const string SubtypeOneofName = "InkwellSubtype";

    /// <summary>Keeps the members only generated code and reflection use out of IntelliSense.</summary>
    internal const string Hidden = "[global::System.ComponentModel.EditorBrowsableAttribute(global::System.ComponentModel.EditorBrowsableState.Never)]";

    /// <summary>
    /// The subtype oneof for reflection, on the root (<paramref name="owner"/> <c>this</c>) or a level's view
    /// (<c>Owner</c>): the case is the object's class (or the subtype it holds until resolved).
    /// </summary>
    private void WriteSubtypeReflectionMembers(string owner)
    {
        W.Line("/// <summary>For reflection: which subtype of this level the object is.</summary>");
        W.Line(Hidden);
        W.Open($"public enum {SubtypeOneofName}OneofCase");
        W.Line("None = 0,");
        foreach (ProtoMessage subtype in Level.Subtypes)
        {
            ProtoField member = subtype.Hierarchy!.MemberInBase!;
            W.Line($"{member.OneofCaseName} = {member.Number.ToString(CultureInfo.InvariantCulture)},");
        }
        W.Close();
        W.Line();
        W.Line("/// <summary>For reflection: which subtype of this level the object is.</summary>");
        W.Line(Hidden);
        W.Open($"public {SubtypeOneofName}OneofCase {SubtypeOneofName}Case");
        W.Open("get");
        foreach (ProtoMessage subtype in Level.Subtypes)
        {
            W.Open($"if ({owner} is {subtype.ClassName} || {owner}._inkwellSubtype is {subtype.ClassName})");
            W.Line($"return {SubtypeOneofName}OneofCase.{subtype.Hierarchy!.MemberInBase!.OneofCaseName};");
            W.Close();
        }
        W.Line($"return {SubtypeOneofName}OneofCase.None;");
        W.Close();
        W.Close();
        W.Line();
        W.Line("/// <summary>For reflection: drops a subtype held until resolved (an object cannot stop being its class).</summary>");
        W.Line(Hidden);
        W.Open($"public void Clear{SubtypeOneofName}()");
        W.Line($"{owner}._inkwellSubtype = null;");
        W.Close();
        W.Line();
        foreach (ProtoMessage subtype in Level.Subtypes)
        {
            string s = subtype.ClassName;
            W.Line($"/// <summary>For reflection: the {subtype.Name} level of this object.</summary>");
            W.Line(Hidden);
            W.Open($"public {s}.InkwellLevel {SubtypePropertyName(subtype.Hierarchy!.MemberInBase!)}");
            W.Open("get");
            W.Line($"{s} subtype = {owner} as {s} ?? {owner}._inkwellSubtype as {s};");
            W.Line($"return subtype == null ? null : new {s}.InkwellLevel(subtype);");
            W.Close();
            W.Open("set");
            W.Open("if (value == null)");
            W.Open($"if ({owner}._inkwellSubtype is {s})");
            W.Line($"{owner}._inkwellSubtype = null;");
            W.Close();
            W.Close();
            W.Line("// An object of exactly this class holds the subtype until resolved (as when parsing).");
            W.Open($"else if ({owner}.GetType() == typeof({ClassName}))");
            W.Line($"{owner}._inkwellSubtype = value.Owner;");
            W.Close();
            W.Open($"else if (!ReferenceEquals({owner}, value.Owner))");
            W.Line($"throw new global::System.InvalidOperationException(\"A \" + {owner}.GetType().FullName + \" cannot take a {subtype.FullName} level; parse with {Level.Root.Name}.Parser.\");");
            W.Close();
            W.Close();
            W.Close();
            W.Line();
        }
    }

    /// <summary>The members reflection uses for a level's subtypes, by its encoding.</summary>
    private void WriteSubtypeMembersForReflection(string owner)
    {
        if (Level.UsesExtensions)
        {
            WriteTypeFieldReflectionMembers(owner);
        }
        else if (Level.UsesAny)
        {
            WriteAnyReflectionMembers(owner);
        }
        else if (Level.HasSubtypes)
        {
            WriteSubtypeReflectionMembers(owner);
        }
    }

    /// <summary>EXTENSIONS: the type field for reflection (JSON shows it, as for the lowered schema).</summary>
    private void WriteTypeFieldReflectionMembers(string owner)
    {
        W.Line("/// <summary>For reflection: the tag of the subtype this object is (EXTENSIONS' type field).</summary>");
        W.Line(Hidden);
        W.Open($"public int {TypeFieldPropertyName}");
        W.Line($"get {{ return {owner}.Inkwell_SubtypeTag{Depth}(); }}");
        W.Line($"set {{ {owner}.Inkwell_SetTypeTag{Depth}(value); }}");
        W.Close();
        W.Line(Hidden);
        W.Line($"public bool Has{TypeFieldPropertyName} {{ get {{ return {owner}.Inkwell_SubtypeTag{Depth}() != 0; }} }}");
        W.Line(Hidden);
        W.Line($"public void Clear{TypeFieldPropertyName}() {{ {owner}._inkwellStoredTag = 0; }}");
        W.Line();
    }

    /// <summary>The reflection name of EXTENSIONS' type field.</summary>
    public const string TypeFieldPropertyName = "InkwellSubtypeTag";

    /// <summary>The reflection view of a subtype's level: its lowered descriptor over the object's fields.</summary>
    private void WriteLevelView()
    {
        string c = ClassName;
        W.Line($"/// <summary>For reflection: the {_message.Name} level of an object, as the lowered schema's {_message.FullName} message.</summary>");
        W.Line(Hidden);
        // Levels below the first hide their base's view class of the same name.
        string hides = Level.Depth > 1 ? "new " : "";
        W.Line($"public {hides}sealed class InkwellLevel : pb::IMessage<InkwellLevel>{ExtendableInterface("InkwellLevel")}");
        WriteOutsideCompatibilityMode("    , pb::IBufferMessage");
        W.Line("{");
        W.Indent();
        W.Line($"private static readonly pb::MessageParser<InkwellLevel> _parser = new pb::MessageParser<InkwellLevel>(() => new InkwellLevel(new {c}()));");
        W.Line();
        W.Line("/// <summary>A parser for reflection: it reads one level into a new object.</summary>");
        W.Line("public static pb::MessageParser<InkwellLevel> Parser { get { return _parser; } }");
        W.Line();
        W.Line("/// <summary>A view of one object's level.</summary>");
        W.Open($"public InkwellLevel({c} owner)");
        W.Line("Owner = owner;");
        W.Close();
        W.Line();
        W.Line("/// <summary>The object whose level this is.</summary>");
        W.Line($"public {c} Owner {{ get; private set; }}");
        W.Line();
        W.Line($"pbr::MessageDescriptor pb::IMessage.Descriptor {{ get {{ return {c}.Descriptor; }} }}");
        W.Line();
        foreach (ProtoField field in LevelFields)
        {
            EmitterFor(field).WriteViewMembers("Owner");
        }
        foreach (ProtoOneof oneof in LevelOneofs)
        {
            W.Line($"public {oneof.CaseEnumName} {oneof.PropertyName}Case {{ get {{ return Owner.{oneof.PropertyName}Case; }} }}");
            W.Line($"public void Clear{oneof.PropertyName}() {{ Owner.Clear{oneof.PropertyName}(); }}");
        }
        WriteSubtypeMembersForReflection("Owner");
        W.Line("public void MergeFrom(InkwellLevel other) { if (other != null) Owner.Inkwell_MergeLevelFrom(other.Owner); }");
        WriteForEitherContext(useContext =>
        {
            if (useContext)
            {
                W.Line("public void MergeFrom(pb::CodedInputStream input) { input.ReadRawMessage(this); }");
                W.Line("void pb::IBufferMessage.InternalMergeFrom(ref pb::ParseContext input) { Owner.Inkwell_MergeLevel(ref input); }");
                W.Line("public void WriteTo(pb::CodedOutputStream output) { output.WriteRawMessage(this); }");
                W.Line("void pb::IBufferMessage.InternalWriteTo(ref pb::WriteContext output) { Owner.Inkwell_WriteLevel(ref output); }");
            }
            else
            {
                W.Line("public void MergeFrom(pb::CodedInputStream input) { Owner.Inkwell_MergeLevel(input); }");
                W.Line("public void WriteTo(pb::CodedOutputStream output) { Owner.Inkwell_WriteLevel(output); }");
            }
        });
        W.Line("public int CalculateSize() { return Owner.Inkwell_LevelSize(); }");
        W.Line("public InkwellLevel Clone() { return new InkwellLevel(Owner.Clone()); }");
        W.Line("public bool Equals(InkwellLevel other) { return other != null && pb::MessageExtensions.ToByteString(this).Equals(pb::MessageExtensions.ToByteString(other)); }");
        W.Line("public override bool Equals(object other) { return Equals(other as InkwellLevel); }");
        W.Line("public override int GetHashCode() { return pb::MessageExtensions.ToByteString(this).GetHashCode(); }");
        W.Line("public override string ToString() { return pb::JsonFormatter.ToDiagnosticString(this); }");
        WriteExtensionSetMembers("InkwellLevel", "Owner");
        W.Close();
        W.Line();
    }
}
