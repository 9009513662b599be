namespace Inkwell.Protobuf.Syntax;

/// <summary>Messages: their bodies, extension ranges, reserved statements, extend blocks and oneofs.</summary>
internal sealed partial class Parser
{
    private const int MessageName = 1;
    private const int MessageField = 2;
    private const int MessageNestedType = 3;
    private const int MessageEnumType = 4;
    private const int MessageExtensionRange = 5;
    private const int MessageExtension = 6;
    private const int MessageOptions = 7;
    private const int MessageOneofDecl = 8;
    private const int MessageReservedRange = 9;
    private const int MessageReservedName = 10;
    private const int RangeStart = 1;
    private const int RangeEnd = 2;
    private const int ExtensionRangeOptions = 3;
    private const int OneofName = 1;
    private const int OneofOptions = 2;
    private const int MaxRangeSentinel = -1;
    private const int MaxFieldNumber = 536870911;
    private const int MaxNesting = 32;

    private bool ParseMessageDefinition(List<MessageSyntax> messages, SymbolVisibility visibility, LocationRecorder location)
    {
        var message = new MessageParts();
        bool parsed = ParseMessageDefinition(message, location);

        // Made even when the definition stopped half-way: protoc keeps what it read, and nothing reads it once an error
        // is reported.
        messages.Add(message.Build(visibility, location.Location));
        return parsed;
    }

    private bool ParseMessageDefinition(MessageParts message, LocationRecorder location)
    {
        if (!Consume("message"))
        {
            return false;
        }

        using (location.Child(MessageName))
        {
            message.NamePosition = TextPosition.Of(Current);
            if (!ConsumeIdentifier(out string name, "Expected message name."))
            {
                return false;
            }

            message.Name = name;
        }

        if (LookingAt(":") && !ParseInheritance(message))
        {
            return false;
        }

        if (++_depth > MaxNesting)
        {
            Error("Reached maximum recursion limit for nested messages.");
            _depth--;
            return false;
        }

        bool ok = ParseMessageBlock(message, location);
        _depth--;
        if (!ok)
        {
            return false;
        }

        if (_syntax == "proto3")
        {
            GenerateSyntheticOneofs(message);
        }

        return true;
    }

    /// <summary>
    /// A message (or group) as read so far: its statements fill these lists, then <see cref="Build"/> makes the
    /// <see cref="MessageSyntax"/> from them.
    /// </summary>
    private sealed class MessageParts
    {
        public string Name = "";
        public TextPosition NamePosition;
        public InheritanceSyntax? Inheritance;
        public SubtypesSyntax? Subtypes;
        public int CloseBraceOffset = -1;
        public readonly List<FieldSyntax> Fields = [];
        public readonly List<MessageSyntax> NestedTypes = [];
        public readonly List<EnumSyntax> Enums = [];
        public readonly List<RangeSyntax> ExtensionRanges = [];
        public readonly List<FieldSyntax> Extensions = [];
        public readonly List<OneofSyntax> Oneofs = [];
        public readonly List<RangeSyntax> ReservedRanges = [];
        public readonly List<ReservedNameSyntax> ReservedNames = [];
        public readonly List<OptionSyntax> Options = [];

        public MessageSyntax Build(SymbolVisibility visibility, SourceLocation? location, bool isGroup = false) => new()
        {
            Name = Name,
            NamePosition = NamePosition,
            Visibility = visibility,
            Location = location,
            IsGroup = isGroup,
            Inheritance = Inheritance,
            Subtypes = Subtypes,
            CloseBraceOffset = CloseBraceOffset,
            Options = Options,
            Fields = Fields,
            NestedTypes = NestedTypes,
            Enums = Enums,
            ExtensionRanges = ExtensionRanges,
            Extensions = Extensions,
            Oneofs = Oneofs,
            ReservedRanges = ReservedRanges,
            ReservedNames = ReservedNames,
        };
    }

