using System.Globalization;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>
/// What Google.Protobuf's reflection (and so JsonFormatter, JsonParser and ToString) needs of a class
/// hierarchy. Reflection sees the lowered schema: the root's descriptor with a <c>subtype</c> oneof whose
/// members are the subtypes' levels. The root class serves its own descriptor, with hidden members for
/// the oneof; every other level is served by a small view class (<c>Cat.InkwellLevel</c>) over the
/// object, since the object itself reports the root's descriptor.
/// </summary>
internal sealed partial class HierarchyEmitter
{
    /// <summary>
    /// The subtype oneof for reflection, on the root (<paramref name="owner"/> <c>this</c>) or a level's view
    /// (<c>Owner</c>): the case is the object's class (or the subtype it holds until resolved).
    /// </summary>
    private void WriteSubtypeReflectionMembers(string owner)
    {
        W.Line("/// <summary>For reflection: which subtype of this level the object is.</summary>");
        W.Line(Hidden);
        W.Open($"public enum {HierarchyMemberNames.SubtypeOneof}OneofCase");
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
        W.Open($"public {HierarchyMemberNames.SubtypeOneof}OneofCase {HierarchyMemberNames.SubtypeOneof}Case");
        W.Open("get");
        foreach (ProtoMessage subtype in Level.Subtypes)
        {
            W.Open($"if ({owner} is {subtype.ClassName} || {owner}._inkwellSubtype is {subtype.ClassName})");
            W.Line($"return {HierarchyMemberNames.SubtypeOneof}OneofCase.{subtype.Hierarchy!.MemberInBase!.OneofCaseName};");
            W.Close();
        }
        W.Line($"return {HierarchyMemberNames.SubtypeOneof}OneofCase.None;");
        W.Close();
        W.Close();
        W.Line();
        W.Line("/// <summary>For reflection: drops a subtype held until resolved (an object cannot stop being its class).</summary>");
        W.Line(Hidden);
        W.Open($"public void Clear{HierarchyMemberNames.SubtypeOneof}()");
        W.Line($"{owner}._inkwellSubtype = null;");
        W.Close();
        W.Line();
        foreach (ProtoMessage subtype in Level.Subtypes)
        {
            string subtypeClass = subtype.ClassName;
            W.Line($"/// <summary>For reflection: the {subtype.Name} level of this object.</summary>");
            W.Line(Hidden);
            W.Open($"public {subtypeClass}.InkwellLevel {HierarchyMemberNames.SubtypeProperty(subtype.Hierarchy!.MemberInBase!)}");
            W.Open("get");
            W.Line($"{subtypeClass} subtype = {owner} as {subtypeClass} ?? {owner}._inkwellSubtype as {subtypeClass};");
            W.Line($"return subtype == null ? null : new {subtypeClass}.InkwellLevel(subtype);");
            W.Close();
            W.Open("set");
            W.Open("if (value == null)");
            W.Open($"if ({owner}._inkwellSubtype is {subtypeClass})");
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
        W.Open($"public int {HierarchyMemberNames.TypeFieldProperty}");
        W.Line($"get {{ return {owner}.Inkwell_SubtypeTag{Depth}(); }}");
        W.Line($"set {{ {owner}.Inkwell_SetTypeTag{Depth}(value); }}");
        W.Close();
        W.Line(Hidden);
        W.Line($"public bool Has{HierarchyMemberNames.TypeFieldProperty} {{ get {{ return {owner}.Inkwell_SubtypeTag{Depth}() != 0; }} }}");
        W.Line(Hidden);
        W.Line($"public void Clear{HierarchyMemberNames.TypeFieldProperty}() {{ {owner}._inkwellStoredTag = 0; }}");
        W.Line();
    }
}
