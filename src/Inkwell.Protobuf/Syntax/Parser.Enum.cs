namespace Inkwell.Protobuf.Syntax;

/// <summary>Enums and their values.</summary>
internal sealed partial class Parser
{
    private const int EnumName = 1;
    private const int EnumValue = 2;
    private const int EnumOptions = 3;
    private const int EnumReservedRange = 4;
    private const int EnumReservedName = 5;
    private const int EnumValueName = 1;
    private const int EnumValueNumber = 2;
    private const int EnumValueOptions = 3;

    private bool ParseEnumDefinition(List<EnumSyntax> enums, SymbolVisibility visibility, LocationRecorder location)
    {
        var values = new List<EnumValueSyntax>();
        var reservedRanges = new List<RangeSyntax>();
        var reservedNames = new List<ReservedNameSyntax>();
        var options = new List<OptionSyntax>();
        bool parsed = ParseEnumDefinition(values, reservedRanges, reservedNames, options, location, out string name, out TextPosition namePosition);

        // Made even when the definition stopped half-way: protoc keeps what it read, and nothing reads it once an error
        // is reported.
        var enumType = new EnumSyntax
        {
            Name = name,
            NamePosition = namePosition,
            Visibility = visibility,
            Location = location.Location,
            Options = options,
            Values = values,
            ReservedRanges = reservedRanges,
            ReservedNames = reservedNames,
        };
        enums.Add(enumType);
        return parsed && ValidateEnum(enumType);
    }

    private bool ParseEnumDefinition(
        List<EnumValueSyntax> values,
        List<RangeSyntax> reservedRanges,
        List<ReservedNameSyntax> reservedNames,
        List<OptionSyntax> options,
        LocationRecorder location,
        out string name,
        out TextPosition namePosition)
    {
        name = "";
        namePosition = default;
        if (!Consume("enum"))
        {
            return false;
        }

        using (location.Child(EnumName))
        {
            namePosition = TextPosition.Of(Current);
            if (!ConsumeIdentifier(out name, "Expected enum name."))
            {
                return false;
            }
        }

        if (!ConsumeEndOfDeclaration("{", location))
        {
            return false;
        }

        while (!TryConsumeEndOfDeclaration("}", null))
        {
            if (AtEnd)
            {
                Error("Reached end of input in enum definition (missing '}').");
                return false;
            }

            if (!ParseEnumStatement(values, reservedRanges, reservedNames, options, location))
            {
                SkipStatement();
            }
        }

        return true;
    }

    private bool ParseEnumStatement(
        List<EnumValueSyntax> values,
        List<RangeSyntax> reservedRanges,
        List<ReservedNameSyntax> reservedNames,
        List<OptionSyntax> options,
        LocationRecorder enumLocation)
    {
        if (TryConsumeEndOfDeclaration(";", null))
        {
            return true;
        }

        if (LookingAt("option"))
        {
            using var optionLocation = enumLocation.Child(EnumOptions);
            return ParseOption(options, optionLocation, OptionStyle.Statement);
        }

        if (LookingAt("reserved"))
        {
            return ParseReserved(reservedRanges, reservedNames, enumLocation, EnumReservedRange, EnumReservedName, isEnum: true);
        }

        using var location = enumLocation.Child(EnumValue, values.Count);
        var valueOptions = new List<OptionSyntax>();
        int number = 0;
        TextPosition numberPosition = default;
        bool parsed = ParseEnumValue(valueOptions, location, out string name, out TextPosition namePosition, ref number, ref numberPosition);

        // Kept when it stopped half-way, as protoc keeps it: the enum's alias check counts its number.
        values.Add(new EnumValueSyntax
        {
            Name = name,
            NamePosition = namePosition,
            Number = number,
            NumberPosition = numberPosition,
            Options = valueOptions,
            Location = location.Location,
        });
        return parsed;
    }

    private bool ParseEnumValue(List<OptionSyntax> options, LocationRecorder location, out string name, out TextPosition namePosition, ref int number, ref TextPosition numberPosition)
    {
        using (location.Child(EnumValueName))
        {
            namePosition = TextPosition.Of(Current);
            if (!ConsumeIdentifier(out name, "Expected enum constant name."))
            {
                return false;
            }
        }

        if (!Consume("=", "Missing numeric value for enum constant."))
        {
            return false;
        }

        using (location.Child(EnumValueNumber))
        {
            numberPosition = TextPosition.Of(Current);
            if (!ConsumeSignedInteger(out number, "Expected integer."))
            {
                return false;
            }
        }

        if (LookingAt("["))
        {
            using var optionsLocation = location.Child(EnumValueOptions);
            if (!Consume("["))
            {
                return false;
            }

            do
            {
                if (!ParseOption(options, optionsLocation, OptionStyle.Assignment))
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

        return ConsumeEndOfDeclaration(";", location);
    }

    private bool ValidateEnum(EnumSyntax enumType)
    {
        bool hasAllowAlias = false;
        bool allowAlias = false;
        foreach (OptionSyntax option in enumType.Options)
        {
            // A name that failed to parse leaves no parts.
            if (option.Name.Count != 1)
            {
                continue;
            }

            if (!option.Name[0].IsExtension && option.Name[0].Name == "allow_alias")
            {
                hasAllowAlias = true;
                allowAlias = option.Kind == OptionValueKind.Identifier && option.Identifier == "true";
                break;
            }
        }

        if (hasAllowAlias && !allowAlias)
        {
            Error($"\"{enumType.Name}\" declares 'option allow_alias = false;' which has no effect. Please remove the declaration.");
            return false;
        }

        var used = new HashSet<int>();
        bool hasDuplicates = false;
        foreach (EnumValueSyntax value in enumType.Values)
        {
            if (!used.Add(value.Number))
            {
                hasDuplicates = true;
                break;
            }
        }

        if (allowAlias && !hasDuplicates)
        {
            Error($"\"{enumType.Name}\" declares support for enum aliases but no enum values share field numbers. Please remove the unnecessary 'option allow_alias = true;' declaration.");
            return false;
        }

        return true;
    }
}
