using System.Collections.Generic;
using System.Globalization;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>
/// How a level finds the object a subtype's level is read into: the root's list of the classes generated with it, each
/// level's target for each known subtype, and, for open encodings (ANY, EXTENSIONS), the hook through which a subtype
/// compiled apart from its base claims its own level.
/// </summary>
internal sealed partial class HierarchyEmitter
{
    /// <summary>The root's list of the classes its code reads as subtypes: those generated with it, at every depth.</summary>
    private void WriteListedClasses()
    {
        var listed = new List<string> { $"type == typeof({ClassName})" };
        var pending = new Stack<ProtoMessage>(Level.Subtypes);
        while (pending.Count > 0)
        {
            ProtoMessage subtype = pending.Pop();
            listed.Add($"type == typeof({subtype.ClassName})");
            foreach (ProtoMessage next in subtype.Hierarchy!.Subtypes)
            {
                pending.Push(next);
            }
        }
        W.Line("// Whether this class's parse finds objects of a type: itself and the subtypes generated with it, not those");
        W.Line("// compiled apart from it (in another assembly), which parse through their own class.");
        W.Open("private static bool Inkwell_ListsClass(global::System.Type type)");
        W.Line($"return {string.Join(" || ", listed)};");
        W.Close();
        W.Line();
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
            string subtypeClass = subtype.ClassName;
            W.Open($"private {ClassName} {SubtypeTarget(subtype)}()");
            // Exactly this class first: that is every reader, so the parse path asks one question.
            W.Open($"if (GetType() == typeof({ClassName}))");
            W.Open($"if (!(_inkwellSubtype is {subtypeClass}))");
            W.Line($"_inkwellSubtype = {NewReader(subtype)};");
            W.Close();
            W.Line("return _inkwellSubtype;");
            W.Close();
            W.Line($"return this is {subtypeClass} ? this : null;");
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
}
