using System.Globalization;
using Inkwell.Internal;
using System.Text;

namespace Inkwell.Protobuf.Syntax;

/// <summary>protoc's rules for reading number and string literals and for printing them back.</summary>
internal static class Literals
{
    /// <summary>The quiet NaN C++ uses (sign bit clear); .NET's double.NaN has the sign bit set.</summary>
    public static readonly double NaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);

    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Parses a decimal, 0x-hex or 0-octal integer no larger than <paramref name="max"/>.</summary>
    public static bool TryParseInteger(string text, ulong max, out ulong value)
    {
        value = 0;
        int i = 0;
        ulong radix = 10;
        if (text.Length > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        {
            radix = 16;
            i = 2;
        }
        else if (text.Length > 1 && text[0] == '0')
        {
            radix = 8;
        }

        for (; i < text.Length; i++)
        {
            char c = text[i];
            ulong digit = c switch
            {
                >= '0' and <= '9' => (ulong)(c - '0'),
                >= 'a' and <= 'z' => (ulong)(c - 'a' + 10),
                >= 'A' and <= 'Z' => (ulong)(c - 'A' + 10),
                _ => 99,
            };
            if (digit >= radix)
            {
                return false;
            }

            if (digit > max || value > (max - digit) / radix)
            {
                return false;
            }

            value = value * radix + digit;
        }

        return true;
    }

    /// <summary>Parses a float token the way protoc's tokenizer does (strtod on the longest valid prefix).</summary>
    public static double ParseFloat(string text)
    {
        string t = text;
        if (t.EndsWith("f", StringComparison.Ordinal) || t.EndsWith("F", StringComparison.Ordinal))
        {
            t = t.Substring(0, t.Length - 1);
        }

        if (t.EndsWith("e", StringComparison.Ordinal) || t.EndsWith("E", StringComparison.Ordinal))
        {
            t = t.Substring(0, t.Length - 1);
        }

        return TryParseDouble(t, out double value) ? value : 0;
    }

    public static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Appends the bytes a quoted string literal stands for (quotes stripped, escapes decoded).</summary>
    public static void UnescapeString(string literal, List<byte> output)
    {
        if (literal.Length == 0)
        {
            return;
        }

        int end = literal.Length;
        if (end > 1 && literal[end - 1] == literal[0])
        {
            end--;
        }

        CEscapes.AppendUnescaped(literal, 1, end, output);
    }

    /// <summary>protoc's SimpleDtoa: %.15g, or %.17g when that does not round-trip.</summary>
    public static string FormatDouble(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-inf";
        }

        if (double.IsNaN(value))
        {
            return "nan";
        }

        string s = FormatG(value, 15);
        return double.Parse(s, CultureInfo.InvariantCulture) == value ? s : FormatG(value, 17);
    }

    /// <summary>protoc's SimpleFtoa: %.6g, or %.9g when that does not round-trip through float.</summary>
    public static string FormatFloat(float value)
    {
        if (float.IsPositiveInfinity(value))
        {
            return "inf";
        }

        if (float.IsNegativeInfinity(value))
        {
            return "-inf";
        }

        if (float.IsNaN(value))
        {
            return "nan";
        }

        string s = FormatG(value, 6);
        return float.Parse(s, CultureInfo.InvariantCulture) == value ? s : FormatG(value, 9);
    }

    /// <summary>C's printf("%.*g", precision, value).</summary>
    public static string FormatG(double value, int precision)
    {
        if (value == 0)
        {
            return BitConverter.DoubleToInt64Bits(value) < 0 ? "-0" : "0";
        }

        // "E" formatting gives exactly `precision` significant digits, rounded as printf rounds.
        string e = value.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        int ePos = e.IndexOf('E');
        int exponent = int.Parse(e.Substring(ePos + 1), CultureInfo.InvariantCulture);
        string mantissa = e.Substring(0, ePos);
        bool negative = mantissa[0] == '-';
        string digits = mantissa.Replace("-", "").Replace(".", "");
        string result;
        if (exponent < -4 || exponent >= precision)
        {
            string frac = digits.Substring(1).TrimEnd('0');
            result = digits[0] + (frac.Length > 0 ? "." + frac : "") + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (exponent >= 0)
        {
            string intPart = digits.Substring(0, exponent + 1);
            string frac = digits.Substring(exponent + 1).TrimEnd('0');
            result = intPart + (frac.Length > 0 ? "." + frac : "");
        }
        else
        {
            string frac = (new string('0', -exponent - 1) + digits).TrimEnd('0');
            result = "0." + frac;
        }

        return negative ? "-" + result : result;
    }

    /// <summary>Whether <paramref name="text"/> is a valid identifier.</summary>
    public static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !(text[0] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') || text[0] == '_'))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
