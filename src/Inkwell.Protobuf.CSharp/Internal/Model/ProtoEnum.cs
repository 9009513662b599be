using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.CSharp.Internal.Model;

/// <summary>A linked enum definition.</summary>
internal sealed class ProtoEnum(EnumDescriptorProto proto, ProtoFile file, ProtoMessage? parent, string fullName, int index, int[] path)
{
    public EnumDescriptorProto Proto { get; } = proto;

    public ProtoFile File { get; } = file;

    public ProtoMessage? Parent { get; } = parent;

    public string FullName { get; } = fullName;

    public int Index { get; } = index;

    /// <summary>The source-info path of the definition, for doc comments.</summary>
    public int[] Path { get; } = path;

    public string Name => Proto.Name;

    /// <summary>The fully qualified C# name (<c>global::Ns.Outer.Types.Inner</c>).</summary>
    public string ClassName => Names.ClassName(FullName, File);
}
