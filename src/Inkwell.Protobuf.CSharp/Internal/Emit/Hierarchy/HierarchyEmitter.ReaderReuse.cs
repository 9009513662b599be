using System.Globalization;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>
/// How a field of a hierarchy type is parsed without paying for the classes it turns out not to be. The bytes
/// name the subtype only after the base's fields, so the levels above it are read into a reader object of the
/// field's class first. Resolving such a parse exchanges (not copies) each level with the subtype's fresh, empty
/// one, which leaves the reader empty again: it goes back to a per-thread slot of its class and reads the next
/// message. A Kitten in a list of animals then costs one object, not the three that a reader, a held Cat and the
/// Kitten would (docs/csharp.md, "Class hierarchies"; docs/benchmarks.md has the numbers).
/// </summary>
internal sealed partial class HierarchyEmitter
{
    private const string ReaderSlot = "t_inkwellReader";

    /// <summary>An empty object of a subtype for a parse to read its level into.</summary>
    private static string NewReader(ProtoMessage subtype) =>
        subtype.Hierarchy!.HasSubtypes ? $"{subtype.ClassName}.{RentReader(subtype.Hierarchy.Depth)}()" : $"new {subtype.ClassName}()";

    /// <summary>
    /// Each class's reader slot is its own, named by depth: it hides nothing, so a subtype compiled into another
    /// assembly (where the base's internal member is not visible) declares it the same way.
    /// </summary>
    private static string RentReader(int depth) => "Inkwell_RentReader" + depth.ToString(CultureInfo.InvariantCulture);

    private void WriteReaderReuse()
    {
        // Called by the ParseContext paths only (the compatibility build reads fields with CodedInputStream).
        W.WriteUsualBuildOnly(WriteReadMessage);
        W.Line();
        if (!Level.HasSubtypes)
        {
            return;
        }
        W.Line("// An emptied reader of exactly this class, kept per thread for the next parse.");
        W.Line("[global::System.ThreadStaticAttribute]");
        W.Line($"private static {ClassName} {ReaderSlot};");
        W.Line();
        W.Line($"/// <summary>An empty {_message.Name} to read a level into: the one this thread kept, or a new one.</summary>");
        W.Line(Hidden);
        W.Open($"internal static {ClassName} {RentReader(Level.Depth)}()");
        W.Line($"{ClassName} reader = {ReaderSlot};");
        W.Open("if (reader == null)");
        W.Line($"return new {ClassName}();");
        W.Close();
        W.Line($"{ReaderSlot} = null;");
        W.Line("return reader;");
        W.Close();
        W.Line();
        W.Line("/// <summary>Keeps an object whose levels a parse moved out (so it is empty) for the next parse.</summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} void Inkwell_Recycle()");
        W.Open($"if (GetType() == typeof({ClassName}))");
        W.Line($"{ReaderSlot} = this;");
        W.Close();
        W.Close();
        W.Line();
        string rootClass = RootClassName;
        W.Line("/// <summary>");
        W.Line("/// Inkwell_ResolveSubtypes for objects a parse made: the subtype's levels above it are still empty, so");
        W.Line("/// they are exchanged with this object's instead of merged, and the objects emptied are kept for reuse.");
        W.Line("/// </summary>");
        W.Line(Hidden);
        W.Open($"protected {VirtualOrOverride} {rootClass} Inkwell_ResolveParsed()");
        W.Open("if (_inkwellSubtype == null)");
        W.Line(Level.IsRoot ? "return this;" : "return base.Inkwell_ResolveParsed();");
        W.Close();
        W.Line("return Inkwell_ResolveHeld();");
        W.Close();
        W.Line();
        W.Line("// Inkwell_ResolveParsed of an object holding a subtype of this level aside: called directly by a reader,");
        W.Line("// which is exactly this class, so the parse path makes no virtual call to get here.");
        W.Open($"private {rootClass} Inkwell_ResolveHeld()");
        W.Line($"{ClassName} held = _inkwellSubtype;");
        W.Line("_inkwellSubtype = null;");
        W.Line($"{ClassName} subtype = ({ClassName}) held.Inkwell_ResolveParsed();");
        W.Open("if (!ReferenceEquals(subtype, held))");
        W.Line("held.Inkwell_Recycle();");
        W.Close();
        W.Line($"subtype.Inkwell_SwapLevels{Depth}(this);");
        W.Line("return subtype;");
        W.Close();
        W.Line();
        W.Line("/// <summary>Exchanges this level and the ones above it with another object of this class.</summary>");
        W.Line(Hidden);
        W.Open($"protected void Inkwell_SwapLevels{Depth}({ClassName} other)");
        if (!Level.IsRoot)
        {
            W.Line($"Inkwell_SwapLevels{BaseDepth}(other);");
        }
        W.Line("Inkwell_SwapLevelWith(other);");
        W.Close();
        W.Line();
    }

    /// <summary>The static read of a length-delimited object that fields of this class call: a rented reader, resolved.</summary>
    private void WriteReadMessage()
    {
        W.Line($"/// <summary>Reads a length-delimited {_message.Name} from a parse, as the most-derived class it holds.</summary>");
        W.Line(Hidden);
        W.Open($"public static {New}{ClassName} Inkwell_ReadMessage(ref pb::ParseContext input)");
        if (!Level.HasSubtypes)
        {
            W.Line($"{ClassName} message = new {ClassName}();");
            W.Line("input.ReadMessage(message);");
            W.Line("return message;");
            W.Close();
            return;
        }
        W.Line($"{ClassName} reader = {RentReader(Level.Depth)}();");
        W.Line("input.ReadMessage(reader);");
        W.Line("// Only this level can hold a subtype aside: the reader is exactly this class.");
        W.Open("if (reader._inkwellSubtype == null)");
        W.Line("return reader;");
        W.Close();
        W.Line($"{ClassName} result = ({ClassName}) reader.Inkwell_ResolveHeld();");
        W.Line($"{ReaderSlot} = reader;");
        W.Line("return result;");
        W.Close();
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
        for (int i = 0; i < _messageEmitter.HasBitFieldCount; i++)
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
