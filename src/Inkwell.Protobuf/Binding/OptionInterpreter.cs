using Inkwell.Protobuf.Descriptors;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>
/// Turns options as written into the serialized options message protoc writes. Like protoc, each option
/// becomes a raw field (intermediate names wrap it in nested messages) appended in source order; then
/// the message is "re-parsed" against the options protoc has compiled in: fields it knows are merged and
/// written in field-number order, the rest (custom options) stay unknown, in the order interpreted.
/// </summary>
internal sealed partial class OptionInterpreter(Scope scope, BuiltIns? builtIns, InterpretedOptions results, Action<TextPosition, string> error, Action<TextPosition, string>? warning = null)
{
    public Scope Scope => scope;

    /// <summary>What the interpreted options of the file's declarations gave so far.</summary>
    public InterpretedOptions Results => results;

    /// <summary>Interprets <paramref name="owner"/>'s options into <see cref="Results"/>; nothing is recorded when it has none or they had errors.</summary>
    public void Interpret(ElementSyntax owner, string optionsType, string nameScope, int[]? optionsPath, byte[]? implicitEntries = null)
    {
        if (builtIns is null || !owner.HasOptions && implicitEntries is null)
        {
            return;
        }

        if (owner.HasOptions)
        {
            scope.MarkUsed(optionsType);
        }

        MessageSyntax type = builtIns.FindMessage(optionsType)!;
        var entries = new List<WireField>();
        if (implicitEntries is not null)
        {
            entries.AddRange(WireReader.TryReadAll(implicitEntries)!);
        }

        bool ok = true;
        var repeatedCounts = new Dictionary<string, int>();
        for (int index = 0; index < owner.Options.Count; index++)
        {
            OptionSyntax option = owner.Options[index];
            WireField? entry = InterpretSingle(option, type, nameScope, entries, out List<FieldSyntax>? path);
            if (entry is null)
            {
                ok = false;
                break; // protoc stops at an element's first bad option
            }

            entries.Add(entry.Value);
            if (optionsPath is not null && path is not null)
            {
                // protoc rewrites the option's source location from uninterpreted_option[i] to the field path.
                var destination = new List<int>(optionsPath);
                destination.AddRange(path.Select(f => f.Number));
                if (path[^1].Label == FieldLabel.Repeated)
                {
                    string key = string.Join(",", destination);
                    repeatedCounts.TryGetValue(key, out int count);
                    repeatedCounts[key] = count + 1;
                    destination.Add(count);
                }

                Results.InterpretedPaths[string.Join(",", optionsPath) + ",999," + index] = [.. destination];
            }
        }

        if (!ok)
        {
            return;
        }

        if (scope.File.Syntax.Syntax == ProtoSyntax.Editions)
        {
            // In proto2 and proto3 everything that has a lifetime is a feature, which "Features are only valid
            // under editions" already rejects.
            CheckFeatureLifetimes(type, entries, owner is FileSyntax ? TextPosition.None : owner.NamePosition);
        }

        var writer = new ProtoWriter();
        var strippedPaths = new List<int[]>();
        bool stripped = Canonicalize(type, entries, writer, [.. optionsPath ?? []], strippedPaths, retain: false);
        if (optionsPath is not null)
        {
            Results.StrippedPaths.AddRange(strippedPaths);
        }

        byte[] result = writer.ToArray();
        byte[]? retained = stripped || HasExtensionEntries(type, entries) ? Retained(type, entries, result) : null;
        if (stripped && writer.Length == 0)
        {
            // protoc drops an options message that held nothing but source-retention options.
            if (optionsPath is not null)
            {
                Results.StrippedPaths.Add(optionsPath);
            }

            Results.Add(owner, new ElementOptions(null, retained, Dropped: true));
            return;
        }

        Results.Add(owner, new ElementOptions(result, retained, Dropped: false));
    }

