using System.Globalization;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>
/// Reading a hierarchy object: each level's parse loop, and the subtype cases that read a level into this
/// object or into a subtype held aside.
/// </summary>
internal sealed partial class MessageEmitter
{
    private void WriteHierarchyParsing()
    {
        if (Level.IsRoot)
        {
            _context.WriteGeneratedCodeAttributes();
            W.Open("public void MergeFrom(pb::CodedInputStream input)");
            WriteDirective("#if !" + RefStructCompatibilityMode);
            W.Line("input.ReadRawMessage(this);");
            WriteDirective("#else");
            WriteMergeAtRequestedDepth(useParseContext: false);
            WriteDirective("#endif");
            W.Close();
            W.Line();
            W.Line("#if !" + RefStructCompatibilityMode);
            _context.WriteGeneratedCodeAttributes();
            W.Open("void pb::IBufferMessage.InternalMergeFrom(ref pb::ParseContext input)");
            WriteMergeAtRequestedDepth(useParseContext: true);
            W.Close();
            W.Line("#endif");
            W.Line();
            WriteMergeLevelBytes();
        }
        WriteMapValueResolution();
        WriteSubtypeTargets();
        WriteUnlistedSubtypeHooks();
        if (ReadsAnySubtypes)
        {
            WriteAnyParsing();
        }
        WriteForEitherContext(WriteLevelParsing);
        W.Line();
    }

    /// <summary>
    /// A read that InternalMergeFrom directs to the level at <c>depth</c>; the depth is reset even when the read fails
    /// before InternalMergeFrom runs (a bad length), so a later merge into the object starts at its root again.
    /// </summary>
    private void WriteReadAtDepth(string read)
    {
        W.Line("_inkwellMergeDepth = depth;");
        W.Open("try");
        W.Line(read);
        W.Close();
        W.Open("finally");
        W.Line("_inkwellMergeDepth = 0;");
        W.Close();
    }

    private void WriteMergeAtRequestedDepth(bool useParseContext)
    {
        W.Line("int depth = _inkwellMergeDepth;");
        W.Line("_inkwellMergeDepth = 0;");
        W.Open("if (depth == 0)");
        W.Line($"Inkwell_MergeLevel({RefIf(useParseContext)}input);");
        W.Close();
        W.Open("else");
        W.Line($"Inkwell_MergeAtDepth(depth, {RefIf(useParseContext)}input);");
        W.Close();
    }

    /// <summary>
    /// The members that read a level: the root's <c>Inkwell_ReadLevel</c>, <c>Inkwell_MergeAtDepth</c>, ANY's
    /// <c>Inkwell_MergeAny</c> and <c>Inkwell_MergeLevel</c>.
    /// </summary>
    private void WriteLevelParsing(bool useParseContext)
    {
        string reference = RefIf(useParseContext);
        if (Level.IsRoot)
        {
            W.Line("/// <summary>Reads one length-delimited level of the envelope (or, at ~depth, its Any) into this object.</summary>");
            W.Line(Hidden);
            W.Open($"protected void Inkwell_ReadLevel(int depth, {ParseParameter(useParseContext)})");
            WriteReadAtDepth("input.ReadMessage(this);");
            W.Close();
            W.Line();
        }
        W.Line("/// <summary>Reads the level at a depth below the root (overridden by every subtype).</summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} void Inkwell_MergeAtDepth(int depth, {ParseParameter(useParseContext)})");
        if (!Level.IsRoot)
        {
            W.Open($"if (depth == {Depth})");
            W.Line($"Inkwell_MergeLevel({reference}input);");
            W.Line("return;");
            W.Close();
        }
        if (ReadsAnySubtypes)
        {
            W.Open($"if (depth == {AnyDepth})");
            W.Line($"Inkwell_MergeAny({reference}input);");
            W.Line("return;");
            W.Close();
        }
        W.Line(Level.IsRoot
            ? "throw new global::System.InvalidOperationException(\"No level at depth \" + depth + \" in \" + GetType().FullName + \".\");"
            : $"base.Inkwell_MergeAtDepth(depth, {reference}input);");
        W.Close();
        W.Line();
        if (ReadsAnySubtypes)
        {
            WriteMergeAny(useParseContext);
        }
        W.Open($"private void Inkwell_MergeLevel({ParseParameter(useParseContext)})");
        W.Line("uint tag;");
        W.Open("while ((tag = input.ReadTag()) != 0)");
        W.Open("if ((tag & 7) == 4)");
        WriteMapValueResolutionCall();
        W.Line("return;");
        W.Close();
        W.Open("switch (tag)");
        W.Line("default:");
        W.Indent();
        if (Level.UsesExtensions)
        {
            W.Line($"{ClassName} unlisted = (tag & 7) == 2 ? {UnlistedSubtype(Level.Depth)}(tag) : null;");
            W.Open("if (unlisted != null)");
            W.Line($"unlisted.Inkwell_ReadLevel({(Level.Depth + 1).ToString(CultureInfo.InvariantCulture)}, {reference}input);");
            W.Line("break;");
            W.Close();
        }
        W.Line($"_unknownFields = pb::UnknownFieldSet.MergeFieldFrom(_unknownFields, {reference}input);");
        W.Line("break;");
        W.Outdent();
        if (Level.UsesExtensions)
        {
            W.Line($"case {Level.TypeField!.Tag.ToString(CultureInfo.InvariantCulture)}:");
            W.Indent();
            W.Line("_inkwellStoredTag = input.ReadInt32();");
            W.Line("break;");
            W.Outdent();
            foreach (ProtoMessage subtype in Level.Subtypes)
            {
                // The extension's tag is the subtype's (a subtype from a declaration stub has no extension).
                WriteSubtypeCase(subtype, WireFormat.MakeTag(subtype.Hierarchy!.Tag, WireFormat.LengthDelimited), useParseContext);
            }
        }
        foreach (ProtoField field in _fieldsByNumber)
        {
            if (field == Level.TypeField)
            {
                continue;
            }
            if (field == Level.AnyField)
            {
                // Without subtypes known here, every Any is an unknown subtype's: the default case keeps it.
                if (Level.HasSubtypes)
                {
                    WriteAnyCase(useParseContext);
                }
                continue;
            }
            if (!Level.IsLevelField(field))
            {
                WriteSubtypeCase(field.MessageType!, field.Tag, useParseContext);
                continue;
            }
            WriteFieldCase(field, useParseContext);
        }
        W.Close();
        W.Close();
        WriteMapValueResolutionCall();
        W.Close();
    }

