using Inkwell.Protobuf.Descriptors;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.TextFormat;

/// <summary>
/// A message being read from text format, written out as protoc's DynamicMessage serializes it: fields and extensions
/// in number order, repeated values in the order read (packed where the field packs), a map entry with both its key and
/// its value, implicit-presence zeros left out.
/// </summary>
internal sealed class TextMessageBuilder(TextMessageType type) : IMessageValues
{
    public TextMessageType MessageType { get; } = type;

    /// <summary>Values by field number: the wire value as a <see cref="ulong"/>, bytes, or a <see cref="TextMessageBuilder"/>.</summary>
    public SortedDictionary<int, List<object>> Values { get; } = [];

    /// <summary>Whether <paramref name="field"/> counts as set, as protoc's <c>HasField</c> (an implicit-presence zero does not).</summary>
    public bool Has(TextField field) =>
        Values.TryGetValue(field.Number, out List<object>? values) && values.Count > 0 && (field.IsRepeated || field.HasPresence || !IsZero(values[0]));

    /// <summary>The member of <paramref name="field"/>'s oneof that is set, or null.</summary>
    public TextField? SetOneofMember(TextField field) =>
        field.OneofIndex < 0 ? null : MessageType.FieldsInOrder.FirstOrDefault(other => other.OneofIndex == field.OneofIndex && Has(other));

    public void Set(TextField field, object value)
    {
        if (!Values.TryGetValue(field.Number, out List<object>? values))
        {
            Values[field.Number] = values = [];
        }

        if (!field.IsRepeated)
        {
            values.Clear();
        }

        values.Add(value);
    }

    /// <summary>Makes sure a repeated field written as <c>[]</c> exists (it writes nothing).</summary>
    public void Touch(TextField field)
    {
        if (!Values.ContainsKey(field.Number))
        {
            Values[field.Number] = [];
        }
    }

    /// <summary>The message's bytes; with <paramref name="deterministic"/>, map entries sorted by key (stable).</summary>
    public void WriteTo(ProtoWriter output, bool deterministic)
    {
        foreach (KeyValuePair<int, List<object>> entry in Values)
        {
            int number = entry.Key;
            List<object> values = entry.Value;
            TextField field = MessageType.Find(number)!;
            if (field.IsPacked)
            {
                if (values.Count > 0)
                {
                    var packed = new ProtoWriter();
                    foreach (object value in values)
                    {
                        WriteScalar(packed, field.Type, (ulong)value);
                    }

                    output.WriteBytesField(number, packed.Written);
                }

                continue;
            }

            IEnumerable<object> ordered = deterministic && field.IsMap
                ? values.OrderBy(entry => KeyOf((TextMessageBuilder)entry), MapKeys.Comparer)
                : values;
            foreach (object value in ordered)
            {
                if (!field.IsRepeated && !field.HasPresence && IsZero(value))
                {
                    continue;
                }

                if (MessageType.IsMessageSet && value is TextMessageBuilder item && !MessageType.Fields.ContainsKey(number))
                {
                    WriteMessageSetItem(output, number, item, deterministic);
                }
                else
                {
                    WriteField(output, field, value, deterministic);
                }
            }
        }
    }

    // A message set's extension is an Item group: { type_id = 2 (the extension's number); message = 3; }.
    private static void WriteMessageSetItem(ProtoWriter output, int number, TextMessageBuilder message, bool deterministic)
    {
        var body = new ProtoWriter();
        message.WriteTo(body, deterministic);
        output.WriteTag(1, 3);
        output.WriteVarintField(2, (ulong)number);
        output.WriteBytesField(3, body.Written);
        output.WriteTag(1, 4);
    }

    private static void WriteField(ProtoWriter output, TextField field, object value, bool deterministic)
    {
        switch (value)
        {
            case byte[] bytes:
                output.WriteBytesField(field.Number, bytes);
                break;
            case TextMessageBuilder message when field.Type == Type.Group:
                output.WriteTag(field.Number, 3);
                message.WriteTo(output, deterministic);
                output.WriteTag(field.Number, 4);
                break;
            case TextMessageBuilder message:
                var body = new ProtoWriter();
                if (field.IsMap)
                {
                    message.WriteMapEntry(body, deterministic);
                }
                else
                {
                    message.WriteTo(body, deterministic);
                }

                output.WriteBytesField(field.Number, body.Written);
                break;
            default:
                output.WriteTag(field.Number, WireTypeOf(field.Type));
                WriteScalar(output, field.Type, (ulong)value);
                break;
        }
    }

    // A map entry is written whole, as protoc writes its maps' entries: the key and the value, set or not.
    private void WriteMapEntry(ProtoWriter output, bool deterministic)
    {
        foreach (TextField field in MessageType.FieldsInOrder.OrderBy(f => f.Number))
        {
            object value = Values.TryGetValue(field.Number, out List<object>? values) && values.Count > 0
                ? values[values.Count - 1]
                : field.IsMessage ? new TextMessageBuilder(new TextMessageType(field.TypeName!))
                : field.Type is Type.String or Type.Bytes ? Array.Empty<byte>() : 0UL;
            WriteField(output, field, value, deterministic);
        }
    }

    private static object KeyOf(TextMessageBuilder entry)
    {
        TextField? keyField = entry.MessageType.Find(1);
        object? key = entry.Values.TryGetValue(1, out List<object>? keys) && keys.Count > 0 ? keys[keys.Count - 1] : null;
        return MapKeys.SortKey(keyField?.Type ?? Type.Int32, key);
    }

    private static bool IsZero(object value) => value switch
    {
        ulong number => number == 0,
        byte[] bytes => bytes.Length == 0,
        _ => false,
    };

    private static void WriteScalar(ProtoWriter output, Type type, ulong value)
    {
        switch (WireTypeOf(type))
        {
            case 1:
                output.WriteFixed64(value);
                break;
            case 5:
                output.WriteFixed32((uint)value);
                break;
            default:
                output.WriteVarint(value);
                break;
        }
    }

    private static int WireTypeOf(Type type) => type switch
    {
        Type.Double or Type.Fixed64 or Type.Sfixed64 => 1,
        Type.Float or Type.Fixed32 or Type.Sfixed32 => 5,
        _ => 0,
    };
}