    private bool ParseMessageBlock(MessageParts message, LocationRecorder location)
    {
        if (!ConsumeEndOfDeclaration("{", location))
        {
            return false;
        }

        while (true)
        {
            Token closing = Current;
            if (TryConsumeEndOfDeclaration("}", null))
            {
                message.CloseBraceOffset = closing.Offset;
                break;
            }

            if (AtEnd)
            {
                Error("Reached end of input in message definition (missing '}').");
                return false;
            }

            if (!ParseMessageStatement(message, location))
            {
                SkipStatement();
            }
        }

        bool messageSet = message.Options.Any(o => o.Name.Count == 1 && o.Name[0].Name == "message_set_wire_format" && o.Kind == OptionValueKind.Identifier && o.Identifier == "true");
        int max = messageSet ? int.MaxValue : MaxFieldNumber + 1;
        EndMaxRanges(message.ExtensionRanges, max);
        EndMaxRanges(message.ReservedRanges, max);
        return true;
    }

    // A range written "to max" ends where the message's options, which may come after it, say.
    private static void EndMaxRanges(List<RangeSyntax> ranges, int max)
    {
        for (int i = 0; i < ranges.Count; i++)
        {
            RangeSyntax range = ranges[i];
            if (range.End == MaxRangeSentinel)
            {
                ranges[i] = new RangeSyntax
                {
                    Start = range.Start,
                    End = max,
                    Position = range.Position,
                    HasOptions = range.HasOptions,
                    Options = range.Options,
                    Location = range.Location,
                };
            }
        }
    }

    private bool ParseMessageStatement(MessageParts message, LocationRecorder messageLocation)
    {
        if (TryConsumeEndOfDeclaration(";", null))
        {
            return true;
        }

        if (!TryParseVisibility(out SymbolVisibility visibility))
        {
            return false;
        }

        if (LookingAt("message"))
        {
            using var location = messageLocation.Child(MessageNestedType, message.NestedTypes.Count);
            return ParseMessageDefinition(message.NestedTypes, visibility, location);
        }

        if (LookingAt("enum"))
        {
            using var location = messageLocation.Child(MessageEnumType, message.Enums.Count);
            return ParseEnumDefinition(message.Enums, visibility, location);
        }

        if (LookingAt("extensions"))
        {
            using var location = messageLocation.Child(MessageExtensionRange);
            return ParseExtensions(message, location);
        }

        if (LookingAt("reserved"))
        {
            return ParseReserved(message.ReservedRanges, message.ReservedNames, messageLocation, MessageReservedRange, MessageReservedName, isEnum: false);
        }

        if (LookingAt("extend"))
        {
            using var location = messageLocation.Child(MessageExtension);
            return ParseExtend(message.Extensions, message.NestedTypes, messageLocation, MessageNestedType, location);
        }

        if (LookingAt("option"))
        {
            using var location = messageLocation.Child(MessageOptions);
            return ParseOption(message.Options, location, OptionStyle.Statement);
        }

        if (LookingAt("oneof"))
        {
            int index = message.Oneofs.Count;
            using var location = messageLocation.Child(MessageOneofDecl, index);
            return ParseOneof(message, index, location, messageLocation);
        }

        // `subtypes` followed by a number is Inkwell's declaration; followed by a name it is a field of a type called subtypes.
        if (LookingAt("subtypes") && _lexer.PeekKind() == TokenKind.Integer)
        {
            return ParseSubtypes(message);
        }

        using (var location = messageLocation.Child(MessageField, message.Fields.Count))
        {
            return ParseField(message.Fields, new FieldParts(), labelWritten: true, message.NestedTypes, messageLocation, MessageNestedType, location);
        }
    }

    // Inkwell: `: Base = tag` after a message's name.
    private bool ParseInheritance(MessageParts message)
    {
        int startOffset = Current.Offset;
        _lexer.Next();
        var basePosition = TextPosition.Of(Current);
        if (!ParseUserDefinedType(out string baseName) || !Consume("=", "Expected \"=\" and the subtype's tag after the base message's name."))
        {
            return false;
        }

        var tagPosition = TextPosition.Of(Current);
        Token tag = Current;
        if (!ConsumeInteger(out int value, "Expected the subtype's tag (a positive integer)."))
        {
            return false;
        }

        message.Inheritance = new InheritanceSyntax
        {
            BaseTypeName = baseName,
            BaseTypePosition = basePosition,
            Tag = value,
            TagPosition = tagPosition,
            StartOffset = startOffset,
            EndOffset = tag.EndOffset,
        };
        _usesInheritance = true;
        return true;
    }

