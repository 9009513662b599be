using System.Globalization;
using Inkwell.Protobuf.Internal;
using Inkwell.Protobuf.Syntax;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.TextFormat;

/// <summary>
/// protoc's text-format parser (TextFormat::Parser as <c>protoc --encode</c> runs it: partial messages allowed, a
/// non-repeated field set twice refused) over protoc's tokenizer in its text-format mode. The grammar, the checks and
/// their order follow protoc's ParserImpl, so each error has protoc's text at protoc's position: the token being looked
/// at when the check fails. Tokenizer errors are reported and reading goes on; the first parser error stops it.
/// </summary>
internal sealed class TextParser
{
    // protoc has no limit of its own (it crashes on very deep text); this one keeps the stack safe.
    private const int RecursionLimit = 5000;

    private readonly TextFormatTypes _types;
    private readonly Lexer _lexer;
    private readonly List<Diagnostic> _diagnostics = [];
    private bool _hadErrors;
    private int _depth;

    public TextParser(TextFormatTypes types, string text)
    {
        _types = types;
        _lexer = new Lexer(text, (line, column, message) => Report(line, column, message, DiagnosticSeverity.Error), textFormat: true);
        _lexer.Next();
    }

    /// <summary>The errors and warnings, in the order protoc reports them.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    private Token Current => _lexer.Current;

    /// <summary>Reads the whole text as a <paramref name="type"/>; null after any error.</summary>
    public TextMessageBuilder? Parse(TextMessageType type)
    {
        var message = new TextMessageBuilder(type);
        while (Current.Kind != TokenKind.EndOfFile)
        {
            if (!ConsumeField(message))
            {
                return null;
            }
        }

        return _hadErrors ? null : message;
    }

    private void Report(int line, int column, string message, DiagnosticSeverity severity)
    {
        _hadErrors |= severity == DiagnosticSeverity.Error;
        string id = severity == DiagnosticSeverity.Error ? DiagnosticIds.TextFormatError : DiagnosticIds.TextFormatWarning;
        _diagnostics.Add(new Diagnostic(id, "input", line + 1, column + 1, message, severity));
    }

    private bool Fail(string message)
    {
        Report(Current.Line, Current.Column, message, DiagnosticSeverity.Error);
        return false;
    }

    // Checks made right after a closing "]" fire before protoc steps over the whitespace after it: there.
    private bool FailAfterPrevious(string message)
    {
        Report(_lexer.Previous.Line, _lexer.Previous.EndColumn, message, DiagnosticSeverity.Error);
        return false;
    }

    private bool LookingAt(string text) => Current.Is(text);

    private bool TryConsume(string text)
    {
        if (!Current.Is(text))
        {
            return false;
        }

        _lexer.Next();
        return true;
    }

    private bool Consume(string text) => TryConsume(text) || Fail($"Expected \"{text}\", found \"{Current.Text}\".");

    private bool ConsumeIdentifier(out string identifier)
    {
        identifier = Current.Text;
        if (Current.Kind != TokenKind.Identifier)
        {
            return Fail($"Expected identifier, got: {Current.Text}");
        }

        _lexer.Next();
        return true;
    }

