namespace Inkwell.Internal;

/// <summary>
/// C escapes as protoc reads and writes them: the escapes of a <c>.proto</c> string literal (absl::CUnescape's, plus
/// <c>\u</c>/<c>\U</c>) and absl::CEscape, which a descriptor's bytes <c>default_value</c> is written in. Shared as
/// source (linked into each project) by Inkwell.Protobuf, which reads literals and writes defaults, and
/// Inkwell.Protobuf.CSharp, which reads defaults back from descriptors: the two assemblies do not reference each other.
/// </summary>
/// <remarks>Names are qualified: one project has implicit usings and the other does not.</remarks>
internal static class CEscapes
{
    /// <summary>Decodes the C escapes of <paramref name="text"/> into bytes (other characters as UTF-8).</summary>
    public static byte[] Unescape(string text)
    {
        var output = new System.Collections.Generic.List<byte>(text.Length);
        AppendUnescaped(text, 0, text.Length, output);
        return [.. output];
    }

    /// <summary>
    /// Appends the bytes that <c>text[start..end)</c> stands for. A malformed escape decodes as protoc's lexer reads it
    /// (an <c>\x</c> without digits is a zero byte; an unknown escape is the character itself): the lexer has already
    /// reported it.
    /// </summary>
    public static void AppendUnescaped(string text, int start, int end, System.Collections.Generic.List<byte> output)
    {
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c != '\\' || i + 1 >= end)
            {
                AppendChar(text, ref i, output);
                continue;
            }

            char e = text[++i];
            switch (e)
            {
                case 'a': output.Add(7); break;
                case 'b': output.Add(8); break;
                case 'f': output.Add(12); break;
                case 'n': output.Add(10); break;
                case 'r': output.Add(13); break;
                case 't': output.Add(9); break;
                case 'v': output.Add(11); break;
                case >= '0' and <= '7':
                    {
                        int code = e - '0';
                        for (int k = 0; k < 2 && i + 1 < end && text[i + 1] is >= '0' and <= '7'; k++)
                        {
                            code = code * 8 + (text[++i] - '0');
                        }

                        output.Add((byte)code);
                        break;
                    }

                case 'x' or 'X':
                    {
                        int code = 0;
                        for (int k = 0; k < 2 && i + 1 < end && IsHex(text[i + 1]); k++)
                        {
                            code = code * 16 + HexValue(text[++i]);
                        }

                        output.Add((byte)code);
                        break;
                    }

                case 'u' or 'U':
                    {
                        int digits = e == 'u' ? 4 : 8;
                        int code = 0;
                        for (int k = 0; k < digits && i + 1 < end && IsHex(text[i + 1]); k++)
                        {
                            code = code * 16 + HexValue(text[++i]);
                        }

                        AppendUtf8(code, output);
                        break;
                    }

                default:
                    AppendChar(text, ref i, output);
                    break;
            }
        }
    }

    /// <summary>absl::CEscape: C escapes for quotes, backslash and \n\r\t, three-digit octal for other non-printables.</summary>
    public static string Escape(System.ReadOnlySpan<byte> bytes)
    {
        var sb = new System.Text.StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            switch (b)
            {
                case (byte)'\n': sb.Append("\\n"); break;
                case (byte)'\r': sb.Append("\\r"); break;
                case (byte)'\t': sb.Append("\\t"); break;
                case (byte)'"': sb.Append("\\\""); break;
                case (byte)'\'': sb.Append("\\'"); break;
                case (byte)'\\': sb.Append("\\\\"); break;
                default:
                    if (b < 0x20 || b >= 0x7F)
                    {
                        sb.Append('\\').Append((char)('0' + (b >> 6))).Append((char)('0' + ((b >> 3) & 7))).Append((char)('0' + (b & 7)));
                    }
                    else
                    {
                        sb.Append((char)b);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Appends <c>text[i]</c> as UTF-8, with the low surrogate after it when it is a pair's first half.</summary>
    private static void AppendChar(string text, ref int i, System.Collections.Generic.List<byte> output)
    {
        char c = text[i];
        int code = c;
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            code = char.ConvertToUtf32(c, text[i + 1]);
            i++;
        }

        AppendUtf8(code, output);
    }

    private static void AppendUtf8(int code, System.Collections.Generic.List<byte> output)
    {
        if (code < 0x80)
        {
            output.Add((byte)code);
        }
        else if (code < 0x800)
        {
            output.Add((byte)(0xC0 | (code >> 6)));
            output.Add((byte)(0x80 | (code & 0x3F)));
        }
        else if (code < 0x10000)
        {
            output.Add((byte)(0xE0 | (code >> 12)));
            output.Add((byte)(0x80 | ((code >> 6) & 0x3F)));
            output.Add((byte)(0x80 | (code & 0x3F)));
        }
        else
        {
            output.Add((byte)(0xF0 | (code >> 18)));
            output.Add((byte)(0x80 | ((code >> 12) & 0x3F)));
            output.Add((byte)(0x80 | ((code >> 6) & 0x3F)));
            output.Add((byte)(0x80 | (code & 0x3F)));
        }
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
