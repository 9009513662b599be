using System.Globalization;
using System.Text;
using Google.Protobuf.Reflection;
using Inkwell.Internal;
using Inkwell.Protobuf.TextFormat;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf;

/// <summary>
/// Prints binary protobuf messages in protobuf's text format exactly as protoc 35.1's <c>--decode</c> and
/// <c>--decode_raw</c> do: fields in number order with extensions among them as <c>[full.name]</c>, groups under their
/// type's name, enums by name (an open enum's undeclared value as its number), strings and bytes C-escaped, floats
/// and doubles in their shortest round-trip <c>%g</c> form, map entries sorted by key, unknown fields last by number,
/// two spaces of indent. <c>google.protobuf.Any</c> is printed as its two fields, as protoc prints it.
/// </summary>
public sealed class TextFormatPrinter
{
    private readonly TextFormatTypes _types;

    /// <summary>A printer for the message types of <paramref name="files"/> (each file's imports among them).</summary>
    public TextFormatPrinter(IEnumerable<FileDescriptorProto> files)
    {
        _types = TextFormatTypes.Of(files, nameof(files));
    }

    /// <summary>Whether <paramref name="fullName"/> (e.g. <c>pkg.Outer.Inner</c>) is a message type of the files.</summary>
    public bool HasMessageType(string fullName) => _types.HasMessage(fullName);

    /// <summary>
    /// Prints <paramref name="message"/> as a <paramref name="messageType"/>; false when the bytes do not parse as one
    /// (protoc's "Failed to parse input."), including a proto3 string that is not UTF-8.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="messageType"/> is not a message type of the files.</exception>
    public bool TryPrint(string messageType, byte[] message, out string text)
    {
        TextMessageType type = _types.GetMessage(messageType, nameof(messageType));
        ParsedMessage? parsed = ParsedMessage.Parse(_types, type, message);
        var output = new StringBuilder();
        if (parsed is null || !Print(parsed, "", output))
        {
            text = "";
            return false;
        }

        text = output.ToString();
        return true;
    }

    /// <summary>
    /// The required fields that <paramref name="message"/>, a <paramref name="messageType"/>, lacks, named as protoc's
    /// <c>warning:  Input message is missing required fields:  …</c> names them (<c>a</c>, <c>child.b</c>,
    /// <c>items[0].c</c>, <c>(pkg.ext).d</c>) and in its order; empty when none are missing or the bytes do not parse.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="messageType"/> is not a message type of the files.</exception>
    public IReadOnlyList<string> FindMissingRequiredFields(string messageType, byte[] message)
    {
        TextMessageType type = _types.GetMessage(messageType, nameof(messageType));
        ParsedMessage? parsed = ParsedMessage.Parse(_types, type, message);
        return parsed is null ? [] : RequiredFields.FindMissing(parsed);
    }

    /// <summary>
    /// Prints <paramref name="message"/> with no type, as <c>protoc --decode_raw</c>: every field as an unknown one.
    /// False when the bytes are not a protobuf message.
    /// </summary>
    public static bool TryPrintRaw(byte[] message, out string text)
    {
        var output = new StringBuilder();
        bool ok = UnknownFieldPrinter.Print(message, "", output);
        text = ok ? output.ToString() : "";
        return ok;
    }

    private bool Print(ParsedMessage message, string indent, StringBuilder text)
    {
        if (message.MessageType.IsMapEntry)
        {
            PrintMapEntry(message, indent, text);
            return true;
        }

        foreach (KeyValuePair<int, List<object>> entry in message.Values)
        {
            List<object> values = entry.Value;
            TextField field = message.MessageType.Find(entry.Key)!;
            IEnumerable<object> ordered = field.IsMap ? SortedMapEntries(values) : values;
            foreach (object value in ordered)
            {
                if (!field.IsRepeated && !field.HasPresence && IsZero(value))
                {
                    continue;
                }

                if (value is ParsedMessage nested)
                {
                    text.Append(indent).Append(field.PrintName).Append(" {\n");
                    if (field.IsMap)
                    {
                        PrintMapEntry(nested, indent + "  ", text);
                    }
                    else
                    {
                        Print(nested, indent + "  ", text);
                    }

                    text.Append(indent).Append("}\n");
                }
                else
                {
                    text.Append(indent).Append(field.PrintName).Append(": ").Append(Scalar(field, value)).Append('\n');
                }
            }
        }

        return message.Unknown.Count == 0 || UnknownFieldPrinter.Print([.. message.Unknown], indent, text);
    }

