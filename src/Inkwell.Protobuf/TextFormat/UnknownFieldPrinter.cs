using System.Globalization;
using System.Text;
using Inkwell.Internal;

namespace Inkwell.Protobuf.TextFormat;

/// <summary>
/// Fields of no known type as protoc prints them (<c>--decode_raw</c>, and the unknown fields of a typed message): the
/// number, varints in decimal, fixed32/fixed64 as zero-padded hex, a length-delimited value as a nested message when
/// its bytes parse as one, else as a C-escaped string; groups as nested messages.
/// </summary>
internal static class UnknownFieldPrinter
{
    private const int RecursionLimit = 100;

    /// <summary>Appends the fields of <paramref name="bytes"/>; false when they are not wire-format fields.</summary>
    public static bool Print(byte[] bytes, string indent, StringBuilder text)
    {
        int position = 0;
        return Print(bytes, ref position, bytes.Length, endGroup: null, indent, text, RecursionLimit, nested: false);
    }

    // A nested value is tried as a message the way protoc's printer tries it (CodedInputStream: tags of up to ten bytes).
    private static bool Print(byte[] bytes, ref int position, int end, int? endGroup, string indent, StringBuilder text, int budget, bool nested)
    {
        while (position < end)
        {
            int tagStart = position;
            if (!WireRead.Varint(bytes, ref position, end, out ulong wideTag) || !nested && position - tagStart > 5)
            {
                return false;
            }

            uint tag = (uint)wideTag;

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
                    if (!WireRead.Varint(bytes, ref position, end, out ulong varint))
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
                    if (!WireRead.Varint(bytes, ref position, end, out ulong length) || length > (ulong)(end - position))
                    {
                        return false;
                    }

                    int start = position;
                    int stop = position + (int)length;
                    position = stop;
                    var nestedText = new StringBuilder();
                    int inner = start;
                    if (length > 0 && budget > 0 && Print(bytes, ref inner, stop, endGroup: null, indent + "  ", nestedText, budget - 1, nested: true) && inner == stop)
                    {
                        text.Append(indent).Append(name).Append(" {\n").Append(nestedText).Append(indent).Append("}\n");
                    }
                    else
                    {
                        text.Append(indent).Append(name).Append(": \"").Append(CEscapes.Escape(new ReadOnlySpan<byte>(bytes, start, stop - start))).Append("\"\n");
                    }

                    break;
                case 3:
                    var group = new StringBuilder();
                    // Print returns at the matching end-group tag; reaching the end of the bytes first fails.
                    if (budget <= 0 || !Print(bytes, ref position, end, number, indent + "  ", group, budget - 1, nested))
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
}
