using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>
/// Merging hierarchy objects level by level, and resolving a subtype held aside into the most-derived object.
/// </summary>
internal sealed partial class HierarchyEmitter
{
    private void WriteMerging()
    {
        string rootClass = RootClassName;
        if (Level.IsRoot)
        {
            W.Line("/// <summary>");
            W.Line("/// Merges another message in: level by level when this object's class is the other's or derives");
            W.Line("/// from it, else as protobuf merges bytes (a subtype this object cannot become stays as unknown fields).");
            W.Line("/// </summary>");
            _context.WriteGeneratedCodeAttributes();
            W.Open($"public void MergeFrom({rootClass} other)");
            W.Open("if (other == null)");
            W.Line("return;");
            W.Close();
            W.Open("if (!other.GetType().IsAssignableFrom(GetType()))");
            W.Line("pb::MessageExtensions.MergeFrom(this, pb::MessageExtensions.ToByteString(other));");
            W.Line("return;");
            W.Close();
            W.Line("Inkwell_MergeLevels(other);");
            W.Close();
            W.Line();
        }
        else
        {
            _context.WriteGeneratedCodeAttributes();
            W.Open($"public void MergeFrom({ClassName} other)");
            W.Line($"MergeFrom(({rootClass}) other);");
            W.Close();
            W.Line();
        }
        string parameter = Level.IsRoot ? "other" : "inkwellOther";
        W.Line("/// <summary>Merges the levels of another message that this object's class has.</summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} void Inkwell_MergeLevels({rootClass} {parameter})");
        if (!Level.IsRoot)
        {
            W.Line($"base.Inkwell_MergeLevels({parameter});");
            W.Line($"{ClassName} other = {parameter} as {ClassName};");
            W.Open("if (other == null)");
            W.Line("return;");
            W.Close();
        }
        W.Line("Inkwell_MergeLevelFrom(other);");
        W.Close();
        W.Line();
        W.Open($"private void Inkwell_MergeLevelFrom({ClassName} other)");
        foreach (ProtoField field in LevelFields)
        {
            if (field.RealOneof is null)
            {
                EmitterFor(field).WriteMerging();
            }
        }
        _messageEmitter.WriteOneofSwitches(LevelOneofs, f => EmitterFor(f).WriteMerging());
        if (Level.HasSubtypes)
        {
            W.Open("if (other._inkwellSubtype != null)");
            W.Open("if (_inkwellSubtype == null)");
            W.Line($"_inkwellSubtype = ({ClassName}) other._inkwellSubtype.Inkwell_Clone();");
            W.Close();
            W.Open("else");
            W.Line("_inkwellSubtype.MergeFrom(other._inkwellSubtype);");
            W.Close();
            W.Close();
        }
        if (Level.UsesExtensions)
        {
            W.Open("if (other._inkwellStoredTag != 0)");
            W.Line("_inkwellStoredTag = other._inkwellStoredTag;");
            W.Close();
        }
        W.Line("_unknownFields = pb::UnknownFieldSet.MergeFrom(_unknownFields, other._unknownFields);");
        W.Close();
        W.Line();
        if (Level.HasSubtypes)
        {
            WriteResolve();
        }
        else if (Level.IsRoot)
        {
            W.Line("/// <summary>A root without subtypes in this compilation holds nothing to resolve.</summary>");
            W.Line(Hidden);
            W.Open($"protected virtual {RootClassName} Inkwell_ResolveSubtypes()");
            W.Line("return this;");
            W.Close();
            W.Line();
        }
    }

    private void WriteResolve()
    {
        string rootClass = RootClassName;
        W.Line("/// <summary>");
        W.Line("/// Returns the most-derived object this one holds: itself, or the subtype a parser read into it with");
        W.Line("/// this level and the levels above moved in.");
        W.Line("/// </summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} {rootClass} Inkwell_ResolveSubtypes()");
        W.Open("if (_inkwellSubtype == null)");
        W.Line(Level.IsRoot ? "return this;" : "return base.Inkwell_ResolveSubtypes();");
        W.Close();
        W.Line($"{ClassName} subtype = ({ClassName}) _inkwellSubtype.Inkwell_ResolveSubtypes();");
        W.Line("_inkwellSubtype = null;");
        W.Line($"subtype.Inkwell_TakeLevels{Depth}(this);");
        W.Line("return subtype;");
        W.Close();
        W.Line();
        W.Line("/// <summary>Moves this level and the ones above it from a parsed object of exactly this class.</summary>");
        W.Line(Hidden);
        W.Open($"protected void Inkwell_TakeLevels{Depth}({ClassName} other)");
        if (!Level.IsRoot)
        {
            // The nearest base with subtypes is the direct base (it has this class as one).
            W.Line($"Inkwell_TakeLevels{BaseDepth}(other);");
        }
        W.Line("Inkwell_MergeLevelFrom(other);");
        W.Close();
        W.Line();
    }
}
