using Inkwell.Protobuf.Descriptors;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>
/// Reads an aggregate option value (protobuf text format) against a message type and serializes it the
/// way protoc's DynamicMessage does: fields in number order, repeated values in the order written,
/// packed where the field is packed.
/// </summary>
internal sealed class TextFormatReader(OptionInterpreter interpreter, string nameScope)
{
    private Lexer _lexer = null!;
    private string? _error;

    private Token Current => _lexer.Current;

    public bool TryParse(string text, MessageSyntax type, ProtoWriter output, out string? error)
    {
        _lexer = new Lexer(text, (_, _, message) => _error ??= message);
        _lexer.Next();
        bool ok = ParseMessage(type, null, output);
        if (ok && _missingRequired.Count > 0)
        {
            Fail("Message missing required fields: " + string.Join(", ", _missingRequired));
            ok = false;
        }

        if (ok && Current.Kind != TokenKind.EndOfFile)
        {
            Fail($"Expected identifier, got: {Current.Text}");
            ok = false;
        }

        error = _error;
        return ok && _error is null;
    }

    private bool Fail(string message)
    {
        _error ??= message;
        return false;
    }

    private bool TryConsume(string text)
    {
        if (Current.Is(text))
        {
            _lexer.Next();
            return true;
        }

        return false;
    }

    private readonly List<string> _missingRequired = [];
    private readonly List<string> _path = [];

    private sealed record Entry(FieldSyntax? Field, int Number, byte[] Encoded);

    private bool ParseMessage(MessageSyntax type, string? terminator, ProtoWriter output)
    {
        var entries = new List<Entry>();
        var packed = new Dictionary<int, ProtoWriter>();
        var seen = new HashSet<int>();
        while (!(terminator is null ? Current.Kind == TokenKind.EndOfFile : Current.Is(terminator)))
        {
            if (Current.Kind == TokenKind.EndOfFile)
            {
                return Fail($"Expected \"{terminator}\".");
            }

            if (!ParseField(type, entries, packed, seen))
            {
                return false;
            }

            if (!TryConsume(";"))
            {
                TryConsume(",");
            }
        }

        foreach (FieldSyntax field in type.Fields)
        {
            if (field.Label == FieldLabel.Required && !seen.Contains(field.Number))
            {
                _missingRequired.Add(string.Concat(_path.Select(p => p + ".")) + field.Name);
            }
        }

        foreach (IGrouping<int, Entry> group in entries.OrderBy(e => e.Number).GroupBy(e => e.Number))
        {
            if (packed.TryGetValue(group.Key, out ProtoWriter? values))
            {
                output.WriteBytesField(group.Key, values.Written);
                continue;
            }

            foreach (Entry e in group)
            {
                output.WriteRaw(e.Encoded);
            }
        }

        return true;
    }

    private bool ParseField(MessageSyntax type, List<Entry> entries, Dictionary<int, ProtoWriter> packed, HashSet<int> seen)
    {
        FieldSyntax? field;
        if (TryConsume("["))
        {
            string name = "";
            while (!Current.Is("]"))
            {
                if (Current.Kind == TokenKind.EndOfFile)
                {
                    return Fail("Expected \"]\".");
                }

                name += Current.Text;
                _lexer.Next();
            }

            _lexer.Next();
            int slash = name.IndexOf('/');
            if (slash >= 0)
            {
                return ParseAny(type, name, entries);
            }

            Symbol? symbol = interpreter.Scope.Lookup(name, nameScope);
            field = symbol?.Node as FieldSyntax;
            if (symbol?.Kind != SymbolKind.Extension || field is null || interpreter.Resolved(field).Extendee != "." + type.FullName)
            {
                return Fail($"Extension \"{name}\" is not defined or is not an extension of \"{type.FullName}\".");
            }
        }
        else
        {
            if (Current.Kind != TokenKind.Identifier)
            {
                return Fail($"Expected identifier, got: {Current.Text}");
            }

            string name = Current.Text;
            _lexer.Next();
            field = type.Fields.FirstOrDefault(f => f.Name == name);
            if (field is null)
            {
                string lower = name.ToLowerInvariant();
                field = type.Fields.FirstOrDefault(f => f.Name == lower && interpreter.Resolved(f).Type == FieldType.Group);
            }

            if (field is null)
            {
                return Fail($"Message type \"{type.FullName}\" has no field named \"{name}\".");
            }
        }

        bool isMessage = interpreter.Resolved(field).Type is FieldType.Message or FieldType.Group;
        bool repeated = field.Label == FieldLabel.Repeated;
        if (!repeated && !seen.Add(field.Number))
        {
            return Fail($"Non-repeated field \"{field.Name}\" is specified multiple times.");
        }

        bool colon = TryConsume(":");
        if (!isMessage && !colon)
        {
            return Fail($"Expected \":\", found \"{Current.Text}\".");
        }

        if (repeated && TryConsume("["))
        {
            if (TryConsume("]"))
            {
                return true;
            }

            do
            {
                if (!ParseValue(field, isMessage, entries, packed))
                {
                    return false;
                }
            }
            while (TryConsume(","));

            return TryConsume("]") || Fail("Expected \"]\".");
        }

        return ParseValue(field, isMessage, entries, packed);
    }