    /// <summary>
    /// The options as protoc holds them before stripping (what <c>--retain_options</c> writes and a plugin gets in
    /// <c>source_file_descriptors</c>), or null when they are the same bytes as <paramref name="stripped"/>.
    /// </summary>
    private byte[]? Retained(MessageSyntax type, List<WireField> entries, byte[] stripped)
    {
        var writer = new ProtoWriter();
        Canonicalize(type, entries, writer, [], strippedPaths: [], retain: true);
        return writer.Written.SequenceEqual(stripped) ? null : writer.ToArray();
    }

    /// <summary>Whether any option set is an extension (a custom option), which only the stripped form puts in number order.</summary>
    private static bool HasExtensionEntries(MessageSyntax type, List<WireField> entries)
    {
        foreach (WireField entry in entries)
        {
            if (!type.Fields.Exists(f => f.Number == entry.Number))
            {
                return true;
            }
        }

        return false;
    }

    private const string UnknownOptionHint = "Ensure that your proto definition file imports the proto which defines the option (i.e. via import option after edition 2024).";

    private WireField? InterpretSingle(OptionSyntax option, MessageSyntax optionsType, string nameScope, List<WireField> earlier, out List<FieldSyntax>? resolvedPath)
    {
        resolvedPath = null;
        MessageSyntax current = optionsType;
        var path = new List<FieldSyntax>();
        string displayName = "";
        for (int i = 0; i < option.Name.Count; i++)
        {
            OptionNamePart part = option.Name[i];
            displayName += (i > 0 ? "." : "") + (part.IsExtension ? "(" + part.Name + ")" : part.Name);
            FieldSyntax? field;
            if (part.IsExtension)
            {
                Symbol? symbol = scope.Lookup(part.Name, nameScope);
                if (symbol is null)
                {
                    error(option.NamePosition, $"Option \"{displayName}\" unknown. {UnknownOptionHint}");
                    return null;
                }

                // protoc: a name that is no field at all is unknown; a field or another message's extension is the wrong field.
                if (symbol.Kind is not (SymbolKind.Extension or SymbolKind.Field))
                {
                    error(option.NamePosition, $"Option \"{displayName}\" unknown. {UnknownOptionHint}");
                    return null;
                }

                field = (FieldSyntax)symbol.Node!;
                if (symbol.Kind != SymbolKind.Extension || Resolved(field).Extendee != "." + current.FullName)
                {
                    error(option.NamePosition, $"Option field \"{displayName}\" is not a field or extension of message \"{current.Name}\".");
                    return null;
                }
            }
            else
            {
                if (i == 0 && part.Name == "uninterpreted_option")
                {
                    error(option.NamePosition, "Option must not use reserved name \"uninterpreted_option\".");
                    return null;
                }

                field = current.Fields.FirstOrDefault(f => f.Name == part.Name);
                if (field is null)
                {
                    error(option.NamePosition, $"Option \"{displayName}\" unknown. {UnknownOptionHint}");
                    return null;
                }
            }

            path.Add(field);
            if (i < option.Name.Count - 1)
            {
                if (Resolved(field).Type is not (FieldType.Message or FieldType.Group))
                {
                    error(option.NamePosition, $"Option \"{displayName}\" is an atomic type, not a message.");
                    return null;
                }

                if (field.Label == FieldLabel.Repeated)
                {
                    error(option.NamePosition, $"Option field \"{displayName}\" is a repeated message. Repeated message options must be initialized using an aggregate value.");
                    return null;
                }

                current = FindMessage(Resolved(field).TypeName!)!;
            }
        }

        if (path.Count == 1 && option.Name[0].Name == "map_entry" && !option.Name[0].IsExtension && optionsType.Name == "MessageOptions")
        {
            error(option.NamePosition, "map_entry should not be set explicitly. Use map<KeyType, ValueType> instead.");
            return null;
        }

        FieldSyntax last = path[^1];
        if (last.Label != FieldLabel.Repeated && IsAlreadySet(earlier, path, 0))
        {
            error(option.NamePosition, $"Option \"{displayName}\" was already set.");
            return null;
        }

        var value = new ProtoWriter();
        int wireType;
        if (option.Kind == OptionValueKind.Aggregate)
        {
            if (Resolved(last).Type is not (FieldType.Message or FieldType.Group))
            {
                error(option.ValuePosition, $"Option \"{displayName}\" is an atomic type, not a message.");
                return null;
            }

            var reader = new TextFormatReader(this, nameScope);
            if (!reader.TryParse(option.Aggregate, FindMessage(Resolved(last).TypeName!)!, value, out string? textError))
            {
                error(option.ValuePosition, $"Error while parsing option value for \"{last.Name}\": {textError}"); // protoc names the field alone
                return null;
            }

            wireType = Resolved(last).Type == FieldType.Group ? 3 : 2;
        }
        else
        {
            if (Resolved(last).Type is FieldType.Message or FieldType.Group)
            {
                error(option.ValuePosition, $"Option \"{displayName}\" is a message. To set the entire message, use syntax like \"{displayName} = {{ <proto text format> }}\". To set fields within it, use syntax like \"{displayName}.foo = value\".");
                return null;
            }

            OptionValue scalar = option.Kind switch
            {
                OptionValueKind.Identifier => OptionValue.FromIdentifier(option.Identifier),
                OptionValueKind.PositiveInteger => OptionValue.FromInteger(option.PositiveInteger, false),
                OptionValueKind.NegativeInteger => OptionValue.FromInteger((ulong)-(option.NegativeInteger + 1) + 1, true),
                OptionValueKind.Double => OptionValue.FromDouble(option.Double),
                _ => OptionValue.FromString(option.String),
            };
            int? encoded = ValueEncoder.Encode(Resolved(last).Type, FindEnum(last), scalar, last.FullName, value, textFormat: false, out string? valueError);
            if (encoded is null)
            {
                error(option.ValuePosition, valueError!);
                return null;
            }

            wireType = encoded.Value;
        }

        resolvedPath = path;
        WireField entry = MakeField(last.Number, wireType, value, stripLengthPrefix: option.Kind != OptionValueKind.Aggregate);
        for (int i = path.Count - 2; i >= 0; i--)
        {
            var wrapper = new ProtoWriter();
            WireReader.Write(wrapper, entry);
            entry = new WireField(path[i].Number, Resolved(path[i]).Type == FieldType.Group ? 3 : 2, 0, wrapper.ToArray());
        }

        return entry;
    }

