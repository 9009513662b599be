using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Inkwell.Protobuf.CSharp.Internal.Emit.Fields;
using Inkwell.Protobuf.CSharp.Internal.Model;
using static Inkwell.Protobuf.CSharp.Internal.Emit.CompatibilityMode;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>
/// The ANY encoding of a class hierarchy: a level's direct subtype is written as the base's
/// <c>google.protobuf.Any subtype</c> field, whose type URL names the subtype and whose value is the
/// subtype's level (which may hold the next level's Any in turn). Parsing dispatches on the type URL; an
/// Any this code cannot read as a level (an unknown type, or fields out of the usual order) stays as the
/// level's unknown field and is written back.
/// </summary>
internal sealed partial class HierarchyEmitter
{
    /// <summary>The prefix <c>Any.Pack</c> gives type URLs; readers accept any prefix, as <c>Any.GetTypeName</c> does.</summary>
    private const string TypeUrlPrefix = "type.googleapis.com/";

    /// <summary>ANY: the value <c>Inkwell_MergeAtDepth</c> gets to read a level's Any envelope instead of the level.</summary>
    private string AnyDepth => (~Level.Depth).ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether <c>typeUrl</c>, whose type name starts at <c>name</c>, names the message (any prefix, as <c>Any.GetTypeName</c> reads it).</summary>
    private static string TypeUrlNames(string fullName)
    {
        string length = fullName.Length.ToString(CultureInfo.InvariantCulture);
        return $"name > 0 && typeUrl.Length - name == {length} && string.CompareOrdinal(typeUrl, name, \"{fullName}\", 0, {length}) == 0";
    }

    /// <summary>The constant with the Any field's tag, which subtypes write (their base may be a declaration stub without fields).</summary>
    private static string AnyTagConstant(int depth) => "Inkwell_AnyTag" + depth.ToString(CultureInfo.InvariantCulture);

    /// <summary>The case of the base's Any field in this level's parse loop.</summary>
    private void WriteAnyCase(bool useParseContext)
    {
        W.Line($"case {Level.AnyField!.Tag.ToString(CultureInfo.InvariantCulture)}:");
        W.Indent();
        W.Line($"Inkwell_ReadLevel({AnyDepth}, {RefIf(useParseContext)}input);");
        W.Line("break;");
        W.Outdent();
    }

    /// <summary>Reading a level's Any envelope: its type URL picks the object its value is read into.</summary>
    private void WriteMergeAny(bool useParseContext)
    {
        W.Line("// The Any holding this level's subtype. Its usual form (type URL, then value) is read straight into the");
        W.Line("// subtype's level; anything else (an unknown type, another order, more fields) is kept as it came.");
        W.Open($"private void Inkwell_MergeAny({ParseParameter(useParseContext)})");
        W.Line("string typeUrl = null;");
        W.Line($"{ClassName} target = null;");
        W.Line("bool valueRead = false;");
        W.Line("pb::UnknownFieldSet rest = null;");
        W.Line("uint tag;");
        W.Open("while ((tag = input.ReadTag()) != 0 && (tag & 7) != 4)");
        W.Open("if (tag == 10 && typeUrl == null && rest == null)");
        W.Line("typeUrl = input.ReadString();");
        W.Line("target = Inkwell_AnyTarget(typeUrl);");
        W.Close();
        W.Open("else if (tag == 18 && target != null && !valueRead)");
        W.Line($"target.Inkwell_ReadLevel({SubtypeDepth}, {RefIf(useParseContext)}input);");
        W.Line("valueRead = true;");
        W.Close();
        W.Open("else");
        W.Line($"rest = pb::UnknownFieldSet.MergeFieldFrom(rest, {RefIf(useParseContext)}input);");
        W.Close();
        W.Close();
        W.Open("if (rest != null || (typeUrl != null && target == null))");
        W.Line("_unknownFields = Inkwell_KeepAny(_unknownFields, target == null ? typeUrl : null, rest);");
        W.Close();
        W.Close();
        W.Line();
    }

