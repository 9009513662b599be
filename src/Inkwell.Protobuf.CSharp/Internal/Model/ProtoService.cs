using System.Collections.Generic;
using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.CSharp.Internal.Model;

/// <summary>A linked gRPC service: its methods with their request and response messages resolved.</summary>
internal sealed class ProtoService(ServiceDescriptorProto proto, ProtoFile file, string fullName, int index)
{
    public ServiceDescriptorProto Proto { get; } = proto;

    public ProtoFile File { get; } = file;

    /// <summary>The name with its package (<c>acme.zoo.ZooKeeper</c>): the service name on the wire.</summary>
    public string FullName { get; } = fullName;

    /// <summary>The service's index in its file (<c>FileDescriptor.Services[i]</c>).</summary>
    public int Index { get; } = index;

    /// <summary>The source-info path of the definition, for doc comments.</summary>
    public int[] Path { get; } = [6, index];

    public string Name => Proto.Name;

    public bool IsDeprecated => Proto.Options?.Deprecated == true;

    public List<ProtoMethod> Methods { get; } = [];
}