    private bool ConsumeField(TextMessageBuilder message)
    {
        TextMessageType type = message.MessageType;
        TextField? field;
        string fieldName;
        if (TryConsume("["))
        {
            if (!ConsumeBracketedName(out string name))
            {
                return false;
            }

            int slash = name.LastIndexOf('/');
            if (type.FullName == "google.protobuf.Any")
            {
                return slash < 0 ? FailAfterPrevious("Type URL prefix is missing")
                    : slash == 0 ? FailAfterPrevious("Type URL prefix is empty")
                    : ConsumeAnyValue(message, name, name.Substring(slash + 1));
            }

            if (slash >= 0)
            {
                return FailAfterPrevious("Extension name contains \"/\"");
            }

            fieldName = name;
            field = type.ExtensionsByName.TryGetValue(name, out TextField? extension) ? extension : null;
            if (field is null)
            {
                return Fail($"Extension \"{name}\" is not defined or is not an extension of \"{type.FullName}\".");
            }
        }
        else
        {
            if (!ConsumeIdentifier(out fieldName))
            {
                return false;
            }

            // A group is found by its field's name (optionalgroup) or, as protoc prints it, its type's (OptionalGroup).
            string name = fieldName;
            field = type.FieldsInOrder.FirstOrDefault(f => f.Name == name || f.PrintName == name);
            if (field is null)
            {
                return Fail($"Message type \"{type.FullName}\" has no field named \"{fieldName}\".");
            }
        }

        if (field.IsDeprecated)
        {
            Report(Current.Line, Current.Column, $"text format contains deprecated field \"{fieldName}\"", DiagnosticSeverity.Warning);
        }

        if (!field.IsRepeated && message.Has(field))
        {
            return Fail($"Non-repeated field \"{fieldName}\" is specified multiple times.");
        }

        if (message.SetOneofMember(field) is { } other)
        {
            return Fail($"Field \"{fieldName}\" is specified along with field \"{other.Name}\", another member of oneof \"{field.OneofName}\".");
        }

        // The colon is optional before a message, required before a scalar.
        if (field.IsMessage)
        {
            TryConsume(":");
        }
        else if (!Consume(":"))
        {
            return false;
        }

        if (field.IsRepeated && TryConsume("["))
        {
            message.Touch(field);
            if (!TryConsume("]"))
            {
                while (true)
                {
                    if (!ConsumeFieldValue(message, field))
                    {
                        return false;
                    }

                    if (TryConsume("]"))
                    {
                        break;
                    }

                    if (!Consume(","))
                    {
                        return false;
                    }
                }
            }
        }
        else if (!ConsumeFieldValue(message, field))
        {
            return false;
        }

        // Fields may be separated by a semicolon or a comma.
        if (!TryConsume(";"))
        {
            TryConsume(",");
        }

        return true;
    }

    // The tokens up to "]", joined: an extension's full name or an Any's type URL. The part after the last slash must
    // be a dotted name of identifiers.
    private bool ConsumeBracketedName(out string name)
    {
        var text = new System.Text.StringBuilder();
        while (!LookingAt("]"))
        {
            if (Current.Kind == TokenKind.EndOfFile)
            {
                name = "";
                return Consume("]");
            }

            text.Append(Current.Text);
            _lexer.Next();
        }

        _lexer.Next();
        name = text.ToString();
        string typeName = name.Substring(name.LastIndexOf('/') + 1);
        foreach (string part in typeName.Split('.'))
        {
            if (part.Length == 0 || part[0] is >= '0' and <= '9' || !part.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                return FailAfterPrevious($"Invalid identifier in type name, got: \"{part}\"");
            }
        }

        return true;
    }

    // google.protobuf.Any's expanded form: [prefix/full.Type] { fields of that type }, stored as its type URL and bytes.
    private bool ConsumeAnyValue(TextMessageBuilder any, string url, string typeName)
    {
        TryConsume(":");
        if (_types.FindMessage(typeName) is not { } valueType)
        {
            return Fail($"Could not find type \"{url}\" stored in google.protobuf.Any.");
        }

        TextMessageBuilder? value = ConsumeMessageBody(valueType);
        if (value is null)
        {
            return false;
        }

        TextField typeUrlField = any.MessageType.Find(1)!;
        TextField valueField = any.MessageType.Find(2)!;
        if (any.Has(typeUrlField) || any.Has(valueField))
        {
            return Fail("Non-repeated Any specified multiple times.");
        }

        var bytes = new Descriptors.ProtoWriter();
        value.WriteTo(bytes, deterministic: false);
        any.Set(typeUrlField, System.Text.Encoding.UTF8.GetBytes(url));
        any.Set(valueField, bytes.ToArray());
        return true;
    }

