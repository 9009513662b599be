namespace Inkwell.Protobuf.Syntax;

/// <summary>Messages: their bodies, Inkwell's inheritance declarations, extend blocks and oneofs (ranges: Parser.Ranges.cs).</summary>
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

        if (_syntax == ProtoSyntax.Proto3)
        {
            GenerateSyntheticOneofs(message);
        }

        return true;
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