    // protoc prints an entry's key and value even when they are defaults (an absent message value as `value {}`).
    private void PrintMapEntry(ParsedMessage entry, string indent, StringBuilder text)
    {
        foreach (int number in new[] { 1, 2 })
        {
            TextField? field = entry.MessageType.Find(number);
            if (field is null)
            {
                continue;
            }

            object? value = entry.Values.TryGetValue(number, out List<object>? values) ? values[values.Count - 1] : null;
            if (field.IsMessage)
            {
                text.Append(indent).Append(field.PrintName).Append(" {\n");
                if (value is ParsedMessage nested)
                {
                    Print(nested, indent + "  ", text);
                }

                text.Append(indent).Append("}\n");
            }
            else
            {
                text.Append(indent).Append(field.PrintName).Append(": ").Append(Scalar(field, value ?? (field.Type is Type.String or Type.Bytes ? Array.Empty<byte>() : 0UL))).Append('\n');
            }
        }

        // An entry's unknown fields are not printed (protoc prints an entry from its key and value), nor are they read as
        // a message of the entry type itself.
    }

    // protoc prints every entry read (a repeated key too), sorted by key, entries of one key in the order read.
    private static IEnumerable<object> SortedMapEntries(List<object> entries) =>
        entries.Cast<ParsedMessage>().OrderBy(SortKeyOf, MapKeys.Comparer).Cast<object>();

    private static object SortKeyOf(ParsedMessage entry)
    {
        TextField? keyField = entry.MessageType.Find(1);
        object? key = entry.Values.TryGetValue(1, out List<object>? keys) ? keys[keys.Count - 1] : null;
        return MapKeys.SortKey(keyField?.Type ?? Type.Int32, key);
    }

    private static bool IsZero(object value) => value switch
    {
        ulong number => number == 0,
        byte[] bytes => bytes.Length == 0,
        _ => false,
    };

    private string Scalar(TextField field, object value)
    {
        if (value is byte[] bytes)
        {
            return "\"" + CEscapes.Escape(bytes) + "\"";
        }

        ulong raw = (ulong)value;
        CultureInfo invariant = CultureInfo.InvariantCulture;
        return field.Type switch
        {
            Type.Int32 or Type.Sfixed32 => ((int)raw).ToString(invariant),
            Type.Int64 or Type.Sfixed64 => ((long)raw).ToString(invariant),
            Type.Uint32 or Type.Fixed32 => ((uint)raw).ToString(invariant),
            Type.Uint64 or Type.Fixed64 => raw.ToString(invariant),
            Type.Sint32 => ZigZag32((uint)raw).ToString(invariant),
            Type.Sint64 => ZigZag64(raw).ToString(invariant),
            Type.Bool => raw != 0 ? "true" : "false",
            Type.Float => CFloatFormat.Format(BitConverter.ToSingle(BitConverter.GetBytes((uint)raw), 0)),
            Type.Double => CFloatFormat.Format(BitConverter.Int64BitsToDouble((long)raw)),
            Type.Enum => EnumName(field, (int)raw),
            _ => raw.ToString(invariant),
        };
    }

    private string EnumName(TextField field, int number)
    {
        TextEnumType? type = _types.FindEnum(field.TypeName!);
        return type is not null && type.Names.TryGetValue(number, out string? name) ? name : number.ToString(CultureInfo.InvariantCulture);
    }

    private static int ZigZag32(uint value) => (int)(value >> 1) ^ -(int)(value & 1);

    private static long ZigZag64(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
