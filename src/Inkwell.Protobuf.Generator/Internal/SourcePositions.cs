using System.Text;

namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>
/// Turns the compiler's positions (one-based line; column counted like protoc: UTF-8 bytes, tabs to the
/// next multiple of 8) into Roslyn's (zero-based line and character offset in the text).
/// </summary>
internal static class SourcePositions
{
    public static SourceSpan Locate(string filePath, string text, int line, int column)
    {
        int lineStart = 0;
        int currentLine = 1;
        for (int i = 0; i < text.Length && currentLine < line; i++)
        {
            if (text[i] == '\n')
            {
                currentLine++;
                lineStart = i + 1;
            }
        }

        if (line <= 0 || currentLine < line)
        {
            // No position (protoc prints such messages without one): the start of the file.
            return new SourceSpan(filePath, 0, 0, 0, 0, 0, 0);
        }

        int lineEnd = text.IndexOf('\n', lineStart);
        if (lineEnd < 0)
        {
            lineEnd = text.Length;
        }

        if (lineEnd > lineStart && text[lineEnd - 1] == '\r')
        {
            lineEnd--;
        }

        int offset = lineStart;
        int protocColumn = 1;
        while (offset < lineEnd && protocColumn < column)
        {
            char c = text[offset];
            if (c == '\t')
            {
                protocColumn += 8 - ((protocColumn - 1) % 8);
            }
            else if (char.IsHighSurrogate(c) && offset + 1 < lineEnd)
            {
                protocColumn += 4;
                offset++;
            }
            else
            {
                protocColumn += Encoding.UTF8.GetByteCount(new[] { c });
            }

            offset++;
        }

        // Underline the token that starts there (a word, or one character), so the squiggle is visible.
        int end = offset;
        while (end < lineEnd && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '.'))
        {
            end++;
        }

        if (end == offset && end < lineEnd)
        {
            end++;
        }

        int zeroLine = line - 1;
        return new SourceSpan(filePath, offset, end - offset, zeroLine, offset - lineStart, zeroLine, end - lineStart);
    }

    /// <summary>
    /// The name in the first <c>message Name</c> declaration of the text, or the file's start. For a message whose
    /// compiled position is not the text's: a file with message inheritance is linked from its lowered text.
    /// </summary>
    public static SourceSpan LocateMessage(string filePath, string text, string fullName)
    {
        string name = fullName.Substring(fullName.LastIndexOf('.') + 1);
        System.Text.RegularExpressions.Match match = System.Text.RegularExpressions.Regex.Match(
            text, @"\bmessage\s+(" + System.Text.RegularExpressions.Regex.Escape(name) + @")\b");
        if (!match.Success)
        {
            return new SourceSpan(filePath, 0, 0, 0, 0, 0, 0);
        }

        int start = match.Groups[1].Index;
        int lineStart = text.LastIndexOf('\n', Math.Max(start - 1, 0)) + 1;
        int line = 0;
        for (int i = 0; i < lineStart; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return new SourceSpan(filePath, start, name.Length, line, start - lineStart, line, start - lineStart + name.Length);
    }
}
