namespace Inkwell.Protobuf.Descriptors;

/// <summary>Splits serialized protobuf bytes into their top-level fields.</summary>
internal static class WireReader
{
    public static bool TryReadVarint(ReadOnlySpan<byte> data, ref int pos, out ulong value)
    {
        value = 0;
        for (int shift = 0; shift < 70 && pos < data.Length; shift += 7)
        {
            byte b = data[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads all fields; null when the bytes are not well-formed.</summary>
    public static List<WireField>? TryReadAll(ReadOnlySpan<byte> data)
    {
        var fields = new List<WireField>();
        int pos = 0;
        while (pos < data.Length)
        {
            if (!TryReadVarint(data, ref pos, out ulong tag))
            {
                return null;
            }

            int number = (int)(tag >> 3);
            int wireType = (int)(tag & 7);
            switch (wireType)
            {
                case 0:
                    if (!TryReadVarint(data, ref pos, out ulong v))
                    {
                        return null;
                    }

                    fields.Add(new WireField(number, 0, v, []));
                    break;
                case 1:
                    if (pos + 8 > data.Length)
                    {
                        return null;
                    }

                    fields.Add(new WireField(number, 1, BitConverter.ToUInt64(data.Slice(pos, 8).ToArray(), 0), []));
                    pos += 8;
                    break;
                case 5:
                    if (pos + 4 > data.Length)
                    {
                        return null;
                    }

                    fields.Add(new WireField(number, 5, BitConverter.ToUInt32(data.Slice(pos, 4).ToArray(), 0), []));
                    pos += 4;
                    break;
                case 2:
                    if (!TryReadVarint(data, ref pos, out ulong length) || (ulong)(data.Length - pos) < length)
                    {
                        return null;
                    }

                    fields.Add(new WireField(number, 2, 0, data.Slice(pos, (int)length).ToArray()));
                    pos += (int)length;
                    break;
                case 3:
                    {
                        int start = pos;
                        if (!SkipGroup(data, ref pos, number))
                        {
                            return null;
                        }

                        // The payload excludes the end-group tag.
                        int endTagLength = VarintLength(((ulong)(uint)number << 3) | 4);
                        fields.Add(new WireField(number, 3, 0, data.Slice(start, pos - start - endTagLength).ToArray()));
                        break;
                    }

                default:
                    return null;
            }
        }

        return fields;
    }

    private static bool SkipGroup(ReadOnlySpan<byte> data, ref int pos, int number)
    {
        while (pos < data.Length)
        {
            if (!TryReadVarint(data, ref pos, out ulong tag))
            {
                return false;
            }

            int wireType = (int)(tag & 7);
            int n = (int)(tag >> 3);
            switch (wireType)
            {
                case 0:
                    if (!TryReadVarint(data, ref pos, out _))
                    {
                        return false;
                    }

                    break;
                case 1: pos += 8; break;
                case 5: pos += 4; break;
                case 2:
                    if (!TryReadVarint(data, ref pos, out ulong length))
                    {
                        return false;
                    }

                    pos += (int)length;
                    break;
                case 3:
                    if (!SkipGroup(data, ref pos, n))
                    {
                        return false;
                    }

                    break;
                case 4:
                    return n == number;
                default:
                    return false;
            }
        }

        return false;
    }

    public static int VarintLength(ulong value)
    {
        int length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }

    /// <summary>Writes a field read by <see cref="TryReadAll"/> back unchanged.</summary>
    public static void Write(ProtoWriter writer, WireField field)
    {
        writer.WriteTag(field.Number, field.WireType);
        switch (field.WireType)
        {
            case 0: writer.WriteVarint(field.Value); break;
            case 1: writer.WriteFixed64(field.Value); break;
            case 5: writer.WriteFixed32((uint)field.Value); break;
            case 2:
                writer.WriteVarint((ulong)field.Payload.Length);
                writer.WriteRaw(field.Payload);
                break;
            case 3:
                writer.WriteRaw(field.Payload);
                writer.WriteTag(field.Number, 4);
                break;
        }
    }
}
