using ProtoBuf;

namespace Inkwell.Benchmarks.Protobuf.ByProtobufNet;

/// <summary>order.proto's <c>Money</c> for protobuf-net.</summary>
[ProtoContract]
public sealed class Money
{
    [ProtoMember(1)]
    public string CurrencyCode { get; set; } = "";

    [ProtoMember(2)]
    public long Units { get; set; }

    [ProtoMember(3)]
    public int Nanos { get; set; }
}