    /// <summary>
    /// For each known direct subtype, the object its level is read into: this one when it is of that class, one held
    /// aside (until Inkwell_ResolveSubtypes) when this object is exactly this class, or null when it cannot be one.
    /// Every route that meets a subtype's level (its field or extension, an Any's type URL, JSON's type field) asks it.
    /// </summary>
    private void WriteSubtypeTargets()
    {
        foreach (ProtoMessage subtype in Level.Subtypes)
        {
            string s = subtype.ClassName;
            W.Open($"private {ClassName} {SubtypeTarget(subtype)}()");
            // Exactly this class first: that is every reader, so the parse path asks one question.
            W.Open($"if (GetType() == typeof({ClassName}))");
            W.Open($"if (!(_inkwellSubtype is {s}))");
            W.Line($"_inkwellSubtype = {NewReader(subtype)};");
            W.Close();
            W.Line("return _inkwellSubtype;");
            W.Close();
            W.Line($"return this is {s} ? this : null;");
            W.Close();
            W.Line();
        }
    }

    private static string UnlistedSubtype(int depth) => "Inkwell_UnlistedSubtype" + depth.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// An open base (ANY, EXTENSIONS) lists only the subtypes generated with it. One compiled apart from it, in another
    /// assembly, answers for itself: the base asks this object whether it is the subtype a type URL or an extension
    /// tag names, and reads that level into it. So the subtype's own parser (and its fields' parses) read every level,
    /// while the base's parser keeps such a level as an unknown field.
    /// </summary>
    private void WriteUnlistedSubtypeHooks()
    {
        string parameter = Level.UsesAny ? "string typeUrl" : "uint tag";
        if (Level.IsOpen)
        {
            W.Line("/// <summary>This object, when it is a subtype this level does not list whose level the Any's type URL or the extension's tag names; else null.</summary>");
            W.Line(Hidden);
            W.Open($"protected virtual {ClassName} {UnlistedSubtype(Level.Depth)}({parameter})");
            W.Line("return null;");
            W.Close();
            W.Line();
        }
        if (Level.IsRoot || !Level.Base!.Hierarchy!.IsOpen)
        {
            return;
        }
        string baseClass = Level.Base.ClassName;
        string hook = UnlistedSubtype(Level.Depth - 1);
        W.Line(Hidden);
        if (Level.Base.Hierarchy.UsesAny)
        {
            W.Open($"protected override {baseClass} {hook}(string typeUrl)");
            W.Line("int name = typeUrl.LastIndexOf('/') + 1;");
            W.Line($"return {TypeUrlNames(_message.FullName)} ? this : base.{hook}(typeUrl);");
        }
        else
        {
            string tag = WireFormat.MakeTag(Level.Tag, WireFormat.LengthDelimited).ToString(CultureInfo.InvariantCulture);
            W.Open($"protected override {baseClass} {hook}(uint tag)");
            W.Line($"return tag == {tag} ? this : base.{hook}(tag);");
        }
        W.Close();
        W.Line();
    }

    private static string SubtypeTarget(ProtoMessage subtype) =>
        "Inkwell_TargetFor" + subtype.Hierarchy!.Tag.ToString(CultureInfo.InvariantCulture);

    private void WriteSubtypeCase(ProtoMessage subtype, uint tag, bool useParseContext)
    {
        string depth = (Level.Depth + 1).ToString(CultureInfo.InvariantCulture);
        W.Line($"case {tag.ToString(CultureInfo.InvariantCulture)}: {{");
        W.Indent();
        W.Line($"{ClassName} target = {SubtypeTarget(subtype)}();");
        W.Open("if (target != null)");
        W.Line($"target.Inkwell_ReadLevel({depth}, {RefIf(useParseContext)}input);");
        W.Close();
        W.Line("// Another subtype's level: this object cannot become it, so its bytes are kept.");
        W.Open("else");
        W.Line($"_unknownFields = pb::UnknownFieldSet.MergeFieldFrom(_unknownFields, {RefIf(useParseContext)}input);");
        W.Close();
        W.Line("break;");
        W.Close();
    }
}
