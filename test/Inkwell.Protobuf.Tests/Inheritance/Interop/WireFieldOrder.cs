namespace Inkwell.Protobuf.Tests.Inheritance.Interop;

/// <summary>
/// Puts a message's fields in field-number order (stable, so repeated values keep theirs), descending into the
/// length-delimited fields named as nested messages. protobuf-net writes a subtype before the base's own fields and
/// protoc after; after this, equal bytes mean "wire-identical up to field order".
/// </summary>
internal static class WireFieldOrder
{
    public static byte[] Canonical(ReadOnlySpan<byte> message, IReadOnlySet<int> nestedMessageFields)
    {
        var fields = new List<(int Number, byte[] Bytes)>();
        int position = 0;
        while (position < message.Length)
        {
            int start = position;
            ulong key = ReadVarint(message, ref position);
            int keyEnd = position;
            int number = checked((int)(key >> 3));
            switch ((int)(key & 7))
            {
                case 0:
                    ReadVarint(message, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 5:
                    position += 4;
                    break;
                case 2:
                    int length = checked((int)ReadVarint(message, ref position));
                    if (nestedMessageFields.Contains(number))
                    {
                        byte[] inner = Canonical(message.Slice(position, length), nestedMessageFields);
                        fields.Add((number, [.. message[start..keyEnd], .. Varint((ulong)inner.Length), .. inner]));
                        position += length;
                        continue;
                    }

                    position += length;
                    break;
                default:
                    throw new InvalidDataException($"wire type {key & 7} at byte {start}: groups are not expected here");
            }

            if (position > message.Length)
            {
                throw new InvalidDataException($"field {number} at byte {start} runs past the end");
            }

            fields.Add((number, message[start..position].ToArray()));
        }

        return [.. fields.OrderBy(f => f.Number).SelectMany(f => f.Bytes)];
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("varint longer than 10 bytes");
    }

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }
}