    // protoc's ExamineIfOptionIsSet: is the innermost field already present under the same intermediate path?
    private static bool IsAlreadySet(List<WireField> fields, List<FieldSyntax> path, int depth)
    {
        foreach (WireField field in fields)
        {
            if (field.Number != path[depth].Number)
            {
                continue;
            }

            if (depth == path.Count - 1)
            {
                return true;
            }

            if (field.WireType is 2 or 3 && WireReader.TryReadAll(field.Payload) is { } inner && IsAlreadySet(inner, path, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static WireField MakeField(int number, int wireType, ProtoWriter value, bool stripLengthPrefix)
    {
        byte[] bytes = value.ToArray();
        int pos = 0;
        switch (wireType)
        {
            case 0:
                WireReader.TryReadVarint(bytes, ref pos, out ulong v);
                return new WireField(number, 0, v, []);
            case 1:
                return new WireField(number, 1, BitConverter.ToUInt64(bytes, 0), []);
            case 5:
                return new WireField(number, 5, BitConverter.ToUInt32(bytes, 0), []);
            case 2 when stripLengthPrefix:
                WireReader.TryReadVarint(bytes, ref pos, out _);
                return new WireField(number, 2, 0, bytes.AsSpan(pos).ToArray());
            default:
                return new WireField(number, wireType, 0, bytes);
        }
    }

    /// <summary>
    /// What cross-linking found for <paramref name="field"/>: a field of the file being bound, of a file bound before it
    /// (found through its symbol, whose file is the one that declares it), or of the compiled-in descriptor.proto.
    /// </summary>
    internal ResolvedField Resolved(FieldSyntax field) =>
        scope.File.TryGet(field, out ResolvedField resolved) ? resolved
        : scope.Table.TryGet(field.FullName, out Symbol symbol) && ReferenceEquals(symbol.Node, field) ? symbol.File[field]
        : builtIns?.Bound[field] ?? default;

    internal MessageSyntax? FindMessage(string fullName)
    {
        string name = fullName.TrimStart('.');
        if (scope.Table.TryGet(name, out Symbol symbol) && symbol.Node is MessageSyntax message)
        {
            return message;
        }

        return builtIns?.FindMessage(name);
    }

    // protoc's ValidateFeatureLifetimes: every option field set (and every enum value chosen) must exist in the
    // file's edition; deprecated ones warn. Runs on the options as interpreted, before source-retention stripping.
    private void CheckFeatureLifetimes(MessageSyntax type, List<WireField> entries, TextPosition position)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        CollectLifetimeResults(type, entries, (int)scope.File.Syntax.Edition, errors, warnings, depth: 0);
        foreach (string message in errors)
        {
            error(position, message);
        }

        foreach (string message in warnings)
        {
            warning?.Invoke(position, message);
        }
    }

    private void CollectLifetimeResults(MessageSyntax type, List<WireField> entries, int edition, List<string> errors, List<string> warnings, int depth)
    {
        if (depth > 32)
        {
            return;
        }

        foreach (WireField entry in entries.OrderBy(e => e.Number))
        {
            FieldSyntax? field = type.Fields.FirstOrDefault(f => f.Number == entry.Number)
                ?? scope.Table.ExtensionsOf(type.FullName).FirstOrDefault(f => f.Number == entry.Number);
            if (field is null)
            {
                continue;
            }

            if (Resolved(field).Type is FieldType.Message && entry.WireType == 2 && FindMessage(Resolved(field).TypeName!) is { } messageType &&
                WireReader.TryReadAll(entry.Payload) is { } inner)
            {
                CollectLifetimeResults(messageType, inner, edition, errors, warnings, depth + 1);
            }

            if (FindEnum(field) is { } enumType)
            {
                foreach (ulong number in EnumNumbers(entry))
                {
                    if (enumType.Values.FirstOrDefault(v => (ulong)(long)v.Number == number) is { } value)
                    {
                        FeatureSupport.Of(value.Options)?.Check(edition, value.FullName, errors, warnings);
                    }
                }
            }

            FeatureSupport.Of(field.Options)?.Check(edition, field.FullName, errors, warnings);
        }
    }

    private static List<ulong> EnumNumbers(WireField entry)
    {
        var numbers = new List<ulong>();
        if (entry.WireType == 0)
        {
            numbers.Add(entry.Value);
        }
        else if (entry.WireType == 2)
        {
            int offset = 0;
            while (offset < entry.Payload.Length && WireReader.TryReadVarint(entry.Payload, ref offset, out ulong value))
            {
                numbers.Add(value);
            }
        }

        return numbers;
    }

    internal EnumSyntax? FindEnum(FieldSyntax field)
    {
        if (Resolved(field).Type != FieldType.Enum)
        {
            return null;
        }

        string name = Resolved(field).TypeName!.TrimStart('.');
        if (scope.Table.TryGet(name, out Symbol symbol) && symbol.Node is EnumSyntax enumType)
        {
            return enumType;
        }

        return builtIns is null ? null : FindBuiltInEnum(builtIns.DescriptorProto, name);
    }

    private static EnumSyntax? FindBuiltInEnum(FileSyntax file, string name)
    {
        foreach (EnumSyntax e in file.Enums)
        {
            if (e.FullName == name)
            {
                return e;
            }
        }

        foreach (MessageSyntax m in file.Messages)
        {
            EnumSyntax? found = FindEnumIn(m, name);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static EnumSyntax? FindEnumIn(MessageSyntax message, string name)
    {
        foreach (EnumSyntax e in message.Enums)
        {
            if (e.FullName == name)
            {
                return e;
            }
        }

        foreach (MessageSyntax m in message.NestedTypes)
        {
            EnumSyntax? found = FindEnumIn(m, name);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
