namespace Inkwell.Benchmarks.Protobuf.ByProtobufNet;

/// <summary>order.proto's <c>OrderStatus</c> for protobuf-net.</summary>
public enum OrderStatus
{
    Unspecified = 0,
    Placed = 1,
    Paid = 2,
    Shipped = 3,
}