    // Inkwell: `subtypes 100 to 199 [encoding = ANY];` in a base message.
    private bool ParseSubtypes(MessageParts message)
    {
        var position = TextPosition.Of(Current);
        int startOffset = Current.Offset;
        if (message.Subtypes is not null)
        {
            Error($"\"{message.Name}\" already declares its subtypes.");
        }

        _lexer.Next();
        var rangePosition = TextPosition.Of(Current);
        if (!ConsumeInteger(out int start, "Expected the first subtype tag."))
        {
            return false;
        }

        if (!ParseRangeEnd(start, startToken: default, rangeLocation: null, MaxFieldNumber, signed: false, "Expected the last subtype tag or \"max\".", out int end))
        {
            return false;
        }

        string? encoding = null;
        TextPosition encodingPosition = default;
        if (TryConsume("["))
        {
            if (!TryConsume("encoding"))
            {
                Error("The only option of a subtypes declaration is \"encoding\" (ONEOF, ANY or EXTENSIONS).");
                return false;
            }

            if (!Consume("="))
            {
                return false;
            }

            encodingPosition = TextPosition.Of(Current);
            if (!ConsumeIdentifier(out string name, "Expected ONEOF, ANY or EXTENSIONS.") || !Consume("]"))
            {
                return false;
            }

            encoding = name;
        }

        if (!ConsumeEndOfDeclaration(";", null))
        {
            return false;
        }

        message.Subtypes ??= new SubtypesSyntax
        {
            Start = start,
            End = end,
            Encoding = encoding,
            EncodingPosition = encodingPosition,
            Position = position,
            RangePosition = rangePosition,
            StartOffset = startOffset,
            EndOffset = _lexer.Previous.EndOffset,
        };
        _usesInheritance = true;
        return true;
    }

    private bool ParseExtensions(MessageParts message, LocationRecorder extensionsLocation)
    {
        if (!Consume("extensions"))
        {
            return false;
        }

        int oldCount = message.ExtensionRanges.Count;
        do
        {
            using var location = extensionsLocation.Child(message.ExtensionRanges.Count);
            var position = TextPosition.Of(Current);
            bool parsed = ParseNumberRange(location, signed: false, "Expected field number range.", MaxRangeSentinel - 1, out int start, out int end);
            message.ExtensionRanges.Add(new RangeSyntax { Position = position, Start = start, End = end + 1 });
            if (!parsed)
            {
                return false;
            }
        }
        while (TryConsume(","));

        if (LookingAt("["))
        {
            int indexPosition = extensionsLocation.PathCount;
            var info = new List<SourceLocation>();
            var options = new List<OptionSyntax>();
            bool parsed;
            using (var indexLocation = extensionsLocation.Child(info, 0))
            using (var location = indexLocation.Child(ExtensionRangeOptions))
            {
                parsed = ParseExtensionRangeOptions(options, location);
            }

            // The options written once apply to every range of the statement.
            for (int i = oldCount; i < message.ExtensionRanges.Count; i++)
            {
                RangeSyntax range = message.ExtensionRanges[i];
                message.ExtensionRanges[i] = new RangeSyntax { Position = range.Position, Start = range.Start, End = range.End, HasOptions = true, Options = options };
            }

            if (!parsed)
            {
                return false;
            }

            for (int i = oldCount; i < message.ExtensionRanges.Count; i++)
            {
                foreach (SourceLocation source in info)
                {
                    if (source.Path.Length == indexPosition + 1)
                    {
                        continue;
                    }

                    int[] path = [.. source.Path];
                    path[indexPosition] = i;
                    extensionsLocation.Target.Add(new SourceLocation(path)
                    {
                        StartLine = source.StartLine,
                        StartColumn = source.StartColumn,
                        EndLine = source.EndLine,
                        EndColumn = source.EndColumn,
                        LeadingComments = source.LeadingComments,
                        TrailingComments = source.TrailingComments,
                        LeadingDetachedComments = source.LeadingDetachedComments,
                    });
                }
            }
        }

        return ConsumeEndOfDeclaration(";", extensionsLocation);
    }

    private bool ParseExtensionRangeOptions(List<OptionSyntax> options, LocationRecorder location)
    {
        if (!Consume("["))
        {
            return false;
        }

        do
        {
            if (!ParseOption(options, location, OptionStyle.Assignment))
            {
                return false;
            }
        }
        while (TryConsume(","));

        return Consume("]");
    }

