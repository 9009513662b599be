using ProtoBuf;

namespace Inkwell.Benchmarks.Protobuf.ByProtobufNet;

/// <summary>zoo.proto's <c>Kitten : Cat = 10</c>.</summary>
[ProtoContract]
public sealed class Kitten : Cat
{
    [ProtoMember(1)]
    public string FavouriteToy { get; set; } = "";
}
