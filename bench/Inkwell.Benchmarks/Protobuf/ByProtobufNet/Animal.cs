using ProtoBuf;

namespace Inkwell.Benchmarks.Protobuf.ByProtobufNet;

/// <summary>examples/zoo.proto's <c>Animal</c> as protobuf-net users write it: subtypes by [ProtoInclude], the same tags.</summary>
[ProtoContract]
[ProtoInclude(100, typeof(Cat))]
[ProtoInclude(101, typeof(Dog))]
public class Animal
{
    [ProtoMember(1)]
    public float Weight { get; set; }
}
