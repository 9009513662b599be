using ProtoBuf;

namespace Inkwell.Benchmarks.Protobuf.ByProtobufNet;

/// <summary>enclosure.proto's <c>Enclosure</c>: a list of animals of mixed types.</summary>
[ProtoContract]
public sealed class Enclosure
{
    [ProtoMember(1)]
    public string Name { get; set; } = "";

    [ProtoMember(2)]
    public List<Animal> Animals { get; } = [];
}
