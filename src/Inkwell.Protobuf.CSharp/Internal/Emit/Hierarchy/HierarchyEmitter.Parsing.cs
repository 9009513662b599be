using System.Globalization;
using Inkwell.Protobuf.CSharp.Internal.Model;
using static Inkwell.Protobuf.CSharp.Internal.Emit.CompatibilityMode;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>
/// Reading a hierarchy object: each level's parse loop, and the subtype cases that read a level into this
/// object or into a subtype held aside.
/// </summary>
internal sealed partial class HierarchyEmitter
{
    private void WriteParsing()
    {
        if (Level.IsRoot)
        {
            _context.WriteGeneratedCodeAttributes();
            W.Open("public void MergeFrom(pb::CodedInputStream input)");
            W.WriteBodyForEachBuild("input.ReadRawMessage(this);", () => WriteMergeAtRequestedDepth(useParseContext: false));
            W.Close();
            W.Line();
            W.WriteUsualBuildOnly(() =>
            {
                _context.WriteGeneratedCodeAttributes();
                W.Open("void pb::IBufferMessage.InternalMergeFrom(ref pb::ParseContext input)");
                WriteMergeAtRequestedDepth(useParseContext: true);
                W.Close();
            });
            W.Line();
            WriteMergeLevelBytes();
        }
        _messageEmitter.WriteMapValueResolution();
        WriteSubtypeTargets();
        WriteUnlistedSubtypeHooks();
        if (Level.UsesAny)
        {
            WriteAnyParsing();
        }
        W.WriteForEachBuild(WriteLevelParsing);
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
        if (Level.UsesAny)
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
        if (Level.UsesAny)
        {
            WriteMergeAny(useParseContext);
        }
        W.Open($"private void Inkwell_MergeLevel({ParseParameter(useParseContext)})");
        W.Line("uint tag;");
        W.Open("while ((tag = input.ReadTag()) != 0)");
        W.Open("if ((tag & 7) == 4)");
        _messageEmitter.WriteMapValueResolutionCall();
        W.Line("return;");
        W.Close();
        W.Open("switch (tag)");
        W.Line("default:");
        W.Indent();
        if (Level.UsesExtensions)
        {
            W.Line($"{ClassName} unlisted = (tag & 7) == 2 ? {UnlistedSubtype(Level.Depth)}(tag) : null;");
            W.Open("if (unlisted != null)");
            W.Line($"unlisted.Inkwell_ReadLevel({SubtypeDepth}, {reference}input);");
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
        foreach (ProtoField field in _messageEmitter.FieldsByNumber)
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
            _messageEmitter.WriteFieldCase(field, useParseContext);
        }
        W.Close();
        W.Close();
        _messageEmitter.WriteMapValueResolutionCall();
        W.Close();
    }

    private void WriteSubtypeCase(ProtoMessage subtype, uint tag, bool useParseContext)
    {
        W.Line($"case {tag.ToString(CultureInfo.InvariantCulture)}: {{");
        W.Indent();
        W.Line($"{ClassName} target = {SubtypeTarget(subtype)}();");
        W.Open("if (target != null)");
        W.Line($"target.Inkwell_ReadLevel({SubtypeDepth}, {RefIf(useParseContext)}input);");
        W.Close();
        W.Line("// Another subtype's level: this object cannot become it, so its bytes are kept.");
        W.Open("else");
        W.Line($"_unknownFields = pb::UnknownFieldSet.MergeFieldFrom(_unknownFields, {RefIf(useParseContext)}input);");
        W.Close();
        W.Line("break;");
        W.Close();
    }
}
