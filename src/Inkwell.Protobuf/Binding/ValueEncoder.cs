using System.Globalization;
using Inkwell.Protobuf.Descriptors;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>Checks a scalar value against a field's type and encodes it, with protoc's option error texts.</summary>
internal static class ValueEncoder
{
    /// <summary>Writes the value (without tag) and returns its wire type; null with <paramref name="error"/> when it does not fit.</summary>
    public static int? Encode(FieldType type, EnumSyntax? enumType, OptionValue value, string optionName, ProtoWriter writer, bool textFormat, out string? error)
    {
        error = null;
        switch (type)
        {
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                {
                    if (!TryInteger(value, int.MinValue, int.MaxValue, out long v, out bool isInteger))
                    {
                        error = isInteger ? $"Value out of range for int32 option \"{optionName}\"." : $"Value must be integer for int32 option \"{optionName}\".";
                        return null;
                    }

                    return WriteSigned(type, v, writer);
                }

            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                {
                    if (!TryInteger(value, long.MinValue, long.MaxValue, out long v, out bool isInteger))
                    {
                        error = isInteger ? $"Value out of range for int64 option \"{optionName}\"." : $"Value must be integer for int64 option \"{optionName}\".";
                        return null;
                    }

                    return WriteSigned(type, v, writer);
                }

            case FieldType.UInt32 or FieldType.Fixed32:
                {
                    if (value.Kind != OptionValue.ValueKind.Integer || value.Negative || value.Magnitude > uint.MaxValue)
                    {
                        error = value.Kind == OptionValue.ValueKind.Integer && !value.Negative
                            ? $"Value out of range for uint32 option \"{optionName}\"."
                            : $"Value must be non-negative integer for uint32 option \"{optionName}\".";
                        return null;
                    }

                    if (type == FieldType.Fixed32)
                    {
                        writer.WriteFixed32((uint)value.Magnitude);
                        return 5;
                    }

                    writer.WriteVarint(value.Magnitude);
                    return 0;
                }

            case FieldType.UInt64 or FieldType.Fixed64:
                {
                    if (value.Kind != OptionValue.ValueKind.Integer || value.Negative)
                    {
                        error = $"Value must be non-negative integer for uint64 option \"{optionName}\".";
                        return null;
                    }

                    if (type == FieldType.Fixed64)
                    {
                        writer.WriteFixed64(value.Magnitude);
                        return 1;
                    }

                    writer.WriteVarint(value.Magnitude);
                    return 0;
                }

            case FieldType.Float or FieldType.Double:
                {
                    double d;
                    switch (value.Kind)
                    {
                        case OptionValue.ValueKind.Double:
                            d = value.Double;
                            break;
                        case OptionValue.ValueKind.Integer:
                            d = value.Negative ? -(double)value.Magnitude : value.Magnitude;
                            break;
                        case OptionValue.ValueKind.Identifier when IsInf(value.Identifier, textFormat):
                            d = value.Negative ? double.NegativeInfinity : double.PositiveInfinity;
                            break;
                        case OptionValue.ValueKind.Identifier when value.Identifier is "nan" || textFormat && value.Identifier.Equals("nan", StringComparison.OrdinalIgnoreCase):
                            d = Literals.NaN;
                            break;
                        default:
                            error = $"Value must be number for {(type == FieldType.Float ? "float" : "double")} option \"{optionName}\".";
                            return null;
                    }

                    if (type == FieldType.Float)
                    {
                        writer.WriteFixed32(BitConverter.ToUInt32(BitConverter.GetBytes((float)d), 0));
                        return 5;
                    }

                    writer.WriteFixed64((ulong)BitConverter.DoubleToInt64Bits(d));
                    return 1;
                }

            case FieldType.Bool:
                {
                    if (!textFormat && value.Kind != OptionValue.ValueKind.Identifier)
                    {
                        error = $"Value must be identifier for boolean option \"{optionName}\".";
                        return null;
                    }

                    bool? b = value.Kind switch
                    {
                        OptionValue.ValueKind.Identifier when !value.Negative && value.Identifier == "true" => true,
                        OptionValue.ValueKind.Identifier when !value.Negative && value.Identifier == "false" => false,
                        OptionValue.ValueKind.Identifier when textFormat && value.Identifier is "t" or "True" => true,
                        OptionValue.ValueKind.Identifier when textFormat && value.Identifier is "f" or "False" => false,
                        OptionValue.ValueKind.Integer when textFormat && !value.Negative && value.Magnitude <= 1 => value.Magnitude == 1,
                        _ => null,
                    };
                    if (b is null)
                    {
                        error = $"Value must be \"true\" or \"false\" for boolean option \"{optionName}\".";
                        return null;
                    }

                    writer.WriteVarint(b.Value ? 1UL : 0UL);
                    return 0;
                }

            case FieldType.Enum:
                {
                    if (value.Kind == OptionValue.ValueKind.Integer && textFormat)
                    {
                        long number = value.Negative ? -(long)value.Magnitude : (long)value.Magnitude;
                        writer.WriteVarint((ulong)number);
                        return 0;
                    }

                    if (value.Kind != OptionValue.ValueKind.Identifier || value.Negative)
                    {
                        error = $"Value must be identifier for enum-valued option \"{optionName}\".";
                        return null;
                    }

                    EnumValueSyntax? enumValue = enumType?.Values.FirstOrDefault(v => v.Name == value.Identifier);
                    if (enumValue is null)
                    {
                        error = $"Enum type \"{enumType?.FullName}\" has no value named \"{value.Identifier}\" for option \"{optionName}\".";
                        return null;
                    }

                    writer.WriteVarint((ulong)(long)enumValue.Number);
                    return 0;
                }

            case FieldType.String or FieldType.Bytes:
                if (value.Kind != OptionValue.ValueKind.String)
                {
                    error = $"Value must be quoted string for string option \"{optionName}\".";
                    return null;
                }

                writer.WriteVarint((ulong)value.Bytes.Length);
                writer.WriteRaw(value.Bytes);
                return 2;

            default:
                error = $"Option \"{optionName}\" is a message. To set the entire message, use syntax like \"{optionName} = {{ <proto text format> }}\". To set fields within it, use syntax like \"{optionName}.foo = value\".";
                return null;
        }
    }

