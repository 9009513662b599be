using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>
/// Names of generated hierarchy members that other emitters write too: the field emitters hide their hierarchy
/// helpers the same way, and the reflection descriptor names the members reflection reads.
/// </summary>
internal static class HierarchyMemberNames
{
    /// <summary>Keeps the members only generated code and reflection use out of IntelliSense.</summary>
    public const string Hidden = "[global::System.ComponentModel.EditorBrowsableAttribute(global::System.ComponentModel.EditorBrowsableState.Never)]";

    /// <summary>The reflection name of a subtype's member in the base's oneof (<c>InkwellCat</c>).</summary>
    public static string SubtypeProperty(ProtoField member) => "Inkwell" + member.PropertyName;

    /// <summary>The reflection name of the subtype oneof: <c>InkwellSubtypeCase</c> and <c>ClearInkwellSubtype()</c>.</summary>
    public const string SubtypeOneof = "InkwellSubtype";

    /// <summary>The reflection name of EXTENSIONS' type field.</summary>
    public const string TypeFieldProperty = "InkwellSubtypeTag";
}
