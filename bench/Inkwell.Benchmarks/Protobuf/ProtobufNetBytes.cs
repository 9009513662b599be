namespace Inkwell.Benchmarks.Protobuf;

/// <summary>protobuf-net has no ToByteArray; this is what its users write instead.</summary>
internal static class ProtobufNetBytes
{
    public static byte[] ToBytes<T>(this T value)
    {
        using var stream = new MemoryStream();
        ProtoBuf.Serializer.Serialize(stream, value);
        return stream.ToArray();
    }
}
