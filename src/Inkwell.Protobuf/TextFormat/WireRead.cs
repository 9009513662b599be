namespace Inkwell.Protobuf.TextFormat;

/// <summary>Bounds-checked reads of the protobuf wire format over a byte array.</summary>
internal static class WireRead
{
    /// <summary>Reads a varint of at most ten bytes at <paramref name="position"/>.</summary>
    public static bool Varint(byte[] bytes, ref int position, int end, out ulong value)
    {
        value = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (position >= end)
            {
                return false;
            }

            byte b = bytes[position++];
            if (shift < 64)
            {
                value |= (ulong)(b & 0x7F) << shift;
            }

            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads a tag as protobuf's C++ parser does: at most five bytes, the bits beyond 32 dropped. With
    /// <paramref name="upToTenBytes"/>, as its older CodedInputStream (which protoc's printer uses to try an unknown
    /// length-delimited value as a message): up to ten bytes, also cut to 32 bits. False for field number 0.
    /// </summary>
    public static bool Tag(byte[] bytes, ref int position, int end, bool upToTenBytes, out uint tag)
    {
        int start = position;
        bool ok = Varint(bytes, ref position, end, out ulong value);
        tag = (uint)value;
        return ok && (upToTenBytes || position - start <= 5) && tag >> 3 != 0;
    }

    /// <summary>
    /// Steps over the value of field <paramref name="number"/> (its tag already read); for a group, up to and past its
    /// end-group tag, with <paramref name="groupBodyEnd"/> where that tag starts. Nested groups spend <paramref name="budget"/>.
    /// </summary>
    public static bool Skip(byte[] bytes, ref int position, int end, int number, int wireType, int budget, out int groupBodyEnd)
    {
        groupBodyEnd = -1;
        switch (wireType)
        {
            case 0:
                return Varint(bytes, ref position, end, out _);
            case 1:
                return Advance(ref position, end, 8);
            case 5:
                return Advance(ref position, end, 4);
            case 2:
                return Varint(bytes, ref position, end, out ulong length) && length <= (ulong)(end - position) && Advance(ref position, end, (int)length);
            case 3:
                if (budget <= 0)
                {
                    return false;
                }

                while (true)
                {
                    int tagStart = position;
                    if (!Tag(bytes, ref position, end, upToTenBytes: false, out uint tag))
                    {
                        return false;
                    }

                    if ((tag & 7) == 4)
                    {
                        groupBodyEnd = tagStart;
                        return (int)(tag >> 3) == number;
                    }

                    if (!Skip(bytes, ref position, end, (int)(tag >> 3), (int)(tag & 7), budget - 1, out _))
                    {
                        return false;
                    }
                }

            default:
                return false;
        }
    }

    private static bool Advance(ref int position, int end, int count)
    {
        if (end - position < count)
        {
            return false;
        }

        position += count;
        return true;
    }
}
