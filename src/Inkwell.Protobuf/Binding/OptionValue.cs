namespace Inkwell.Protobuf.Binding;

/// <summary>A scalar written as an option value or in text format, before it is checked against a field's type.</summary>
internal readonly record struct OptionValue(OptionValue.ValueKind Kind, string Identifier, ulong Magnitude, bool Negative, double Double, byte[] Bytes)
{
    internal enum ValueKind
    {
        Identifier,
        Integer,
        Double,
        String,
    }

    public static OptionValue FromIdentifier(string identifier, bool negative = false) => new(ValueKind.Identifier, identifier, 0, negative, 0, []);

    public static OptionValue FromInteger(ulong magnitude, bool negative) => new(ValueKind.Integer, "", magnitude, negative, 0, []);

    public static OptionValue FromDouble(double value) => new(ValueKind.Double, "", 0, false, value, []);

    public static OptionValue FromString(byte[] bytes) => new(ValueKind.String, "", 0, false, 0, bytes);
}
