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

    private bool ParseMessageDefinition(MessageSyntax message, LocationRecorder location)
    {
        message.Location = location.Location;

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

        if (_file.Syntax == "proto3")
        {
            GenerateSyntheticOneofs(message);
        }

        return true;
    }

    private bool ParseMessageBlock(MessageSyntax message, LocationRecorder location)
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
        foreach (RangeSyntax range in message.ExtensionRanges)
        {
            if (range.End == MaxRangeSentinel)
            {
                range.End = max;
            }
        }

        foreach (RangeSyntax range in message.ReservedRanges)
        {
            if (range.End == MaxRangeSentinel)
            {
                range.End = max;
            }
        }

        return true;
    }

    private bool ParseMessageStatement(MessageSyntax message, LocationRecorder messageLocation)
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
            var nested = new MessageSyntax { Visibility = visibility };
            message.NestedTypes.Add(nested);
            return ParseMessageDefinition(nested, location);
        }

        if (LookingAt("enum"))
        {
            using var location = messageLocation.Child(MessageEnumType, message.Enums.Count);
            var enumType = new EnumSyntax { Visibility = visibility };
            message.Enums.Add(enumType);
            return ParseEnumDefinition(enumType, location);
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
            return ParseOption(message, location, OptionStyle.Statement);
        }

        if (LookingAt("oneof"))
        {
            int index = message.Oneofs.Count;
            using var location = messageLocation.Child(MessageOneofDecl, index);
            var oneof = new OneofSyntax();
            message.Oneofs.Add(oneof);
            return ParseOneof(oneof, message, index, location, messageLocation);
        }

        // `subtypes` followed by a number is Inkwell's declaration; followed by a name it is a field of a type called subtypes.
        if (LookingAt("subtypes") && _lexer.PeekKind() == TokenKind.Integer)
        {
            return ParseSubtypes(message);
        }

        using (var location = messageLocation.Child(MessageField, message.Fields.Count))
        {
            var field = new FieldSyntax();
            message.Fields.Add(field);
            return ParseMessageField(field, message.NestedTypes, messageLocation, MessageNestedType, location);
        }
    }

    // Inkwell: `: Base = tag` after a message's name.
    private bool ParseInheritance(MessageSyntax message)
    {
        var inheritance = new InheritanceSyntax { StartOffset = Current.Offset };
        _lexer.Next();
        inheritance.BaseTypePosition = TextPosition.Of(Current);
        if (!ParseUserDefinedType(out string baseName) || !Consume("=", "Expected \"=\" and the subtype's tag after the base message's name."))
        {
            return false;
        }

        inheritance.BaseTypeName = baseName;
        inheritance.TagPosition = TextPosition.Of(Current);
        Token tag = Current;
        if (!ConsumeInteger(out int value, "Expected the subtype's tag (a positive integer)."))
        {
            return false;
        }

        inheritance.Tag = value;
        inheritance.EndOffset = tag.EndOffset;
        message.Inheritance = inheritance;
        _file.UsesInheritance = true;
        return true;
    }

    // Inkwell: `subtypes 100 to 199 [encoding = ANY];` in a base message.
    private bool ParseSubtypes(MessageSyntax message)
    {
        var subtypes = new SubtypesSyntax { Position = TextPosition.Of(Current), StartOffset = Current.Offset };
        if (message.Subtypes is not null)
        {
            Error($"\"{message.Name}\" already declares its subtypes.");
        }

        _lexer.Next();
        subtypes.RangePosition = TextPosition.Of(Current);
        if (!ConsumeInteger(out int start, "Expected the first subtype tag."))
        {
            return false;
        }

        if (!ParseRangeEnd(start, startToken: default, rangeLocation: null, MaxFieldNumber, signed: false, "Expected the last subtype tag or \"max\".", out int end))
        {
            return false;
        }

        subtypes.Start = start;
        subtypes.End = end;
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

            subtypes.EncodingPosition = TextPosition.Of(Current);
            if (!ConsumeIdentifier(out string encoding, "Expected ONEOF, ANY or EXTENSIONS.") || !Consume("]"))
            {
                return false;
            }

            subtypes.Encoding = encoding;
        }

        if (!ConsumeEndOfDeclaration(";", null))
        {
            return false;
        }

        subtypes.EndOffset = _lexer.Previous.EndOffset;
        message.Subtypes ??= subtypes;
        _file.UsesInheritance = true;
        return true;
    }

    private bool ParseExtensions(MessageSyntax message, LocationRecorder extensionsLocation)
    {
        if (!Consume("extensions"))
        {
            return false;
        }

        int oldCount = message.ExtensionRanges.Count;
        do
        {
            using var location = extensionsLocation.Child(message.ExtensionRanges.Count);
            var range = new RangeSyntax { Position = TextPosition.Of(Current) };
            message.ExtensionRanges.Add(range);
            int start;
            int end;
            Token startToken;
            using (location.Child(RangeStart))
            {
                startToken = Current;
                if (!ConsumeInteger(out start, "Expected field number range."))
                {
                    return false;
                }
            }

            if (!ParseRangeEnd(start, startToken, location, MaxRangeSentinel - 1, signed: false, "Expected integer.", out end))
            {
                return false;
            }

            range.Start = start;
            range.End = end + 1;
        }
        while (TryConsume(","));

        if (LookingAt("["))
        {
            int indexPosition = extensionsLocation.PathCount;
            var info = new List<SourceLocation>();
            RangeSyntax first = message.ExtensionRanges[oldCount];
            first.HasOptions = true;
            using (var indexLocation = extensionsLocation.Child(info, 0))
            using (var location = indexLocation.Child(ExtensionRangeOptions))
            {
                if (!Consume("["))
                {
                    return false;
                }

                do
                {
                    if (!ParseOption(first, location, OptionStyle.Assignment))
                    {
                        return false;
                    }
                }
                while (TryConsume(","));

                if (!Consume("]"))
                {
                    return false;
                }
            }

            for (int i = oldCount + 1; i < message.ExtensionRanges.Count; i++)
            {
                message.ExtensionRanges[i].HasOptions = true;
                message.ExtensionRanges[i].Options.AddRange(first.Options);
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
            if (_file.Syntax == "editions" && !identifiers)
            {
                Error("Reserved names must be identifiers in editions, not string literals.");
                return false;
            }

            if (_file.Syntax != "editions" && identifiers)
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
                var range = new RangeSyntax { Position = TextPosition.Of(Current) };
                ranges.Add(range);
                int start;
                int end;
                Token rangeStartToken;
                using (rangeLocation.Child(RangeStart))
                {
                    rangeStartToken = Current;
                    string error = isEnum
                        ? (first ? "Expected enum value or number range." : "Expected enum number range.")
                        : (first ? "Expected field name or number range." : "Expected field number range.");
                    if (!(isEnum ? ConsumeSignedInteger(out start, error) : ConsumeInteger(out start, error)))
                    {
                        return false;
                    }
                }

                if (!ParseRangeEnd(start, rangeStartToken, rangeLocation, isEnum ? int.MaxValue : MaxRangeSentinel - 1, signed: isEnum, "Expected integer.", out end))
                {
                    return false;
                }

                range.Start = start;
                range.End = isEnum ? end : end + 1;
                first = false;
            }
            while (TryConsume(","));

            return ConsumeEndOfDeclaration(";", location);
        }
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
            var field = new FieldSyntax { Extendee = extendee, ExtendeePosition = extensions.Count == firstIndex ? TextPosition.Of(extendeeStart) : TextPosition.None };
            extensions.Add(field);
            using (var extendeeLocation = location.Child(FieldExtendee))
            {
                extendeeLocation.StartAt(extendeeStart);
                extendeeLocation.EndAt(extendeeEnd);
            }

            if (!ParseMessageField(field, messages, parentLocation, nestedTypeField, location))
            {
                SkipStatement();
            }
        }
        while (!TryConsumeEndOfDeclaration("}", null));

        return true;
    }

    private bool ParseOneof(OneofSyntax oneof, MessageSyntax message, int index, LocationRecorder oneofLocation, LocationRecorder messageLocation)
    {
        oneof.Location = oneofLocation.Location;
        if (!Consume("oneof"))
        {
            return false;
        }

        using (oneofLocation.Child(OneofName))
        {
            oneof.NamePosition = TextPosition.Of(Current);
            if (!ConsumeIdentifier(out string name, "Expected oneof name."))
            {
                return false;
            }

            oneof.Name = name;
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
                if (!ParseOption(oneof, optionLocation, OptionStyle.Statement))
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
            var field = new FieldSyntax { Label = FieldLabel.Optional, OneofIndex = index };
            message.Fields.Add(field);
            if (!ParseMessageFieldNoLabel(field, message.NestedTypes, messageLocation, MessageNestedType, fieldLocation))
            {
                SkipStatement();
            }
        }
        while (!TryConsumeEndOfDeclaration("}", null));

        return true;
    }

    // proto3 `optional` fields get a one-field oneof whose name does not clash with any field or oneof.
    private static void GenerateSyntheticOneofs(MessageSyntax message)
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

        foreach (FieldSyntax field in message.Fields)
        {
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
            field.OneofIndex = message.Oneofs.Count;
            message.Oneofs.Add(new OneofSyntax { Name = name, IsSynthetic = true, NamePosition = field.NamePosition });
        }
    }
}
