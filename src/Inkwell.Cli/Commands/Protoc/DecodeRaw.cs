using System.Globalization;
using System.Text;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary>
/// <c>--decode_raw</c>: a message of no known type printed as protoc prints unknown fields in text format: numbers,
/// varints in decimal, fixed32/fixed64 as zero-padded hex, a length-delimited field as a nested message when its
/// bytes parse as one, else as a C-escaped string; groups as nested messages.
/// </summary>
internal static class DecodeRaw
{
    /// <summary>protoc's recursion budget for nested messages and groups.</summary>
    private const int RecursionLimit = 100;

    /// <summary>The text, or null when the bytes are not a protobuf message.</summary>
    public static string? Format(byte[] bytes)
    {
        var text = new StringBuilder();
        int position = 0;
        return Print(bytes, ref position, bytes.Length, endGroup: null, indent: "", text, RecursionLimit) ? text.ToString() : null;
    }

    private static bool Print(byte[] bytes, ref int position, int end, int? endGroup, string indent, StringBuilder text, int budget)
    {
        while (position < end)
        {
            if (!ReadVarint(bytes, ref position, end, out ulong tag) || tag > uint.MaxValue)
            {
                return false;
            }

            int number = (int)(tag >> 3);
            int wireType = (int)(tag & 7);
            if (wireType == 4)
            {
                // An end-group tag closes the group being read, and nothing else.
                return endGroup == number;
            }

            if (number == 0)
            {
                return false;
            }

            string name = number.ToString(CultureInfo.InvariantCulture);
            switch (wireType)
            {
                case 0:
                    if (!ReadVarint(bytes, ref position, end, out ulong varint))
                    {
                        return false;
                    }

                    text.Append(indent).Append(name).Append(": ").Append(varint.ToString(CultureInfo.InvariantCulture)).Append('\n');
                    break;
                case 1:
                    if (end - position < 8)
                    {
                        return false;
                    }

                    text.Append(indent).Append(name).Append(": 0x").Append(BitConverter.ToUInt64(bytes, position).ToString("x16", CultureInfo.InvariantCulture)).Append('\n');
                    position += 8;
                    break;
                case 5:
                    if (end - position < 4)
                    {
                        return false;
                    }

                    text.Append(indent).Append(name).Append(": 0x").Append(BitConverter.ToUInt32(bytes, position).ToString("x8", CultureInfo.InvariantCulture)).Append('\n');
                    position += 4;
                    break;
                case 2:
                    if (!ReadVarint(bytes, ref position, end, out ulong length) || length > (ulong)(end - position))
                    {
                        return false;
                    }

                    int start = position;
                    int stop = position + (int)length;
                    position = stop;
                    var nested = new StringBuilder();
                    int inner = start;
                    if (length > 0 && budget > 0 && Print(bytes, ref inner, stop, endGroup: null, indent + "  ", nested, budget - 1) && inner == stop)
                    {
                        text.Append(indent).Append(name).Append(" {\n").Append(nested).Append(indent).Append("}\n");
                    }
                    else
                    {
                        text.Append(indent).Append(name).Append(": \"").Append(PluginProcess.CEscape(bytes[start..stop])).Append("\"\n");
                    }

                    break;
                case 3:
                    var group = new StringBuilder();
                    if (budget <= 0 || !PrintGroup(bytes, ref position, end, number, indent + "  ", group, budget - 1))
                    {
                        return false;
                    }

                    text.Append(indent).Append(name).Append(" {\n").Append(group).Append(indent).Append("}\n");
                    break;
                default:
                    return false;
            }
        }

        // Running out of bytes inside a group is an error; at the end of a message it is the end.
        return endGroup is null;
    }

    private static bool PrintGroup(byte[] bytes, ref int position, int end, int number, string indent, StringBuilder text, int budget)
    {
        // Print returns at the matching end-group tag; reaching the end of the bytes first fails.
        return Print(bytes, ref position, end, number, indent, text, budget);
    }

    private static bool ReadVarint(byte[] bytes, ref int position, int end, out ulong value)
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
}
