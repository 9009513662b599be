using ProtoBuf;

namespace Inkwell.Benchmarks.Protobuf.ByProtobufNet;

/// <summary>zoo.proto's <c>Dog : Animal = 101</c>.</summary>
[ProtoContract]
public sealed class Dog : Animal
{
    [ProtoMember(1)]
    public uint BonesBuried { get; set; }
}