    /// <summary>What reading an Any needs besides <c>Inkwell_MergeAny</c>: the target lookup, the tag, the keeping of an unread Any.</summary>
    private void WriteAnyParsing()
    {

        W.Line("// The object the level of the subtype a type URL names is read into; null when unknown or impossible (kept as unknown).");
        W.Open($"private {ClassName} Inkwell_AnyTarget(string typeUrl)");
        if (Level.Subtypes.Count > 0)
        {
            W.Line("int name = typeUrl.LastIndexOf('/') + 1;");
        }
        foreach (ProtoMessage subtype in Level.Subtypes)
        {
            W.Open($"if ({TypeUrlNames(subtype.FullName)})");
            W.Line($"return {SubtypeTarget(subtype)}();");
            W.Close();
        }
        W.Line($"return {UnlistedSubtype(Level.Depth)}(typeUrl);");
        W.Close();
        W.Line();

        uint tag = Level.AnyField!.Tag;
        string tagSize = TypeNames.VarintSize(tag).ToString(CultureInfo.InvariantCulture);
        W.Line("/// <summary>ANY: the tag of the Any field holding this level's subtype.</summary>");
        W.Line(Hidden);
        W.Line($"protected const uint {AnyTagConstant(Level.Depth)} = {tag.ToString(CultureInfo.InvariantCulture)};");
        W.Line();
        W.Line($"// An Any kept as this level's unknown field {Level.AnyField.Number.ToString(CultureInfo.InvariantCulture)}: the type URL (unless its level was read) and the other fields as read.");
        W.Open("private static pb::UnknownFieldSet Inkwell_KeepAny(pb::UnknownFieldSet unknownFields, string typeUrl, pb::UnknownFieldSet rest)");
        W.Line("int size = (typeUrl != null ? 1 + pb::CodedOutputStream.ComputeStringSize(typeUrl) : 0) + (rest != null ? rest.CalculateSize() : 0);");
        W.Line($"byte[] field = new byte[{tagSize} + pb::CodedOutputStream.ComputeLengthSize(size) + size];");
        W.Line("pb::CodedOutputStream output = new pb::CodedOutputStream(field);");
        W.Line($"output.WriteRawTag({TypeNames.TagBytes(tag)});");
        W.Line("output.WriteLength(size);");
        W.Open("if (typeUrl != null)");
        W.Line("output.WriteRawTag(10);");
        W.Line("output.WriteString(typeUrl);");
        W.Close();
        W.Open("if (rest != null)");
        W.Line("rest.WriteTo(output);");
        W.Close();
        W.Line("output.Flush();");
        W.Line("pb::CodedInputStream input = new pb::CodedInputStream(field);");
        W.Line("input.ReadTag();");
        W.Line("return pb::UnknownFieldSet.MergeFieldFrom(unknownFields, input);");
        W.Close();
        W.Line();
    }

    /// <summary>A subtype of an ANY base: its level as the value of an Any named by its type URL.</summary>
    private void WriteAnyMemberOverrides()
    {
        string url = TypeUrlPrefix + _message.FullName;
        string anyTag = AnyTagConstant(Level.Depth - 1);
        int urlBytes = Encoding.UTF8.GetByteCount(url);
        string urlFieldSize = (1 + TypeNames.VarintSize((uint)urlBytes) + urlBytes).ToString(CultureInfo.InvariantCulture);
        W.Line($"/// <summary>This level, as the value of the Any in {Level.Base!.Name}'s subtype field.</summary>");
        W.Line(Hidden);
        W.Open($"protected override int Inkwell_SubtypeSize{BaseDepth}()");
        W.Line("int size = Inkwell_AnySize(Inkwell_LevelSize());");
        W.Line($"return pb::CodedOutputStream.ComputeRawVarint32Size({anyTag}) + pb::CodedOutputStream.ComputeLengthSize(size) + size;");
        W.Close();
        W.Line();
        W.WriteForEachBuild(useWriteContext =>
        {
            W.Line(Hidden);
            W.Open($"protected override void Inkwell_WriteSubtype{BaseDepth}({WriteSubtypeParameters(useWriteContext)})");
            W.Line(useWriteContext ? $"int size = sizesCached ? {SizeCache.Field} : Inkwell_LevelSize();" : "int size = Inkwell_LevelSize();");
            W.Line($"output.WriteTag({anyTag});");
            W.Line("output.WriteLength(Inkwell_AnySize(size));");
            W.Line("output.WriteRawTag(10);");
            W.Line($"output.WriteString(\"{url}\");");
            W.Line("// Any.Pack leaves out an empty value, as proto3 does.");
            W.Open("if (size != 0)");
            W.Line("output.WriteRawTag(18);");
            W.Line("output.WriteLength(size);");
            W.Line(useWriteContext ? "Inkwell_WriteLevelCached(ref output);" : "Inkwell_WriteLevel(output);");
            W.Close();
            W.Close();
        });
        W.Line();
        W.Open("private static int Inkwell_AnySize(int levelSize)");
        W.Line($"return {urlFieldSize} + (levelSize == 0 ? 0 : 1 + pb::CodedOutputStream.ComputeLengthSize(levelSize) + levelSize);");
        W.Close();
        W.Line();
    }

