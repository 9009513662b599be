using ProtoBuf;

namespace Inkwell.Benchmarks.Protobuf.ByProtobufNet;

/// <summary>order.proto's <c>Order</c> for protobuf-net, member for member.</summary>
[ProtoContract]
public sealed class Order
{
    [ProtoMember(1)]
    public string Id { get; set; } = "";

    [ProtoMember(2)]
    public long CustomerId { get; set; }

    [ProtoMember(3)]
    public OrderStatus Status { get; set; }

    [ProtoMember(4)]
    public Timestamp? CreatedAt { get; set; }

    [ProtoMember(5)]
    public List<LineItem> Items { get; } = [];

    [ProtoMember(6)]
    public Money? Total { get; set; }

    [ProtoMember(7)]
    public Address? ShippingAddress { get; set; }

    [ProtoMember(8)]
    public Dictionary<string, string> Attributes { get; } = [];

    [ProtoMember(9)]
    public List<string> Tags { get; } = [];

    [ProtoMember(10)]
    public byte[] Signature { get; set; } = [];

    [ProtoMember(11)]
    public bool Gift { get; set; }

    [ProtoMember(12)]
    public double DiscountRate { get; set; }

    [ProtoMember(13, DataFormat = DataFormat.FixedSize)]
    public ulong TraceId { get; set; }
}
