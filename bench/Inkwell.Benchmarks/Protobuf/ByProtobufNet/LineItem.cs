using ProtoBuf;

namespace Inkwell.Benchmarks.Protobuf.ByProtobufNet;

/// <summary>order.proto's <c>LineItem</c> for protobuf-net.</summary>
[ProtoContract]
public sealed class LineItem
{
    [ProtoMember(1)]
    public string Sku { get; set; } = "";

    [ProtoMember(2)]
    public string Title { get; set; } = "";

    [ProtoMember(3)]
    public uint Quantity { get; set; }

    [ProtoMember(4)]
    public Money? UnitPrice { get; set; }
}