    private bool ConsumeFieldValue(TextMessageBuilder message, TextField field)
    {
        if (field.IsMessage)
        {
            if (_types.FindMessage(field.TypeName!) is not { } fieldType)
            {
                return Fail($"Message type \"{field.TypeName}\" is not defined.");
            }

            TextMessageBuilder? value = ConsumeMessageBody(fieldType);
            if (value is null)
            {
                return false;
            }

            message.Set(field, value);
            return true;
        }

        object? scalar = ConsumeScalar(field);
        if (scalar is null)
        {
            return false;
        }

        message.Set(field, scalar);
        return true;
    }

    private TextMessageBuilder? ConsumeMessageBody(TextMessageType type)
    {
        if (_depth >= RecursionLimit)
        {
            Fail($"Message is too deep, the parser exceeded the configured recursion limit of {RecursionLimit}.");
            return null;
        }

        string delimiter = TryConsume("<") ? ">" : "}";
        if (delimiter == "}" && !Consume("{"))
        {
            return null;
        }

        _depth++;
        var message = new TextMessageBuilder(type);
        try
        {
            while (!LookingAt(">") && !LookingAt("}"))
            {
                if (!ConsumeField(message))
                {
                    return null;
                }
            }
        }
        finally
        {
            _depth--;
        }

        return Consume(delimiter) ? message : null;
    }

    // A scalar as its wire value (a ulong: sign-extended, zigzagged or IEEE bits as the type is written), or bytes.
    private object? ConsumeScalar(TextField field)
    {
        switch (field.Type)
        {
            case Type.Int32 or Type.Sint32 or Type.Sfixed32:
                {
                    if (!ConsumeSignedInteger(int.MaxValue, out long value))
                    {
                        return null;
                    }

                    return field.Type switch
                    {
                        Type.Sint32 => (ulong)(uint)((int)value << 1 ^ (int)value >> 31),
                        Type.Sfixed32 => (ulong)(uint)(int)value,
                        _ => (ulong)value,
                    };
                }

            case Type.Int64 or Type.Sint64 or Type.Sfixed64:
                {
                    if (!ConsumeSignedInteger(long.MaxValue, out long value))
                    {
                        return null;
                    }

                    return field.Type == Type.Sint64 ? (ulong)(value << 1 ^ value >> 63) : (ulong)value;
                }

            case Type.Uint32 or Type.Fixed32:
                return ConsumeUnsignedInteger(uint.MaxValue, out ulong u32) ? u32 : null;
            case Type.Uint64 or Type.Fixed64:
                return ConsumeUnsignedInteger(ulong.MaxValue, out ulong u64) ? u64 : null;
            case Type.Float:
                return ConsumeDouble(out double single) ? (ulong)BitConverter.ToUInt32(BitConverter.GetBytes(ToFloat(single)), 0) : null;
            case Type.Double:
                return ConsumeDouble(out double d) ? (ulong)BitConverter.DoubleToInt64Bits(d) : null;
            case Type.Bool:
                return ConsumeBool(field);
            case Type.Enum:
                return ConsumeEnum(field);
            default:
                return ConsumeString();
        }
    }

    // protoc's SafeDoubleToFloat: out of range becomes an infinity, NaN keeps its sign.
    private static float ToFloat(double value) => double.IsNaN(value)
        ? BitConverter.ToSingle(BitConverter.GetBytes(BitConverter.DoubleToInt64Bits(value) < 0 ? 0xFFC00000 : 0x7FC00000), 0)
        : (float)value;

    private object? ConsumeBool(TextField field)
    {
        if (Current.Kind == TokenKind.Integer)
        {
            return ConsumeUnsignedInteger(1, out ulong value) ? value : null;
        }

        if (!ConsumeIdentifier(out string text))
        {
            return null;
        }

