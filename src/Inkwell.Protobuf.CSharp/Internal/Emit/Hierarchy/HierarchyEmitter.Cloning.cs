using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>Copying a hierarchy object: each class's copy constructor copies its level; Clone keeps the object's class.</summary>
internal sealed partial class HierarchyEmitter
{
    private void WriteCloning()
    {
        _context.WriteGeneratedCodeAttributes();
        W.Open($"public {ClassName}({ClassName} other) : {(Level.IsRoot ? "this()" : "base(other)")}");
        if (!Level.IsRoot)
        {
            W.Line("OnConstruction();");
        }
        _messageEmitter.WriteHasBitsCopy();
        foreach (ProtoField field in LevelFields)
        {
            if (field.RealOneof is null)
            {
                EmitterFor(field).WriteCloning();
            }
        }
        _messageEmitter.WriteOneofSwitches(LevelOneofs, field => EmitterFor(field).WriteCloning());
        if (Level.HasSubtypes)
        {
            W.Line($"_inkwellSubtype = other._inkwellSubtype != null ? ({ClassName}) other._inkwellSubtype.Inkwell_Clone() : null;");
        }
        if (Level.UsesExtensions)
        {
            W.Line("_inkwellStoredTag = other._inkwellStoredTag;");
        }
        W.Line("_unknownFields = pb::UnknownFieldSet.Clone(other._unknownFields);");
        W.Close();
        W.Line();
        W.Line("/// <summary>A deep copy, of the same class as this object.</summary>");
        _context.WriteGeneratedCodeAttributes();
        W.Open($"public {New}{ClassName} Clone()");
        W.Line(Level.IsRoot ? "return Inkwell_Clone();" : $"return ({ClassName}) Inkwell_Clone();");
        W.Close();
        W.Line();
        W.Line("/// <summary>Copies this object as its own class (overridden by every subtype).</summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} {RootClassName} Inkwell_Clone()");
        W.Line($"return new {ClassName}(this);");
        W.Close();
        W.Line();
    }
}
