namespace Inkwell.Protobuf.Syntax;

/// <summary>Options as written: dotted names with parenthesized extensions, and their values.</summary>
internal sealed partial class Parser
{
    private const int UninterpretedOptionField = 999;
    private const int UninterpretedName = 2;
    private const int UninterpretedIdentifier = 3;
    private const int UninterpretedPositive = 4;
    private const int UninterpretedNegative = 5;
    private const int UninterpretedDouble = 6;
    private const int UninterpretedString = 7;
    private const int UninterpretedAggregate = 8;
    private const int NamePartName = 1;

    private bool ParseOption(List<OptionSyntax> options, LocationRecorder optionsLocation, OptionStyle style)
    {
        using var location = optionsLocation.Child(UninterpretedOptionField, options.Count);
        if (style == OptionStyle.Statement && !Consume("option"))
        {
            return false;
        }

        var name = new List<OptionNamePart>();
        var namePosition = TextPosition.Of(Current);
        var value = new WrittenValue();
        try
        {
            return ParseOptionNameAndValue(name, ref value, location) && (style != OptionStyle.Statement || ConsumeEndOfDeclaration(";", location));
        }
        finally
        {
            // Like protoc, a declaration keeps an option that failed half-way (an enum's allow_alias check sees it).
            options.Add(new OptionSyntax
            {
                Name = name,
                NamePosition = namePosition,
                Location = location.Location,
                Kind = value.Kind,
                Identifier = value.Identifier,
                PositiveInteger = value.PositiveInteger,
                NegativeInteger = value.NegativeInteger,
                Double = value.Double,
                String = value.String,
                Aggregate = value.Aggregate,
                ValuePosition = value.Position,
            });
        }
    }

    // An option's value as read so far.
    private struct WrittenValue()
    {
        public OptionValueKind Kind;
        public string Identifier = "";
        public ulong PositiveInteger;
        public long NegativeInteger;
        public double Double;
        public byte[] String = [];
        public string Aggregate = "";
        public TextPosition Position;
    }

    private bool ParseOptionNameAndValue(List<OptionNamePart> name, ref WrittenValue option, LocationRecorder location)
    {
        using (var nameLocation = location.Child(UninterpretedName))
        {
            using (var partLocation = nameLocation.Child(UninterpretedName, name.Count))
            {
                if (!ParseOptionNamePart(name, partLocation))
                {
                    return false;
                }
            }

            while (LookingAt("."))
            {
                _lexer.Next();
                using var partLocation = nameLocation.Child(UninterpretedName, name.Count);
                if (!ParseOptionNamePart(name, partLocation))
                {
                    return false;
                }
            }
        }

        if (!Consume("="))
        {
            return false;
        }

        using (var valueLocation = location.Child())
        {
            option.Position = TextPosition.Of(Current);
            bool negative = TryConsume("-");
            switch (Current.Kind)
            {
                case TokenKind.EndOfFile:
                    Error("Unexpected end of stream while parsing option value.");
                    return false;
                case TokenKind.Identifier:
                    valueLocation.AddPath(UninterpretedIdentifier);
                    if (negative)
                    {
                        if (Current.Text == "inf")
                        {
                            option.Kind = OptionValueKind.Double;
                            option.Double = double.NegativeInfinity;
                        }
                        else if (Current.Text == "nan")
                        {
                            option.Kind = OptionValueKind.Double;
                            option.Double = Literals.NaN;
                        }
                        else
                        {
                            Error("Identifier after '-' symbol must be inf or nan.");
                            return false;
                        }

                        _lexer.Next();
                        break;
                    }

                    option.Kind = OptionValueKind.Identifier;
                    option.Identifier = Current.Text;
                    _lexer.Next();
                    break;
                case TokenKind.Integer:
                    {
                        ulong max = negative ? (ulong)long.MaxValue + 1 : ulong.MaxValue;
                        if (Literals.TryParseInteger(Current.Text, max, out ulong value))
                        {
                            _lexer.Next();
                            if (negative)
                            {
                                valueLocation.AddPath(UninterpretedNegative);
                                option.Kind = OptionValueKind.NegativeInteger;
                                option.NegativeInteger = (long)(0 - value);
                            }
                            else
                            {
                                valueLocation.AddPath(UninterpretedPositive);
                                option.Kind = OptionValueKind.PositiveInteger;
                                option.PositiveInteger = value;
                            }
                        }
                        else
                        {
                            valueLocation.AddPath(UninterpretedDouble);
                            if (!ConsumeNumber(out double number, "Expected number."))
                            {
                                return false;
                            }

                            option.Kind = OptionValueKind.Double;
                            option.Double = negative ? -number : number;
                        }

                        break;
                    }

                case TokenKind.Float:
                    {
                        valueLocation.AddPath(UninterpretedDouble);
                        double value = Literals.ParseFloat(Current.Text);
                        _lexer.Next();
                        option.Kind = OptionValueKind.Double;
                        option.Double = negative ? -value : value;
                        break;
                    }

                case TokenKind.String:
                    {
                        valueLocation.AddPath(UninterpretedString);
                        if (negative)
                        {
                            Error("Invalid '-' symbol before string.");
                            return false;
                        }

                        if (!ConsumeString(out byte[] value, "Expected string."))
                        {
                            return false;
                        }

                        option.Kind = OptionValueKind.String;
                        option.String = value;
                        break;
                    }

                default:
                    if (LookingAt("{"))
                    {
                        valueLocation.AddPath(UninterpretedAggregate);
                        if (!ParseUninterpretedBlock(out string aggregate))
                        {
                            return false;
                        }

                        option.Kind = OptionValueKind.Aggregate;
                        option.Aggregate = aggregate;
                    }
                    else
                    {
                        Error("Expected option value.");
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    private bool ParseOptionNamePart(List<OptionNamePart> name, LocationRecorder partLocation)
    {
        var position = TextPosition.Of(Current);
        if (LookingAt("("))
        {
            _lexer.Next();
            string extensionName = "";
            using (partLocation.Child(NamePartName))
            {
                if (LookingAt(TokenKind.Identifier))
                {
                    extensionName = Current.Text;
                    _lexer.Next();
                }

                while (LookingAt("."))
                {
                    _lexer.Next();
                    if (!ConsumeIdentifier(out string identifier, "Expected identifier."))
                    {
                        return false;
                    }

                    extensionName += "." + identifier;
                }
            }

            if (!Consume(")"))
            {
                return false;
            }

            name.Add(new OptionNamePart(extensionName, IsExtension: true, position));
            return true;
        }

        using (partLocation.Child(NamePartName))
        {
            if (!ConsumeIdentifier(out string identifier, "Expected identifier."))
            {
                return false;
            }

            name.Add(new OptionNamePart(identifier, IsExtension: false, position));
            return true;
        }
    }

    // The text between the braces, tokens joined by single spaces; the binder parses it as text format.
    private bool ParseUninterpretedBlock(out string value)
    {
        var sb = new System.Text.StringBuilder();
        value = "";
        if (!Consume("{"))
        {
            return false;
        }

        int depth = 1;
        while (!AtEnd)
        {
            if (LookingAt("{"))
            {
                depth++;
            }
            else if (LookingAt("}"))
            {
                depth--;
                if (depth == 0)
                {
                    _lexer.Next();
                    value = sb.ToString();
                    return true;
                }
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(Current.Text);
            _lexer.Next();
        }

        Error("Unexpected end of stream while parsing aggregate value.");
        return false;
    }
}
