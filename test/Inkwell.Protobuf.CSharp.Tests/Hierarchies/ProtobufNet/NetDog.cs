using ProtoBuf;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies.ProtobufNet;

/// <summary>protobuf-net's form of <c>message Dog : Animal = 101</c> (its oneof as two optional members).</summary>
[ProtoContract]
public sealed class NetDog : NetAnimal
{
    [ProtoMember(1)]
    public uint BonesBuried { get; set; }

    [ProtoMember(2)]
    public string? Ball { get; set; }

    [ProtoMember(3)]
    public NetAnimal? Chew { get; set; }
}
