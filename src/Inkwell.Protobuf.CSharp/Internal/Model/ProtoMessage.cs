using System.Collections.Generic;
using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.CSharp.Internal.Model;

/// <summary>A linked message definition with its fields, oneofs, nested definitions and extensions.</summary>
internal sealed class ProtoMessage(DescriptorProto proto, ProtoFile file, ProtoMessage? parent, string fullName, int index, int[] path)
{
    public DescriptorProto Proto { get; } = proto;

    public ProtoFile File { get; } = file;

    public ProtoMessage? Parent { get; } = parent;

    public string FullName { get; } = fullName;

    /// <summary>The index among the parent's nested types (or the file's messages).</summary>
    public int Index { get; } = index;

    /// <summary>The source-info path of the definition, for doc comments.</summary>
    public int[] Path { get; } = path;

    public string Name => Proto.Name;

    public bool IsMapEntry => Proto.Options?.MapEntry == true;

    public bool IsDeprecated => Proto.Options?.Deprecated == true;

    public bool HasExtensionRanges => Proto.ExtensionRange.Count > 0;

    public ResolvedFeatures Features { get; set; } = ResolvedFeatures.Proto2;

    /// <summary>Fields in declaration order.</summary>
    public List<ProtoField> Fields { get; } = [];

    /// <summary>Real oneofs (not the synthetic ones of proto3 <c>optional</c>), in declaration order.</summary>
    public List<ProtoOneof> Oneofs { get; } = [];

    public List<ProtoMessage> NestedMessages { get; } = [];

    public List<ProtoEnum> NestedEnums { get; } = [];

    /// <summary>Extensions declared inside this message (for other messages).</summary>
    public List<ProtoField> Extensions { get; } = [];

    /// <summary>The message's place in a C# class hierarchy, or null for an ordinary message.</summary>
    public HierarchyLevel? Hierarchy { get; set; }

    /// <summary>
    /// The Google.Protobuf <c>MessageParser</c> of the class: <c>Parser</c>, or for a hierarchy class (whose
    /// <c>Parser</c> returns the most-derived class) the plain parser behind it.
    /// </summary>
    public string MessageParserExpression => ClassName + (Hierarchy is null ? ".Parser" : ".Parser.Unresolved");

    /// <summary>The fully qualified C# name (<c>global::Ns.Outer.Types.Inner</c>).</summary>
    public string ClassName => Names.ClassName(FullName, File);
}
