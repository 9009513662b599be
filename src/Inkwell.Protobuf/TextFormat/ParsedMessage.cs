using System.Text;
using WireType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.TextFormat;

/// <summary>
/// A message read from the wire against its type, with protoc's (DynamicMessage's) merge rules: the last value of a
/// singular field wins, singular messages merge, setting a oneof member clears the others, a zero of an
/// implicit-presence field is not set, map entries of one key keep the last, and what does not fit the type (unknown
/// numbers, wrong wire types, a closed enum's undeclared values) is kept as unknown fields, in order.
/// </summary>
internal sealed class ParsedMessage : IMessageValues
{
    private const int RecursionLimit = 100;

    /// <summary>Values by field: <see cref="ulong"/> for numbers, <see cref="byte"/>[] for strings and bytes, <see cref="ParsedMessage"/> for messages.</summary>
    public SortedDictionary<int, List<object>> Values { get; } = [];

    /// <summary>The unknown fields, as wire bytes.</summary>
    public List<byte> Unknown { get; } = [];

    public TextMessageType MessageType { get; }

    // Singular messages merge: their pieces are joined while reading and read once at the end.
    private readonly Dictionary<int, List<byte>> _pieces = [];

    private ParsedMessage(TextMessageType type) => MessageType = type;

    /// <summary>Reads <paramref name="bytes"/> as <paramref name="type"/>; null when they do not parse (protoc's "Failed to parse input.").</summary>
    public static ParsedMessage? Parse(TextFormatTypes types, TextMessageType type, byte[] bytes)
    {
        try
        {
            return Parse(types, type, bytes, 0, bytes.Length, RecursionLimit);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static ParsedMessage? Parse(TextFormatTypes types, TextMessageType type, byte[] bytes, int start, int end, int budget)
    {
        var message = new ParsedMessage(type);
        Dictionary<int, List<byte>> pieces = message._pieces;
        int position = start;
        while (position < end)
        {
            int tagStart = position;
            if (!WireRead.Tag(bytes, ref position, end, upToTenBytes: false, out uint tag))
            {
                return null;
            }

            int number = (int)(tag >> 3);
            int wireType = (int)(tag & 7);
            if (wireType == 4)
            {
                return null; // an end-group tag outside its group
            }

            int valueStart = position;
            if (!WireRead.Skip(bytes, ref position, end, number, wireType, budget, out int groupBodyEnd))
            {
                return null;
            }

            if (type.IsMessageSet && number == 1 && wireType == 3 && message.AcceptMessageSetItem(types, bytes, valueStart, groupBodyEnd, pieces, budget))
            {
                continue;
            }

            TextField? field = type.Find(number);
            if (field is null || !message.Accept(types, field, wireType, bytes, valueStart, wireType == 3 ? groupBodyEnd : position, pieces, budget))
            {
                message.Unknown.AddRange(new ArraySegment<byte>(bytes, tagStart, position - tagStart));
            }
        }

        foreach (KeyValuePair<int, List<byte>> entry in pieces)
        {
            List<byte> piece = entry.Value;
            TextField field = type.Find(entry.Key)!;
            TextMessageType? fieldType = types.FindMessage(field.TypeName!);
            ParsedMessage? value = fieldType is null || budget == 0 ? null : Parse(types, fieldType, [.. piece], 0, piece.Count, budget - 1);
            if (value is null)
            {
                return null;
            }

            message.Set(field, value);
        }

        return message;
    }

    // A message set's Item group { type_id = 2; message = 3; } is its extension of that number; false when it is not a
    // known extension with its message (then the item is an unknown field).
    private bool AcceptMessageSetItem(TextFormatTypes types, byte[] bytes, int start, int end, Dictionary<int, List<byte>> pieces, int budget)
    {
        ulong typeId = 0;
        (int Start, int End)? payload = null;
        int position = start;
        while (position < end)
        {
            if (!WireRead.Tag(bytes, ref position, end, upToTenBytes: false, out uint tag))
            {
                return false;
            }

            int valueStart = position;
            if (!WireRead.Skip(bytes, ref position, end, (int)(tag >> 3), (int)(tag & 7), budget, out _))
            {
                return false;
            }

            if (tag == (2 << 3 | 0))
            {
                int at = valueStart;
                WireRead.Varint(bytes, ref at, position, out typeId);
            }
            else if (tag == (3 << 3 | 2))
            {
                payload = (valueStart, position);
            }
        }

        if (typeId == 0 || typeId > int.MaxValue)
        {
            return false;
        }

        if (payload is not { } value)
        {
            return true; // protoc drops an item without its message
        }

        if (MessageType.Extensions.TryGetValue((int)typeId, out TextField? extension) && extension.IsMessage)
        {
            return Accept(types, extension, 2, bytes, value.Start, value.End, pieces, budget);
        }

        // An item of no known extension is kept as protoc keeps it: an unknown length-delimited field of that number.
        WriteVarint(Unknown, typeId << 3 | 2);
        Unknown.AddRange(new ArraySegment<byte>(bytes, value.Start, value.End - value.Start));
        return true;
    }

    // Takes a value of a known field; false when the wire type does not fit it (then the value is an unknown field).
    private bool Accept(TextFormatTypes types, TextField field, int wireType, byte[] bytes, int start, int end, Dictionary<int, List<byte>> pieces, int budget)
    {
        int expected = WireTypeOf(field.Type);
        if (wireType == 2 && field.IsRepeated && expected is 0 or 1 or 5)
        {
            // Packed, whatever the declaration says: every packable field reads both forms.
            int position = start;
            WireRead.Varint(bytes, ref position, end, out ulong length);
            int stop = position + (int)length;
            while (position < stop)
            {
                int valueStart = position;
                if (!WireRead.Skip(bytes, ref position, stop, field.Number, expected, 0, out _))
                {
                    throw new FormatException(); // caught by the caller as a parse failure
                }

                AddScalar(types, field, expected, bytes, valueStart, position);
            }

            return true;
        }

        if (wireType != expected)
        {
            return false;
        }

        if (field.IsMessage)
        {
            (int from, int to) = Payload(bytes, start, end, wireType);
            if (field.IsRepeated)
            {
                TextMessageType? fieldType = types.FindMessage(field.TypeName!);
                ParsedMessage? value = fieldType is null || budget == 0 ? null : Parse(types, fieldType, bytes, from, to, budget - 1);
                if (value is null)
                {
                    throw new FormatException();
                }

                if (field.IsMap && value.MessageType.Find(2) is { Type: WireType.Enum } valueField && value.Unknown.Count > 0
                    && types.FindEnum(valueField.TypeName!) is { IsClosed: true })
                {
                    return false; // an entry whose closed enum value is undeclared is kept whole as an unknown field
                }

                Add(field, value);
            }
            else
            {
                ClearOneof(field);
                if (!pieces.TryGetValue(field.Number, out List<byte>? piece))
                {
                    pieces[field.Number] = piece = [];
                }

                piece.AddRange(new ArraySegment<byte>(bytes, from, to - from));
                Values.Remove(field.Number);
            }

            return true;
        }

        return AddScalar(types, field, wireType, bytes, start, end);
    }

    private bool AddScalar(TextFormatTypes types, TextField field, int wireType, byte[] bytes, int start, int end)
    {
        object value;
        if (wireType == 2)
        {
            (int from, int to) = Payload(bytes, start, end, wireType);
            byte[] payload = new byte[to - from];
            Array.Copy(bytes, from, payload, 0, payload.Length);
            if (field.VerifyUtf8 && !IsUtf8(payload))
            {
                throw new FormatException();
            }

            value = payload;
        }
        else
        {
            int position = start;
            value = wireType switch
            {
                0 => WireRead.Varint(bytes, ref position, end, out ulong varint) ? varint : 0UL,
                1 => BitConverter.ToUInt64(bytes, start),
                _ => (ulong)BitConverter.ToUInt32(bytes, start),
            };
            if (field.Type == WireType.Enum && types.FindEnum(field.TypeName!) is { IsClosed: true } enumType && !enumType.Names.ContainsKey((int)(ulong)value))
            {
                // A closed enum keeps an undeclared value as an unknown varint.
                WriteVarint(Unknown, (ulong)field.Number << 3);
                WriteVarint(Unknown, (ulong)value);
                return true;
            }
        }

        if (field.IsRepeated)
        {
            Add(field, value);
        }
        else
        {
            Set(field, value);
        }

        return true;
    }

    private void Add(TextField field, object value)
    {
        if (!Values.TryGetValue(field.Number, out List<object>? list))
        {
            Values[field.Number] = list = [];
        }

        list.Add(value);
    }

    private void Set(TextField field, object value)
    {
        ClearOneof(field);
        Values[field.Number] = [value];
    }

    private void ClearOneof(TextField field)
    {
        if (field.OneofIndex < 0)
        {
            return;
        }

        foreach (TextField other in MessageType.Fields.Values)
        {
            if (other.OneofIndex == field.OneofIndex && other.Number != field.Number)
            {
                Values.Remove(other.Number);
                _pieces.Remove(other.Number);
            }
        }
    }

    // A group's body is already cut at its end-group tag; a length-delimited value starts after its length.
    private static (int From, int To) Payload(byte[] bytes, int start, int end, int wireType)
    {
        if (wireType == 3)
        {
            return (start, end);
        }

        int position = start;
        WireRead.Varint(bytes, ref position, end, out _);
        return (position, end);
    }

    private static int WireTypeOf(WireType type) => type switch
    {
        WireType.Double or WireType.Fixed64 or WireType.Sfixed64 => 1,
        WireType.Float or WireType.Fixed32 or WireType.Sfixed32 => 5,
        WireType.String or WireType.Bytes or WireType.Message => 2,
        WireType.Group => 3,
        _ => 0,
    };

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void WriteVarint(List<byte> output, ulong value)
    {
        while (value >= 0x80)
        {
            output.Add((byte)(value | 0x80));
            value >>= 7;
        }

        output.Add((byte)value);
    }
}
