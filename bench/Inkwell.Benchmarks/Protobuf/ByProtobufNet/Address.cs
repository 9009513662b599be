using ProtoBuf;

namespace Inkwell.Benchmarks.Protobuf.ByProtobufNet;

/// <summary>order.proto's <c>Address</c> for protobuf-net.</summary>
[ProtoContract]
public sealed class Address
{
    [ProtoMember(1)]
    public string Name { get; set; } = "";

    [ProtoMember(2)]
    public string Street { get; set; } = "";

    [ProtoMember(3)]
    public string City { get; set; } = "";

    [ProtoMember(4)]
    public string PostalCode { get; set; } = "";

    [ProtoMember(5)]
    public string CountryCode { get; set; } = "";
}
