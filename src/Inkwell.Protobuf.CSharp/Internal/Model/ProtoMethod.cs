using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.CSharp.Internal.Model;

/// <summary>A linked RPC method of a <see cref="ProtoService"/>.</summary>
internal sealed class ProtoMethod(MethodDescriptorProto proto, ProtoMessage input, ProtoMessage output, int[] path)
{
    public MethodDescriptorProto Proto { get; } = proto;

    public string Name => Proto.Name;

    public ProtoMessage Input { get; } = input;

    public ProtoMessage Output { get; } = output;

    /// <summary>The source-info path of the definition, for doc comments.</summary>
    public int[] Path { get; } = path;

    public bool ClientStreaming => Proto.ClientStreaming;

    public bool ServerStreaming => Proto.ServerStreaming;

    public bool IsUnary => !ClientStreaming && !ServerStreaming;

    public bool IsDeprecated => Proto.Options?.Deprecated == true;
}
