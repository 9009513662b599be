using System.Globalization;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>
/// How a field of a hierarchy type is parsed without paying for the classes it turns out not to be. The bytes
/// name the subtype only after the base's fields, so the levels above it are read into a reader object of the
/// field's class first. Resolving such a parse exchanges (not copies) each level with the subtype's fresh, empty
/// one, which leaves the reader empty again: it goes back to a per-thread slot of its class and reads the next
/// message. A Kitten in a list of animals then costs one object, not the three that a reader, a held Cat and the
/// Kitten would (docs/csharp.md, "Class hierarchies"; docs/benchmarks.md has the numbers).
/// </summary>
internal sealed partial class MessageEmitter
{
    private string ReaderSlot => "t_inkwellReader";

    private void WriteHierarchyReaders()
    {
        string c = ClassName;
        // Called by the ParseContext paths only (the compatibility build reads fields with CodedInputStream).
        W.Line("#if !" + RefStructCompatibilityMode);
        W.Line($"/// <summary>Reads a length-delimited {_message.Name} from a parse, as the most-derived class it holds.</summary>");
        W.Line(Hidden);
        W.Open($"public static {New}{c} Inkwell_ReadMessage(ref pb::ParseContext input)");
        if (!Level.HasSubtypes)
        {
            W.Line($"{c} message = new {c}();");
            W.Line("input.ReadMessage(message);");
            W.Line("return message;");
            W.Close();
            W.Line("#endif");
            W.Line();
            return;
        }
        W.Line($"{c} reader = {RentReader(Level.Depth)}();");
        W.Line("input.ReadMessage(reader);");
        W.Line("// Only this level can hold a subtype aside: the reader is exactly this class.");
        W.Open("if (reader._inkwellSubtype == null)");
        W.Line("return reader;");
        W.Close();
        W.Line($"{c} result = ({c}) reader.Inkwell_ResolveHeld();");
        W.Line($"{ReaderSlot} = reader;");
        W.Line("return result;");
        W.Close();
        W.Line("#endif");
        W.Line();

        W.Line("// An emptied reader of exactly this class, kept per thread for the next parse.");
        W.Line("[global::System.ThreadStaticAttribute]");
        W.Line($"private static {c} {ReaderSlot};");
        W.Line();
        W.Line($"/// <summary>An empty {_message.Name} to read a level into: the one this thread kept, or a new one.</summary>");
        W.Line(Hidden);
        W.Open($"internal static {c} {RentReader(Level.Depth)}()");
        W.Line($"{c} reader = {ReaderSlot};");
        W.Open("if (reader == null)");
        W.Line($"return new {c}();");
        W.Close();
        W.Line($"{ReaderSlot} = null;");
        W.Line("return reader;");
        W.Close();
        W.Line();
        W.Line("/// <summary>Keeps an object whose levels a parse moved out (so it is empty) for the next parse.</summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} void Inkwell_Recycle()");
        W.Open($"if (GetType() == typeof({c}))");
        W.Line($"{ReaderSlot} = this;");
        W.Close();
        W.Close();
        W.Line();

        string r = RootName;
        W.Line("/// <summary>");
        W.Line("/// Inkwell_ResolveSubtypes for objects a parse made: the subtype's levels above it are still empty, so");
        W.Line("/// they are exchanged with this object's instead of merged, and the objects emptied are kept for reuse.");
        W.Line("/// </summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} {r} Inkwell_ResolveParsed()");
        W.Open("if (_inkwellSubtype == null)");
        W.Line(Level.IsRoot ? "return this;" : "return base.Inkwell_ResolveParsed();");
        W.Close();
        W.Line("return Inkwell_ResolveHeld();");
        W.Close();
        W.Line();
        W.Line("// Inkwell_ResolveParsed of an object holding a subtype of this level aside: called directly by a reader,");
        W.Line("// which is exactly this class, so the parse path makes no virtual call to get here.");
        W.Open($"private {r} Inkwell_ResolveHeld()");
        W.Line($"{c} held = _inkwellSubtype;");
        W.Line("_inkwellSubtype = null;");
        W.Line($"{c} subtype = ({c}) held.Inkwell_ResolveParsed();");
        W.Open("if (!ReferenceEquals(subtype, held))");
        W.Line("held.Inkwell_Recycle();");
        W.Close();
        W.Line($"subtype.Inkwell_SwapLevels{Depth}(this);");
        W.Line("return subtype;");
        W.Close();
        W.Line();
        W.Line("/// <summary>Exchanges this level and the ones above it with another object of this class.</summary>");
        W.Line(Hidden);
        W.Open($"protected void Inkwell_SwapLevels{Depth}({c} other)");
        if (!Level.IsRoot)
        {
            W.Line($"Inkwell_SwapLevels{BaseDepth}(other);");
        }
        W.Line("Inkwell_SwapLevelWith(other);");
        W.Close();
        W.Line();
    }

    /// <summary>
    /// Exchanges this class's level (fields, presence bits, oneofs, unknown fields) with another object's; a
    /// reference only when the two differ, to spare the write barriers of storing what is already there.
    /// </summary>
    private void WriteSwapLevel()
    {
        if (!Level.HasSubtypes)
        {
            return;
        }
        W.Open($"private void Inkwell_SwapLevelWith({ClassName} other)");
        foreach (var field in LevelFields)
        {
            if (field.RealOneof is null)
            {
                EmitterFor(field).WriteSwap();
            }
        }
        foreach (ProtoOneof oneof in LevelOneofs)
        {
            W.Line($"if (!ReferenceEquals({oneof.FieldName}, other.{oneof.FieldName})) {{ var swap = {oneof.FieldName}; {oneof.FieldName} = other.{oneof.FieldName}; other.{oneof.FieldName} = swap; }}");
            W.Line($"{{ var swap = {oneof.CaseFieldName}; {oneof.CaseFieldName} = other.{oneof.CaseFieldName}; other.{oneof.CaseFieldName} = swap; }}");
        }
        for (int i = 0; i < _hasBitFieldCount; i++)
        {
            string bits = "_hasBits" + i.ToString(CultureInfo.InvariantCulture);
            W.Line($"{{ var swap = {bits}; {bits} = other.{bits}; other.{bits} = swap; }}");
        }
        if (Level.UsesExtensions)
        {
            W.Line("{ var swap = _inkwellStoredTag; _inkwellStoredTag = other._inkwellStoredTag; other._inkwellStoredTag = swap; }");
        }
        W.Line("if (!ReferenceEquals(_unknownFields, other._unknownFields)) { var swap = _unknownFields; _unknownFields = other._unknownFields; other._unknownFields = swap; }");
        W.Close();
        W.Line();
    }
}
