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

    private bool ParseEnumDefinition(EnumSyntax enumType, LocationRecorder location)
    {
        enumType.Location = location.Location;

        if (!Consume("enum"))
        {
            return false;
        }

        using (location.Child(EnumName))
        {
            enumType.NamePosition = TextPosition.Of(Current);
            if (!ConsumeIdentifier(out string name, "Expected enum name."))
            {
                return false;
            }

            enumType.Name = name;
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

            if (!ParseEnumStatement(enumType, location))
            {
                SkipStatement();
            }
        }

        return ValidateEnum(enumType);
    }

    private bool ParseEnumStatement(EnumSyntax enumType, LocationRecorder enumLocation)
    {
        if (TryConsumeEndOfDeclaration(";", null))
        {
            return true;
        }

        if (LookingAt("option"))
        {
            using var location = enumLocation.Child(EnumOptions);
            return ParseOption(enumType, location, OptionStyle.Statement);
        }

        if (LookingAt("reserved"))
        {
            return ParseReserved(enumType.ReservedRanges, enumType.ReservedNames, enumLocation, EnumReservedRange, EnumReservedName, isEnum: true);
        }

        using (var location = enumLocation.Child(EnumValue, enumType.Values.Count))
        {
            var value = new EnumValueSyntax { Location = location.Location };
            enumType.Values.Add(value);
            using (location.Child(EnumValueName))
            {
                value.NamePosition = TextPosition.Of(Current);
                if (!ConsumeIdentifier(out string name, "Expected enum constant name."))
                {
                    return false;
                }

                value.Name = name;
            }

            if (!Consume("=", "Missing numeric value for enum constant."))
            {
                return false;
            }

            using (location.Child(EnumValueNumber))
            {
                value.NumberPosition = TextPosition.Of(Current);
                if (!ConsumeSignedInteger(out int number, "Expected integer."))
                {
                    return false;
                }

                value.Number = number;
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
                    if (!ParseOption(value, optionsLocation, OptionStyle.Assignment))
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
