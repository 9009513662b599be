using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>
/// The reflection view of a subtype's level (<c>Cat.InkwellLevel</c>): the object reports the root's descriptor, so
/// reflection reads and writes every other level through this small class over the object's fields, which serves the
/// level's lowered descriptor.
/// </summary>
internal sealed partial class HierarchyEmitter
{
    /// <summary>The reflection view of a subtype's level: its lowered descriptor over the object's fields.</summary>
    private void WriteLevelView()
    {
        W.Line($"/// <summary>For reflection: the {_message.Name} level of an object, as the lowered schema's {_message.FullName} message.</summary>");
        W.Line(Hidden);
        // Levels below the first hide their base's view class of the same name.
        string hides = Level.Depth > 1 ? "new " : "";
        W.Line($"public {hides}sealed class InkwellLevel : pb::IMessage<InkwellLevel>{ExtendableInterface("InkwellLevel")}");
        W.WriteUsualBuildOnly("    , pb::IBufferMessage");
        W.Line("{");
        W.Indent();
        W.Line($"private static readonly pb::MessageParser<InkwellLevel> _parser = new pb::MessageParser<InkwellLevel>(() => new InkwellLevel(new {ClassName}()));");
        W.Line();
        W.Line("/// <summary>A parser for reflection: it reads one level into a new object.</summary>");
        W.Line("public static pb::MessageParser<InkwellLevel> Parser { get { return _parser; } }");
        W.Line();
        W.Line("/// <summary>A view of one object's level.</summary>");
        W.Open($"public InkwellLevel({ClassName} owner)");
        W.Line("Owner = owner;");
        W.Close();
        W.Line();
        W.Line("/// <summary>The object whose level this is.</summary>");
        W.Line($"public {ClassName} Owner {{ get; private set; }}");
        W.Line();
        W.Line($"pbr::MessageDescriptor pb::IMessage.Descriptor {{ get {{ return {ClassName}.Descriptor; }} }}");
        W.Line();
        foreach (ProtoField field in LevelFields)
        {
            EmitterFor(field).WriteViewMembers("Owner");
        }
        foreach (ProtoOneof oneof in LevelOneofs)
        {
            W.Line($"public {oneof.CaseEnumName} {oneof.PropertyName}Case {{ get {{ return Owner.{oneof.PropertyName}Case; }} }}");
            W.Line($"public void Clear{oneof.PropertyName}() {{ Owner.Clear{oneof.PropertyName}(); }}");
        }
        WriteSubtypeMembersForReflection("Owner");
        W.Line("public void MergeFrom(InkwellLevel other) { if (other != null) Owner.Inkwell_MergeLevelFrom(other.Owner); }");
        W.WriteForEachBuild(useContext =>
        {
            if (useContext)
            {
                W.Line("public void MergeFrom(pb::CodedInputStream input) { input.ReadRawMessage(this); }");
                W.Line("void pb::IBufferMessage.InternalMergeFrom(ref pb::ParseContext input) { Owner.Inkwell_MergeLevel(ref input); }");
                W.Line("public void WriteTo(pb::CodedOutputStream output) { output.WriteRawMessage(this); }");
                W.Line("void pb::IBufferMessage.InternalWriteTo(ref pb::WriteContext output) { Owner.Inkwell_WriteLevel(ref output); }");
            }
            else
            {
                W.Line("public void MergeFrom(pb::CodedInputStream input) { Owner.Inkwell_MergeLevel(input); }");
                W.Line("public void WriteTo(pb::CodedOutputStream output) { Owner.Inkwell_WriteLevel(output); }");
            }
        });
        W.Line("public int CalculateSize() { return Owner.Inkwell_LevelSize(); }");
        W.Line("public InkwellLevel Clone() { return new InkwellLevel(Owner.Clone()); }");
        W.Line("public bool Equals(InkwellLevel other) { return other != null && pb::MessageExtensions.ToByteString(this).Equals(pb::MessageExtensions.ToByteString(other)); }");
        W.Line("public override bool Equals(object other) { return Equals(other as InkwellLevel); }");
        W.Line("public override int GetHashCode() { return pb::MessageExtensions.ToByteString(this).GetHashCode(); }");
        W.Line("public override string ToString() { return pb::JsonFormatter.ToDiagnosticString(this); }");
        WriteExtensionSetMembers("InkwellLevel", "Owner");
        W.Close();
        W.Line();
    }
}
