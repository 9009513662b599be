using System.Globalization;

namespace Inkwell.Protobuf.TextFormat;

/// <summary>
/// protoc's float and double text (absl's SimpleFtoa / SimpleDtoa): C's <c>%.6g</c> (<c>%.15g</c> for doubles), or
/// <c>%.9g</c> (<c>%.17g</c>) when the short form does not read back as the same value; <c>inf</c>, <c>-inf</c>, <c>nan</c>.
/// </summary>
internal static class CFloatFormat
{
    public static string Format(float value)
    {
        if (float.IsNaN(value) || float.IsInfinity(value))
        {
            return Special(value);
        }

        // absl's parse reports a subnormal result as out of range, so protoc never keeps the short form of one.
        string text = FormatG(value, 6);
        return !IsSubnormal(value) && (float)double.Parse(text, CultureInfo.InvariantCulture) == value ? text : FormatG(value, 9);
    }

    public static string Format(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return Special(value);
        }

        // Unlike a float's, a subnormal double keeps its short form when it reads back (protoc 35.1 prints 1e-320 as 9.99988867182683e-321).
        string text = FormatG(value, 15);
        return double.Parse(text, CultureInfo.InvariantCulture) == value ? text : FormatG(value, 17);
    }

    private static bool IsSubnormal(float value) => value != 0 && Math.Abs(value) < 1.17549435e-38f;

    private static string Special(double value) => double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";

    /// <summary>C's <c>%.{precision}g</c>.</summary>
    private static string FormatG(double value, int precision)
    {
        bool negative = value < 0 || value == 0 && 1 / value < 0;
        if (value == 0)
        {
            return negative ? "-0" : "0";
        }

        string e = Math.Abs(value).ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        int exponentAt = e.IndexOf('E');
        string digits = e.Substring(0, 1) + (exponentAt > 2 ? e.Substring(2, exponentAt - 2) : "");
        int exponent = int.Parse(e.Substring(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string sign = negative ? "-" : "";
        if (exponent < -4 || exponent >= precision)
        {
            string fraction = digits.Substring(1).TrimEnd('0');
            string mantissa = fraction.Length == 0 ? digits.Substring(0, 1) : digits.Substring(0, 1) + "." + fraction;
            string power = Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
            return $"{sign}{mantissa}e{(exponent < 0 ? '-' : '+')}{power}";
        }

        if (exponent >= 0)
        {
            string integer = digits.Substring(0, exponent + 1);
            string fraction = digits.Substring(exponent + 1).TrimEnd('0');
            return sign + integer + (fraction.Length == 0 ? "" : "." + fraction);
        }

        return sign + "0." + new string('0', -exponent - 1) + digits.TrimEnd('0');
    }
}