    private bool ParseReserved(List<RangeSyntax> ranges, List<ReservedNameSyntax> names, LocationRecorder parent, int rangeField, int nameField, bool isEnum)
    {
        Token startToken = Current;
        if (!Consume("reserved"))
        {
            return false;
        }

        if (LookingAt(TokenKind.String) || LookingAt(TokenKind.Identifier) && !LookingAt("max"))
        {
            bool identifiers = LookingAt(TokenKind.Identifier);
            using var location = parent.Child(nameField);
            location.StartAt(startToken);
            if (_syntax == "editions" && !identifiers)
            {
                Error("Reserved names must be identifiers in editions, not string literals.");
                return false;
            }

            if (_syntax != "editions" && identifiers)
            {
                Error("Reserved names must be string literals. (Only editions supports identifiers.)");
                return false;
            }

            do
            {
                using var nameLocation = location.Child(names.Count);
                var position = TextPosition.Of(Current);
                string name;
                if (identifiers)
                {
                    if (!ConsumeIdentifier(out name, "Expected enum value or number range."))
                    {
                        return false;
                    }
                }
                else
                {
                    if (!ConsumeString(out name, isEnum ? "Expected enum value." : "Expected field name."))
                    {
                        return false;
                    }

                    if (!Literals.IsIdentifier(name))
                    {
                        Warning(position.Line, position.Column, $"Reserved name \"{name}\" is not a valid identifier.");
                    }
                }

                names.Add(new ReservedNameSyntax(name, position));
            }
            while (TryConsume(","));

            return ConsumeEndOfDeclaration(";", location);
        }

        using (var location = parent.Child(rangeField))
        {
            location.StartAt(startToken);
            bool first = true;
            do
            {
                using var rangeLocation = location.Child(ranges.Count);
                var position = TextPosition.Of(Current);
                string error = isEnum
                    ? (first ? "Expected enum value or number range." : "Expected enum number range.")
                    : (first ? "Expected field name or number range." : "Expected field number range.");
                bool parsed = ParseNumberRange(rangeLocation, signed: isEnum, error, isEnum ? int.MaxValue : MaxRangeSentinel - 1, out int start, out int end);
                ranges.Add(new RangeSyntax { Position = position, Start = start, End = isEnum ? end : end + 1 });
                if (!parsed)
                {
                    return false;
                }

                first = false;
            }
            while (TryConsume(","));

            return ConsumeEndOfDeclaration(";", location);
        }
    }

    /// <summary>
    /// Reads one range of an <c>extensions</c> or <c>reserved</c> statement, "N", "N to M" or "N to max", and records its
    /// start and end as protoc does. Numbers are signed for enums; <paramref name="maxValue"/> is what <c>max</c> means.
    /// </summary>
    private bool ParseNumberRange(LocationRecorder rangeLocation, bool signed, string startError, int maxValue, out int start, out int end)
    {
        end = 0;
        Token startToken;
        using (rangeLocation.Child(RangeStart))
        {
            startToken = Current;
            if (!(signed ? ConsumeSignedInteger(out start, startError) : ConsumeInteger(out start, startError)))
            {
                return false;
            }
        }

        return ParseRangeEnd(start, startToken, rangeLocation, maxValue, signed, "Expected integer.", out end);
    }

    /// <summary>
    /// Reads what may follow a range's first number: "to N", "to max" (<paramref name="maxValue"/>) or nothing (the
    /// range is that one number). Extension, reserved and subtype ranges share this grammar. With a location recorder,
    /// the end is recorded as protoc records it: at the end token, or at the start token for a one-number range.
    /// </summary>
    private bool ParseRangeEnd(int start, Token startToken, LocationRecorder? rangeLocation, int maxValue, bool signed, string error, out int end)
    {
        if (!TryConsume("to"))
        {
            if (rangeLocation is not null)
            {
                using LocationRecorder endLocation = rangeLocation.Child(RangeEnd);
                endLocation.StartAt(startToken);
                endLocation.EndAt(startToken);
            }

            end = start;
            return true;
        }

        using LocationRecorder? location = rangeLocation?.Child(RangeEnd);
        if (TryConsume("max"))
        {
            end = maxValue;
            return true;
        }

        return signed ? ConsumeSignedInteger(out end, error) : ConsumeInteger(out end, error);
    }