        if (text is "true" or "True" or "t")
        {
            return 1UL;
        }

        if (text is "false" or "False" or "f")
        {
            return 0UL;
        }

        Fail($"Invalid value for boolean field \"{field.Name}\". Value: \"{text}\".");
        return null;
    }

    private object? ConsumeEnum(TextField field)
    {
        TextEnumType? enumType = _types.FindEnum(field.TypeName!);
        string text;
        long? number = null;
        int? found = null;
        if (Current.Kind == TokenKind.Identifier)
        {
            ConsumeIdentifier(out text);
            if (enumType is not null && enumType.Numbers.TryGetValue(text, out int byName))
            {
                found = byName;
            }
        }
        else if (LookingAt("-") || Current.Kind == TokenKind.Integer)
        {
            if (!ConsumeSignedInteger(int.MaxValue, out long value))
            {
                return null;
            }

            number = value;
            text = value.ToString(CultureInfo.InvariantCulture);
            if (enumType is not null && enumType.Names.ContainsKey((int)value))
            {
                found = (int)value;
            }
        }
        else
        {
            Fail($"Expected integer or identifier, got: {Current.Text}");
            return null;
        }

        if (found is null && number is not null && enumType is { IsClosed: false })
        {
            found = (int)number.Value; // an open enum takes any number
        }

        if (found is null)
        {
            Fail($"Unknown enumeration value of \"{text}\" for field \"{field.Name}\".");
            return null;
        }

        return (ulong)(long)found.Value;
    }

    private object? ConsumeString()
    {
        if (Current.Kind != TokenKind.String)
        {
            Fail($"Expected string, got: {Current.Text}");
            return null;
        }

        // Adjacent strings are one value, as in C.
        var bytes = new List<byte>();
        while (Current.Kind == TokenKind.String)
        {
            Literals.UnescapeString(Current.Text, bytes);
            _lexer.Next();
        }

        return bytes.ToArray();
    }

    private bool ConsumeSignedInteger(ulong max, out long value)
    {
        value = 0;
        bool negative = TryConsume("-");
        if (!ConsumeUnsignedInteger(negative ? max + 1 : max, out ulong magnitude))
        {
            return false;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    private bool ConsumeUnsignedInteger(ulong max, out ulong value)
    {
        value = 0;
        if (Current.Kind != TokenKind.Integer)
        {
            return Fail($"Expected integer, got: {Current.Text}");
        }

        if (!Literals.TryParseInteger(Current.Text, max, out value))
        {
            return Fail($"Integer out of range ({Current.Text})");
        }

        _lexer.Next();
        return true;
    }

    private bool ConsumeDouble(out double value)
    {
        value = 0;
        bool negative = TryConsume("-");
        switch (Current.Kind)
        {
            case TokenKind.Integer:
                {
                    string text = Current.Text;
                    if (text.Length > 1 && text[0] == '0' && (text[1] is 'x' or 'X' or (>= '0' and <= '7')))
                    {
                        return Fail($"Expect a decimal number, got: {text}");
                    }

                    // Beyond 64 bits an integer is read as a double.
                    value = Literals.TryParseInteger(text, ulong.MaxValue, out ulong integer) ? integer : Literals.ParseFloat(text);
                    break;
                }

            case TokenKind.Float:
                value = Literals.ParseFloat(Current.Text);
                break;
            case TokenKind.Identifier:
                {
                    string text = Current.Text.ToLowerInvariant();
                    if (text is "inf" or "infinity")
                    {
                        value = double.PositiveInfinity;
                    }
                    else if (text == "nan")
                    {
                        value = Literals.NaN;
                    }
                    else
                    {
                        return Fail($"Expected double, got: {text}");
                    }

                    break;
                }

            default:
                return Fail($"Expected double, got: {Current.Text}");
        }

        _lexer.Next();
        value = negative ? -value : value;
        return true;
    }
}