    private static bool IsInf(string identifier, bool textFormat) =>
        identifier == "inf" || textFormat && (identifier.Equals("inf", StringComparison.OrdinalIgnoreCase) || identifier.Equals("infinity", StringComparison.OrdinalIgnoreCase));

    private static bool TryInteger(OptionValue value, long min, long max, out long result, out bool isInteger)
    {
        result = 0;
        isInteger = value.Kind == OptionValue.ValueKind.Integer;
        if (!isInteger)
        {
            return false;
        }

        if (value.Negative)
        {
            if (value.Magnitude > (ulong)-(min + 1) + 1)
            {
                return false;
            }

            result = (long)(0 - value.Magnitude);
            return true;
        }

        if (value.Magnitude > (ulong)max)
        {
            return false;
        }

        result = (long)value.Magnitude;
        return true;
    }

    private static int WriteSigned(FieldType type, long value, ProtoWriter writer)
    {
        switch (type)
        {
            case FieldType.SInt32:
                writer.WriteVarint((uint)(((int)value << 1) ^ ((int)value >> 31)));
                return 0;
            case FieldType.SInt64:
                writer.WriteVarint((ulong)((value << 1) ^ (value >> 63)));
                return 0;
            case FieldType.SFixed32:
                writer.WriteFixed32((uint)(int)value);
                return 5;
            case FieldType.SFixed64:
                writer.WriteFixed64((ulong)value);
                return 1;
            default:
                writer.WriteVarint((ulong)value);
                return 0;
        }
    }

    internal static string Describe(ulong magnitude, bool negative) =>
        (negative ? "-" : "") + magnitude.ToString(CultureInfo.InvariantCulture);
}