    private bool ParseExtend(List<FieldSyntax> extensions, List<MessageSyntax> messages, LocationRecorder parentLocation, int nestedTypeField, LocationRecorder extendLocation)
    {
        if (!Consume("extend"))
        {
            return false;
        }

        Token extendeeStart = Current;
        if (!ParseUserDefinedType(out string extendee))
        {
            return false;
        }

        Token extendeeEnd = _lexer.Previous;
        int firstIndex = extensions.Count;
        if (!ConsumeEndOfDeclaration("{", extendLocation))
        {
            return false;
        }

        do
        {
            if (AtEnd)
            {
                Error("Reached end of input in extend definition (missing '}').");
                return false;
            }

            using var location = extendLocation.Child(extensions.Count);
            // protoc records the extendee's position for the first field of the block only.
            var field = new FieldParts { Extendee = extendee, ExtendeePosition = extensions.Count == firstIndex ? TextPosition.Of(extendeeStart) : TextPosition.None };
            using (var extendeeLocation = location.Child(FieldExtendee))
            {
                extendeeLocation.StartAt(extendeeStart);
                extendeeLocation.EndAt(extendeeEnd);
            }

            if (!ParseField(extensions, field, labelWritten: true, messages, parentLocation, nestedTypeField, location))
            {
                SkipStatement();
            }
        }
        while (!TryConsumeEndOfDeclaration("}", null));

        return true;
    }

    private bool ParseOneof(MessageParts message, int index, LocationRecorder oneofLocation, LocationRecorder messageLocation)
    {
        // Made once its fields are read; they hold its index, the count of oneofs before it (its fields add none).
        var options = new List<OptionSyntax>();
        bool parsed = ParseOneof(message, options, index, oneofLocation, messageLocation, out string name, out TextPosition namePosition);
        message.Oneofs.Add(new OneofSyntax { Name = name, NamePosition = namePosition, Options = options, Location = oneofLocation.Location });
        return parsed;
    }

    private bool ParseOneof(MessageParts message, List<OptionSyntax> options, int index, LocationRecorder oneofLocation, LocationRecorder messageLocation, out string name, out TextPosition namePosition)
    {
        name = "";
        namePosition = default;
        if (!Consume("oneof"))
        {
            return false;
        }

        using (oneofLocation.Child(OneofName))
        {
            namePosition = TextPosition.Of(Current);
            if (!ConsumeIdentifier(out name, "Expected oneof name."))
            {
                return false;
            }
        }

        if (!ConsumeEndOfDeclaration("{", oneofLocation))
        {
            return false;
        }

        do
        {
            if (AtEnd)
            {
                Error("Reached end of input in oneof definition (missing '}').");
                return false;
            }

            if (LookingAt("option"))
            {
                using var optionLocation = oneofLocation.Child(OneofOptions);
                if (!ParseOption(options, optionLocation, OptionStyle.Statement))
                {
                    return false;
                }

                continue;
            }

            if (LookingAt("required") || LookingAt("optional") || LookingAt("repeated"))
            {
                Error("Fields in oneofs must not have labels (required / optional / repeated).");
                _lexer.Next();
            }

            using var fieldLocation = messageLocation.Child(MessageField, message.Fields.Count);
            var field = new FieldParts { Label = FieldLabel.Optional, OneofIndex = index };
            if (!ParseField(message.Fields, field, labelWritten: false, message.NestedTypes, messageLocation, MessageNestedType, fieldLocation))
            {
                SkipStatement();
            }
        }
        while (!TryConsumeEndOfDeclaration("}", null));

        return true;
    }

    // proto3 `optional` fields get a one-field oneof whose name does not clash with any field or oneof.
    private static void GenerateSyntheticOneofs(MessageParts message)
    {
        if (!message.Fields.Exists(f => f.Proto3Optional))
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (FieldSyntax field in message.Fields)
        {
            names.Add(field.Name);
        }

        foreach (OneofSyntax oneof in message.Oneofs)
        {
            names.Add(oneof.Name);
        }

        for (int i = 0; i < message.Fields.Count; i++)
        {
            FieldSyntax field = message.Fields[i];
            if (!field.Proto3Optional)
            {
                continue;
            }

            string name = field.Name.StartsWith("_", StringComparison.Ordinal) ? field.Name : "_" + field.Name;
            while (names.Contains(name))
            {
                name = "X" + name;
            }

            names.Add(name);
            message.Fields[i] = field.InOneof(message.Oneofs.Count);
            message.Oneofs.Add(new OneofSyntax { Name = name, IsSynthetic = true, NamePosition = field.NamePosition });
        }
    }
}