    private bool ParseValue(FieldSyntax field, bool isMessage, List<Entry> entries, Dictionary<int, ProtoWriter> packed)
    {
        var writer = new ProtoWriter();
        if (isMessage)
        {
            string terminator;
            if (TryConsume("{"))
            {
                terminator = "}";
            }
            else if (TryConsume("<"))
            {
                terminator = ">";
            }
            else
            {
                return Fail($"Expected \"{{\", found \"{Current.Text}\".");
            }

            MessageSyntax? subType = interpreter.FindMessage(interpreter.Resolved(field).TypeName!);
            var inner = new ProtoWriter();
            _path.Add(field.Extendee is not null ? "(" + field.FullName + ")" : field.Name); // protoc's initialization-error path
            bool parsed = subType is not null && ParseMessage(subType, terminator, inner);
            _path.RemoveAt(_path.Count - 1);
            if (!parsed)
            {
                return false;
            }

            _lexer.Next();
            if (interpreter.Resolved(field).Type == FieldType.Group)
            {
                writer.WriteTag(field.Number, 3);
                writer.WriteRaw(inner.Written);
                writer.WriteTag(field.Number, 4);
            }
            else if (field.Extendee is not null && IsMessageSet(field))
            {
                // MessageSet wire format: each extension is an Item group { type_id = 2; message = 3; }.
                var item = new ProtoWriter();
                item.WriteVarintField(2, (ulong)field.Number);
                item.WriteBytesField(3, inner.Written);
                writer.WriteTag(1, 3);
                writer.WriteRaw(item.Written);
                writer.WriteTag(1, 4);
                entries.Add(new Entry(field, 1, writer.ToArray()));
                return true;
            }
            else
            {
                writer.WriteBytesField(field.Number, inner.Written);
            }

            entries.Add(new Entry(field, field.Number, writer.ToArray()));
            return true;
        }

        if (!ReadScalar(out OptionValue value))
        {
            return false;
        }

        var payload = new ProtoWriter();
        int? wireType = ValueEncoder.Encode(interpreter.Resolved(field).Type, interpreter.FindEnum(field), value, field.Name, payload, textFormat: true, out string? error);
        if (wireType is null)
        {
            return Fail(error!);
        }

        if (field.Label == FieldLabel.Repeated && wireType != 2 && IsPacked(field))
        {
            if (!packed.TryGetValue(field.Number, out ProtoWriter? values))
            {
                packed[field.Number] = values = new ProtoWriter();
            }

            values.WriteRaw(payload.Written);
            entries.Add(new Entry(field, field.Number, []));
            return true;
        }

        writer.WriteTag(field.Number, wireType.Value);
        writer.WriteRaw(payload.Written);
        entries.Add(new Entry(field, field.Number, writer.ToArray()));
        return true;
    }

    private bool ReadScalar(out OptionValue value)
    {
        value = default;
        bool negative = TryConsume("-");
        switch (Current.Kind)
        {
            case TokenKind.Integer:
                if (!Literals.TryParseInteger(Current.Text, ulong.MaxValue, out ulong magnitude))
                {
                    return Fail($"Integer out of range ({Current.Text})");
                }

                value = OptionValue.FromInteger(magnitude, negative);
                break;
            case TokenKind.Float:
                double d = Literals.ParseFloat(Current.Text);
                value = OptionValue.FromDouble(negative ? -d : d);
                break;
            case TokenKind.Identifier:
                value = OptionValue.FromIdentifier(Current.Text, negative);
                break;
            case TokenKind.String when !negative:
                {
                    var bytes = new List<byte>();
                    while (Current.Kind == TokenKind.String)
                    {
                        Literals.UnescapeString(Current.Text, bytes);
                        _lexer.Next();
                    }

                    value = OptionValue.FromString([.. bytes]);
                    return true;
                }

            default:
                return Fail($"Expected value, got: {Current.Text}");
        }

        _lexer.Next();
        return true;
    }

    private bool ParseAny(MessageSyntax type, string url, List<Entry> entries)
    {
        if (type.FullName != "google.protobuf.Any")
        {
            return Fail($"Expected a field name, got: [{url}]");
        }

        string typeName = url.Substring(url.LastIndexOf('/') + 1);
        MessageSyntax? valueType = interpreter.FindMessage(typeName);
        if (valueType is null)
        {
            return Fail($"Could not find type \"{url}\" stored in google.protobuf.Any.");
        }

        TryConsume(":");
        string terminator = TryConsume("<") ? ">" : (TryConsume("{") ? "}" : "");
        if (terminator.Length == 0)
        {
            return Fail("Expected \"{\".");
        }

        var inner = new ProtoWriter();
        if (!ParseMessage(valueType, terminator, inner))
        {
            return false;
        }

        _lexer.Next();
        var urlField = new ProtoWriter();
        urlField.WriteStringField(1, url);
        var valueField = new ProtoWriter();
        valueField.WriteBytesField(2, inner.Written);
        entries.Add(new Entry(null, 1, urlField.ToArray()));
        entries.Add(new Entry(null, 2, valueField.ToArray()));
        return true;
    }

    private bool IsMessageSet(FieldSyntax extension) =>
        interpreter.Resolved(extension).Extendee is { } extendee && interpreter.FindMessage(extendee) is { } container &&
        container.Options.Any(o => o.Name.Count == 1 && o.Name[0].Name == "message_set_wire_format" && o.Identifier == "true");

    private static bool IsPacked(FieldSyntax field)
    {
        OptionSyntax? packedOption = field.Options.FirstOrDefault(o => o.Name.Count == 1 && o.Name[0].Name == "packed");
        if (packedOption is not null)
        {
            return packedOption.Identifier == "true";
        }

        return field.IsPackedByDefault;
    }
}
