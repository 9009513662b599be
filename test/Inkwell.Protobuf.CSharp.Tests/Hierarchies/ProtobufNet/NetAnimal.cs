using ProtoBuf;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies.ProtobufNet;

/// <summary>protobuf-net's code-first form of <see cref="HierarchySchemas.Zoo"/>'s Animal.</summary>
[ProtoContract]
[ProtoInclude(100, typeof(NetCat))]
[ProtoInclude(101, typeof(NetDog))]
public class NetAnimal
{
    [ProtoMember(1)]
    public float Weight { get; set; }

    [ProtoMember(2)]
    public List<string> Tags { get; } = [];

    [ProtoMember(3)]
    public NetAnimal? Mother { get; set; }
}
