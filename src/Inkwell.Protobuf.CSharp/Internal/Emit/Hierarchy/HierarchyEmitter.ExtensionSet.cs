using System.Globalization;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>
/// EXTENSIONS and Google.Protobuf's <c>IsInitialized</c>: the lowered base has an extension range, so reflection
/// checks it through <c>IExtendableMessage&lt;T&gt;</c> and a declared <c>_Extensions</c> set on the class registered
/// for the base's descriptor (the root class, or a subtype's <c>InkwellLevel</c> view). A hierarchy keeps a subtype's
/// level as fields of the subtype's class, not in an extension set, so the set is built when asked: it holds the
/// subtype's level view under the extension the lowered schema writes, and proto2 <c>required</c> fields of every
/// level count as they do for protoc's lowered classes. The set is read-only: the range belongs to the subtypes.
/// </summary>
internal sealed partial class HierarchyEmitter
{
    /// <summary>The class registered for a level's lowered descriptor: the root class, or the level's view.</summary>
    private static string ReflectedClass(ProtoMessage message) =>
        message.Hierarchy!.IsRoot ? message.ClassName : message.ClassName + ".InkwellLevel";

    private static string AddSubtypeExtension(int depth) =>
        "Inkwell_AddSubtypeExtension" + depth.ToString(CultureInfo.InvariantCulture);

    /// <summary>The interface an EXTENSIONS base's reflected class adds to its base list (with its leading comma).</summary>
    private string ExtendableInterface(string reflectedClass) =>
        Level.UsesExtensions ? $", pb::IExtendableMessage<{reflectedClass}>" : "";

    /// <summary>The hook each level's subtype overrides to put its level in the set, and the subtype's override.</summary>
    private void WriteSubtypeExtensionHooks()
    {
        if (Level.UsesExtensions)
        {
            string set = $"pb::ExtensionSet<{ReflectedClass(_message)}>";
            W.Line("/// <summary>EXTENSIONS: adds the subtype's level, as the lowered schema's extension, to a set (overridden by each direct subtype).</summary>");
            W.Line(Hidden);
            W.Open($"protected virtual void {AddSubtypeExtension(Level.Depth)}(ref {set} set)");
            W.Open("if (_inkwellSubtype != null)");
            W.Line($"_inkwellSubtype.{AddSubtypeExtension(Level.Depth)}(ref set);");
            W.Close();
            W.Close();
            W.Line();
        }
        if (Level.IsRoot || !Level.Base!.Hierarchy!.UsesExtensions)
        {
            return;
        }
        string target = ReflectedClass(Level.Base);
        string number = Level.Tag.ToString(CultureInfo.InvariantCulture);
        string tag = WireFormat.MakeTag(Level.Tag, WireFormat.LengthDelimited).ToString(CultureInfo.InvariantCulture);
        W.Line($"// This level as the extension of {Level.Base.Name} that the lowered schema declares.");
        W.Line($"private static readonly pb::Extension<{target}, InkwellLevel> Inkwell_LevelExtension =");
        W.Line($"    new pb::Extension<{target}, InkwellLevel>({number}, pb::FieldCodec.ForMessage({tag}u, InkwellLevel.Parser));");
        W.Line();
        W.Line(Hidden);
        W.Open($"protected override void {AddSubtypeExtension(Level.Depth - 1)}(ref pb::ExtensionSet<{target}> set)");
        W.Line("pb::ExtensionSet.Set(ref set, Inkwell_LevelExtension, new InkwellLevel(this));");
        W.Close();
        W.Line();
    }

    /// <summary>
    /// On an EXTENSIONS base's reflected class (<paramref name="reflectedClass"/>, whose object is
    /// <paramref name="owner"/>): the set reflection reads, and the extension members, which read it.
    /// </summary>
    private void WriteExtensionSetMembers(string reflectedClass, string owner)
    {
        if (!Level.UsesExtensions)
        {
            return;
        }
        string set = $"pb::ExtensionSet<{reflectedClass}>";
        string readOnly = $"throw new global::System.NotSupportedException(\"The extensions of {_message.FullName} are its subtypes' levels: create the subtype's class instead.\");";
        W.Line("// Read by Google.Protobuf's IsInitialized through reflection: the subtype's level as its extension.");
        W.Open($"private {set} _Extensions");
        W.Open("get");
        W.Line($"{set} set = null;");
        W.Line($"{owner}.{AddSubtypeExtension(Level.Depth)}(ref set);");
        W.Line("return set;");
        W.Close();
        W.Close();
        W.Line($"TValue pb::IExtendableMessage<{reflectedClass}>.GetExtension<TValue>(pb::Extension<{reflectedClass}, TValue> extension) {{ {set} set = _Extensions; return pb::ExtensionSet.Get(ref set, extension); }}");
        W.Line($"pbc::RepeatedField<TValue> pb::IExtendableMessage<{reflectedClass}>.GetExtension<TValue>(pb::RepeatedExtension<{reflectedClass}, TValue> extension) {{ {set} set = _Extensions; return pb::ExtensionSet.Get(ref set, extension); }}");
        W.Line($"pbc::RepeatedField<TValue> pb::IExtendableMessage<{reflectedClass}>.GetOrInitializeExtension<TValue>(pb::RepeatedExtension<{reflectedClass}, TValue> extension) {{ {readOnly} }}");
        W.Line($"void pb::IExtendableMessage<{reflectedClass}>.SetExtension<TValue>(pb::Extension<{reflectedClass}, TValue> extension, TValue value) {{ {readOnly} }}");
        W.Line($"bool pb::IExtendableMessage<{reflectedClass}>.HasExtension<TValue>(pb::Extension<{reflectedClass}, TValue> extension) {{ {set} set = _Extensions; return pb::ExtensionSet.Has(ref set, extension); }}");
        W.Line($"void pb::IExtendableMessage<{reflectedClass}>.ClearExtension<TValue>(pb::Extension<{reflectedClass}, TValue> extension) {{ {readOnly} }}");
        W.Line($"void pb::IExtendableMessage<{reflectedClass}>.ClearExtension<TValue>(pb::RepeatedExtension<{reflectedClass}, TValue> extension) {{ {readOnly} }}");
        W.Line();
    }
}
