using Inkwell.Internal;

namespace Inkwell.Protobuf.Syntax;

/// <summary>A field's bracketed options: <c>default</c> and <c>json_name</c>, which are not options in the descriptor, and the others.</summary>
internal sealed partial class Parser
{
    private bool ParseFieldOptions(ref FieldParts field, LocationRecorder fieldLocation)
    {
        if (!LookingAt("["))
        {
            return true;
        }

        using var location = fieldLocation.Child(FieldOptions);
        if (!Consume("["))
        {
            return false;
        }

        field.OptionsOffset = Current.Offset;

        do
        {
            if (LookingAt("default"))
            {
                if (!ParseDefaultAssignment(ref field, fieldLocation))
                {
                    return false;
                }
            }
            else if (LookingAt("json_name"))
            {
                if (!ParseJsonName(ref field, fieldLocation))
                {
                    return false;
                }
            }
            else if (!ParseOption(field.Options, location, OptionStyle.Assignment))
            {
                return false;
            }
        }
        while (TryConsume(","));

        return Consume("]");
    }

    private bool ParseDefaultAssignment(ref FieldParts field, LocationRecorder fieldLocation)
    {
        if (field.DefaultValue is not null)
        {
            Error("Already set option \"default\".");
            field.DefaultValue = null;
        }

        if (!Consume("default") || !Consume("="))
        {
            return false;
        }

        using var location = fieldLocation.Child(FieldDefaultValue);
        field.DefaultValuePosition = TextPosition.Of(Current);
        if (field.Type == FieldType.None)
        {
            field.DefaultValue = Current.Text;
            _lexer.Next();
            return true;
        }

        switch (field.Type)
        {
            case FieldType.Int32 or FieldType.Int64 or FieldType.SInt32 or FieldType.SInt64 or FieldType.SFixed32 or FieldType.SFixed64:
                {
                    ulong max = field.Type is FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 ? int.MaxValue : (ulong)long.MaxValue;
                    string prefix = "";
                    if (TryConsume("-"))
                    {
                        prefix = "-";
                        max++;
                    }

                    if (!ConsumeInteger64(max, out ulong value, "Expected integer for field default value."))
                    {
                        return false;
                    }

                    field.DefaultValue = prefix + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return true;
                }

            case FieldType.UInt32 or FieldType.UInt64 or FieldType.Fixed32 or FieldType.Fixed64:
                {
                    ulong max = field.Type is FieldType.UInt32 or FieldType.Fixed32 ? uint.MaxValue : ulong.MaxValue;
                    if (TryConsume("-"))
                    {
                        Error("Unsigned field can't have negative default value.");
                    }

                    if (!ConsumeInteger64(max, out ulong value, "Expected integer for field default value."))
                    {
                        return false;
                    }

                    field.DefaultValue = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return true;
                }

            case FieldType.Float or FieldType.Double:
                {
                    string prefix = TryConsume("-") ? "-" : "";
                    if (!ConsumeNumber(out double value, "Expected number."))
                    {
                        return false;
                    }

                    field.DefaultValue = prefix + Literals.FormatDouble(value);
                    return true;
                }

            case FieldType.Bool:
                if (TryConsume("true"))
                {
                    field.DefaultValue = "true";
                }
                else if (TryConsume("false"))
                {
                    field.DefaultValue = "false";
                }
                else
                {
                    Error("Expected \"true\" or \"false\".");
                    return false;
                }

                return true;

            case FieldType.String:
                {
                    if (!ConsumeString(out byte[] value, "Expected string for field default value."))
                    {
                        return false;
                    }

                    field.DefaultValue = Literals.Utf8.GetString(value);
                    return true;
                }

            case FieldType.Bytes:
                {
                    if (!ConsumeString(out byte[] value, "Expected string."))
                    {
                        return false;
                    }

                    field.DefaultValue = CEscapes.Escape(value);
                    return true;
                }

            default:
                Error("Messages can't have default values.");
                return false;
        }
    }

    private bool ParseJsonName(ref FieldParts field, LocationRecorder fieldLocation)
    {
        if (field.JsonName is not null)
        {
            Error("Already set option \"json_name\".");
            field.JsonName = null;
        }

        using var location = fieldLocation.Child(FieldJsonName);
        field.JsonNamePosition = TextPosition.Of(Current);
        if (!Consume("json_name") || !Consume("="))
        {
            return false;
        }

        using var valueLocation = location.Child();
        if (!ConsumeString(out string name, "Expected string for JSON name."))
        {
            return false;
        }

        field.JsonName = name;
        return true;
    }
}
