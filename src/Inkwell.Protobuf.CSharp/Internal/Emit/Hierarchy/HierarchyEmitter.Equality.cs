using Inkwell.Protobuf.CSharp.Internal.Emit.Fields;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>
/// Equals, GetHashCode and ToString of a hierarchy object: two objects are equal when of the same class with equal
/// levels, each class comparing and hashing its own level and chaining to its base's.
/// </summary>
internal sealed partial class HierarchyEmitter
{
    private void WriteEquality()
    {
        string rootClass = RootClassName;
        if (Level.IsRoot)
        {
            _context.WriteGeneratedCodeAttributes();
            W.Open("public override bool Equals(object other)");
            W.Line($"return Equals(other as {rootClass});");
            W.Close();
            W.Line();
            W.Line("/// <summary>Equal when of the same class with equal fields at every level.</summary>");
            _context.WriteGeneratedCodeAttributes();
            W.Open($"public bool Equals({rootClass} other)");
            W.Open("if (ReferenceEquals(other, null))");
            W.Line("return false;");
            W.Close();
            W.Open("if (ReferenceEquals(other, this))");
            W.Line("return true;");
            W.Close();
            W.Line("return GetType() == other.GetType() && Inkwell_LevelsEqual(other);");
            W.Close();
            W.Line();
            _context.WriteGeneratedCodeAttributes();
            W.Open("public override int GetHashCode()");
            W.Line("return Inkwell_LevelsHash(GetType().GetHashCode());");
            W.Close();
            W.Line();
            _context.WriteGeneratedCodeAttributes();
            W.Open("public override string ToString()");
            W.Line("return pb::JsonFormatter.ToDiagnosticString(this);");
            W.Close();
            W.Line();
        }
        else
        {
            _context.WriteGeneratedCodeAttributes();
            W.Open($"public bool Equals({ClassName} other)");
            W.Line($"return Equals(({rootClass}) other);");
            W.Close();
            W.Line();
        }
        string parameter = Level.IsRoot ? "other" : "inkwellOther";
        W.Line("/// <summary>Compares this level and the levels above it; the caller checked the classes are equal.</summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} bool Inkwell_LevelsEqual({rootClass} {parameter})");
        if (!Level.IsRoot)
        {
            W.Open($"if (!base.Inkwell_LevelsEqual({parameter}))");
            W.Line("return false;");
            W.Close();
            W.Line($"{ClassName} other = ({ClassName}) {parameter};");
        }
        foreach (FieldEmitter field in LevelEmitters)
        {
            field.WriteEquals();
        }
        foreach (ProtoOneof oneof in LevelOneofs)
        {
            W.Line($"if ({oneof.PropertyName}Case != other.{oneof.PropertyName}Case) return false;");
        }
        if (Level.HasSubtypes)
        {
            W.Line("if (!object.Equals(_inkwellSubtype, other._inkwellSubtype)) return false;");
        }
        if (Level.UsesExtensions)
        {
            // The tag a subtype object was read with says nothing its class does not.
            W.Line($"if (Inkwell_SubtypeTag{Depth}() != other.Inkwell_SubtypeTag{Depth}()) return false;");
        }
        W.Line("return Equals(_unknownFields, other._unknownFields);");
        W.Close();
        W.Line();
        W.Line("/// <summary>Mixes this level and the levels above it into a hash.</summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} int Inkwell_LevelsHash(int hash)");
        if (!Level.IsRoot)
        {
            W.Line("hash = base.Inkwell_LevelsHash(hash);");
        }
        foreach (FieldEmitter field in LevelEmitters)
        {
            field.WriteHash();
        }
        foreach (ProtoOneof oneof in LevelOneofs)
        {
            W.Line($"hash ^= (int) {oneof.CaseFieldName};");
        }
        if (Level.HasSubtypes)
        {
            W.Open("if (_inkwellSubtype != null)");
            W.Line("hash ^= _inkwellSubtype.GetHashCode();");
            W.Close();
        }
        if (Level.UsesExtensions)
        {
            W.Line($"hash ^= Inkwell_SubtypeTag{Depth}();");
        }
        W.Open("if (_unknownFields != null)");
        W.Line("hash ^= _unknownFields.GetHashCode();");
        W.Close();
        W.Line("return hash;");
        W.Close();
        W.Line();
    }
}
