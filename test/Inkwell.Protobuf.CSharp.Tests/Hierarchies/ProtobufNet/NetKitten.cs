using ProtoBuf;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies.ProtobufNet;

/// <summary>protobuf-net's form of <c>message Kitten : Cat = 10</c>.</summary>
[ProtoContract]
public sealed class NetKitten : NetCat
{
    [ProtoMember(1)]
    public string FavouriteToy { get; set; } = "";
}
