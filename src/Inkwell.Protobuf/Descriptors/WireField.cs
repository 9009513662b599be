namespace Inkwell.Protobuf.Descriptors;

/// <summary>One field read off the wire: its number, wire type, and value (varint/fixed value or payload).</summary>
internal readonly record struct WireField(int Number, int WireType, ulong Value, byte[] Payload);