    /// <summary>
    /// ANY: the base's Any field for reflection (JsonFormatter and JsonParser, given a TypeRegistry with the
    /// subtypes' descriptors, show it as for the lowered schema): the subtype this object is, packed.
    /// </summary>
    private void WriteAnyReflectionMembers(string owner)
    {
        W.Line("/// <summary>For reflection: this object's subtype level, as the lowered schema's Any.</summary>");
        W.Line(Hidden);
        W.Open($"public global::Google.Protobuf.WellKnownTypes.Any {HierarchyMemberNames.SubtypeProperty(Level.AnyField!)}");
        W.Open("get");
        foreach (ProtoMessage subtype in Level.Subtypes)
        {
            string subtypeClass = subtype.ClassName;
            W.Line($"{subtypeClass} {SubtypeLocal(subtype)} = {owner} as {subtypeClass} ?? {owner}._inkwellSubtype as {subtypeClass};");
            W.Open($"if ({SubtypeLocal(subtype)} != null)");
            W.Line("global::Google.Protobuf.WellKnownTypes.Any any = new global::Google.Protobuf.WellKnownTypes.Any();");
            W.Line($"any.TypeUrl = \"{TypeUrlPrefix}{subtype.FullName}\";");
            W.Line($"any.Value = pb::MessageExtensions.ToByteString(new {subtypeClass}.InkwellLevel({SubtypeLocal(subtype)}));");
            W.Line("return any;");
            W.Close();
        }
        W.Line("return null;");
        W.Close();
        W.Open("set");
        W.Open("if (value == null)");
        if (Level.HasSubtypes)
        {
            W.Line($"{owner}._inkwellSubtype = null;");
        }
        W.Line("return;");
        W.Close();
        string target = Level.HasSubtypes ? $"{owner}.Inkwell_AnyTarget(value.TypeUrl)" : "null";
        W.Line($"{ClassName} target = {target};");
        W.Open("if (target == null)");
        W.Line($"throw new global::System.InvalidOperationException(\"A \" + {owner}.GetType().FullName + \" cannot take a \" + value.TypeUrl + \" level; parse with {Level.Root.Name}.Parser.\");");
        W.Close();
        W.Line($"target.Inkwell_MergeLevelBytes({SubtypeDepth}, value.Value);");
        W.Close();
        W.Close();
        W.Line();
    }

    /// <summary>The subtypes whose levels are Anys somewhere in this root's hierarchy (their type URLs appear in JSON).</summary>
    private List<ProtoMessage> AnySubtypes
    {
        get
        {
            var subtypes = new List<ProtoMessage>();
            var pending = new Stack<ProtoMessage>();
            pending.Push(Level.Root);
            while (pending.Count > 0)
            {
                HierarchyLevel level = pending.Pop().Hierarchy!;
                foreach (ProtoMessage subtype in level.Subtypes)
                {
                    if (level.UsesAny)
                    {
                        subtypes.Add(subtype);
                    }
                    pending.Push(subtype);
                }
            }
            return subtypes;
        }
    }

    private const string JsonParserProperty = "Inkwell_JsonParser";

    /// <summary>
    /// ANY: JSON names a subtype's level by its type URL, which a JsonParser resolves through its TypeRegistry;
    /// the root's hierarchy parser uses one that holds the subtypes this code knows.
    /// </summary>
    private void WriteAnyJsonParser()
    {
        List<ProtoMessage> subtypes = AnySubtypes;
        if (subtypes.Count == 0)
        {
            return;
        }
        W.Line("private static pb::JsonParser s_inkwellJsonParser;");
        W.Line();
        W.Line("// Built on first use: the descriptors it needs are not ready while this class initializes.");
        W.Open($"private static pb::JsonParser {JsonParserProperty}");
        W.Open("get");
        W.Open("if (s_inkwellJsonParser == null)");
        W.Line("s_inkwellJsonParser = new pb::JsonParser(pb::JsonParser.Settings.Default.WithTypeRegistry(pbr::TypeRegistry.FromMessages(");
        W.Indent();
        for (int i = 0; i < subtypes.Count; i++)
        {
            W.Line($"{subtypes[i].ClassName}.Descriptor{(i + 1 < subtypes.Count ? "," : ")));")}");
        }
        W.Outdent();
        W.Close();
        W.Line("return s_inkwellJsonParser;");
        W.Close();
        W.Close();
        W.Line();
    }

    /// <summary>The generated local holding a subtype's object in the Any getter (its index among the subtypes: names may clash).</summary>
    private string SubtypeLocal(ProtoMessage subtype) => "inkwellLevel" + Level.Subtypes.IndexOf(subtype).ToString(CultureInfo.InvariantCulture);

    /// <summary>The root's entry for reading one level from bytes (reflection's Any setter).</summary>
    private void WriteMergeLevelBytes()
    {
        W.Line("/// <summary>Reads one level of the envelope, without its length, from bytes into this object.</summary>");
        W.Line(Hidden);
        W.Open("protected void Inkwell_MergeLevelBytes(int depth, pb::ByteString data)");
        WriteReadAtDepth("data.CreateCodedInput().ReadRawMessage(this);");
        W.Close();
        W.Line();
    }
}
