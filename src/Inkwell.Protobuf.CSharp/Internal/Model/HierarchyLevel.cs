using System.Collections.Generic;
using Inkwell.Internal;

namespace Inkwell.Protobuf.CSharp.Internal.Model;

/// <summary>
/// A message's place in a class hierarchy rebuilt from the lowering's <c>(inkwell.base)</c> and
/// <c>(inkwell.subtype)</c> options: the C# class derives from <see cref="Base"/>'s, and its fields are
/// one level of the root envelope on the wire.
/// </summary>
internal sealed class HierarchyLevel(ProtoMessage message, ProtoMessage? baseType, int tag)
{
    public ProtoMessage Message { get; } = message;

    /// <summary>The direct base, or null for the root.</summary>
    public ProtoMessage? Base { get; } = baseType;

    /// <summary>The tag of this subtype in its base (its oneof field number); 0 for the root.</summary>
    public int Tag { get; } = tag;

    /// <summary>
    /// This subtype's member in its base: the oneof field (ONEOF), the base's <c>Any</c> field that all its
    /// subtypes share (ANY) or its extension of the base (EXTENSIONS); null for the root.
    /// </summary>
    public ProtoField? MemberInBase { get; set; }

    /// <summary>The oneof the lowering added to this message for its direct subtypes; null for a leaf.</summary>
    public ProtoOneof? SubtypeOneof { get; set; }

    /// <summary>How this message carries its subtypes (meaningful for a base only).</summary>
    public SubtypeEncoding Encoding { get; set; }

    public bool UsesAny => Encoding == SubtypeEncoding.Any;

    public bool UsesExtensions => Encoding == SubtypeEncoding.Extensions;

    /// <summary>ANY and EXTENSIONS: subtypes may be declared in files, even assemblies, this one's code never sees.</summary>
    public bool IsOpen => UsesAny || UsesExtensions;

    /// <summary>ANY: the base's <c>google.protobuf.Any</c> field holding the present subtype's level; null otherwise.</summary>
    public ProtoField? AnyField { get; set; }

    /// <summary>EXTENSIONS: the base's field holding the present subtype's tag (<c>subtype</c>); null otherwise.</summary>
    public ProtoField? TypeField { get; set; }

    /// <summary>The direct subtypes, in tag order.</summary>
    public List<ProtoMessage> Subtypes { get; } = [];

    /// <summary>0 for the root, 1 for its direct subtypes, and so on.</summary>
    public int Depth => Base is null ? 0 : Base.Hierarchy!.Depth + 1;

    public ProtoMessage Root => Base is null ? Message : Base.Hierarchy!.Root;

    public bool IsRoot => Base is null;

    /// <summary>
    /// Whether this class may have subtypes: known ones, or, with ANY and EXTENSIONS (open hierarchies), ones in
    /// files this compilation does not see, which override the hooks this class declares for them.
    /// </summary>
    public bool HasSubtypes => Subtypes.Count > 0 || IsOpen;

    /// <summary>Whether a field belongs to this level (is not one of the lowering's subtype members).</summary>
    public bool IsLevelField(ProtoField field) =>
        (SubtypeOneof is null || field.RealOneof != SubtypeOneof) && field != TypeField && field != AnyField;
}
