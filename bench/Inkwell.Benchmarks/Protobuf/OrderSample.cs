using Google.Protobuf;
using Net = Inkwell.Benchmarks.Protobuf.ByProtobufNet;

namespace Inkwell.Benchmarks.Protobuf;

/// <summary>
/// The same order built three ways (protoc's classes, Inkwell's, protobuf-net's): three line items, a map of four
/// attributes, tags, a 32-byte signature, every field set to a non-default value; 507 bytes on the wire.
/// </summary>
internal static class OrderSample
{
    private static readonly (string Sku, string Title, uint Quantity, long Units, int Nanos)[] s_items =
    [
        ("SKU-100-2045", "Stainless steel water bottle, 750 ml", 2, 19, 990_000_000),
        ("SKU-200-0017", "Organic cotton t-shirt, navy, size M", 1, 24, 500_000_000),
        ("SKU-300-9911", "Paperback: A Field Guide to Protocols", 3, 12, 0),
    ];

    private static readonly (string Key, string Value)[] s_attributes =
    [
        ("channel", "web"),
        ("campaign", "autumn-sale-2026"),
        ("locale", "en-GB"),
        ("payment", "card"),
    ];

    private static readonly string[] s_tags = ["priority", "first-order", "eco-packaging"];

    private static readonly byte[] s_signature = [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 37 + 11))];

    private const string Id = "ord_01JD8ZK4S9Q2W7E3R5T6Y8U0IP";
    private const long CustomerId = 48_213_377;
    private const long CreatedSeconds = 1_795_000_000;
    private const int CreatedNanos = 123_456_789;
    private const long TotalUnits = 100;
    private const int TotalNanos = 480_000_000;
    private const double DiscountRate = 0.15;
    private const ulong TraceId = 0x9E3779B97F4A7C15;

    public static ByProtoc.Order Protoc()
    {
        var order = new ByProtoc.Order
        {
            Id = Id,
            CustomerId = CustomerId,
            Status = ByProtoc.OrderStatus.Paid,
            CreatedAt = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = CreatedSeconds, Nanos = CreatedNanos },
            Total = new ByProtoc.Money { CurrencyCode = "EUR", Units = TotalUnits, Nanos = TotalNanos },
            ShippingAddress = new ByProtoc.Address { Name = "Ada Lovelace", Street = "12 St James's Square", City = "London", PostalCode = "SW1Y 4JH", CountryCode = "GB" },
            Signature = ByteString.CopyFrom(s_signature),
            Gift = true,
            DiscountRate = DiscountRate,
            TraceId = TraceId,
        };
        foreach (var (sku, title, quantity, units, nanos) in s_items)
        {
            order.Items.Add(new ByProtoc.LineItem { Sku = sku, Title = title, Quantity = quantity, UnitPrice = new ByProtoc.Money { CurrencyCode = "EUR", Units = units, Nanos = nanos } });
        }
        foreach (var (key, value) in s_attributes)
        {
            order.Attributes.Add(key, value);
        }
        order.Tags.Add(s_tags);
        return order;
    }

    public static ByInkwell.Order Inkwell()
    {
        var order = new ByInkwell.Order
        {
            Id = Id,
            CustomerId = CustomerId,
            Status = ByInkwell.OrderStatus.Paid,
            CreatedAt = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = CreatedSeconds, Nanos = CreatedNanos },
            Total = new ByInkwell.Money { CurrencyCode = "EUR", Units = TotalUnits, Nanos = TotalNanos },
            ShippingAddress = new ByInkwell.Address { Name = "Ada Lovelace", Street = "12 St James's Square", City = "London", PostalCode = "SW1Y 4JH", CountryCode = "GB" },
            Signature = ByteString.CopyFrom(s_signature),
            Gift = true,
            DiscountRate = DiscountRate,
            TraceId = TraceId,
        };
        foreach (var (sku, title, quantity, units, nanos) in s_items)
        {
            order.Items.Add(new ByInkwell.LineItem { Sku = sku, Title = title, Quantity = quantity, UnitPrice = new ByInkwell.Money { CurrencyCode = "EUR", Units = units, Nanos = nanos } });
        }
        foreach (var (key, value) in s_attributes)
        {
            order.Attributes.Add(key, value);
        }
        order.Tags.Add(s_tags);
        return order;
    }

    public static Net.Order ProtobufNet()
    {
        var order = new Net.Order
        {
            Id = Id,
            CustomerId = CustomerId,
            Status = Net.OrderStatus.Paid,
            CreatedAt = new Net.Timestamp { Seconds = CreatedSeconds, Nanos = CreatedNanos },
            Total = new Net.Money { CurrencyCode = "EUR", Units = TotalUnits, Nanos = TotalNanos },
            ShippingAddress = new Net.Address { Name = "Ada Lovelace", Street = "12 St James's Square", City = "London", PostalCode = "SW1Y 4JH", CountryCode = "GB" },
            Signature = [.. s_signature],
            Gift = true,
            DiscountRate = DiscountRate,
            TraceId = TraceId,
        };
        foreach (var (sku, title, quantity, units, nanos) in s_items)
        {
            order.Items.Add(new Net.LineItem { Sku = sku, Title = title, Quantity = quantity, UnitPrice = new Net.Money { CurrencyCode = "EUR", Units = units, Nanos = nanos } });
        }
        foreach (var (key, value) in s_attributes)
        {
            order.Attributes.Add(key, value);
        }
        order.Tags.AddRange(s_tags);
        return order;
    }
}
