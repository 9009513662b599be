namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// protoc's tokenizer: the same token rules, the same zero-based tab-expanded positions, the same error
/// texts, and the same rules for attaching comments to declarations (leading, trailing, detached).
/// Hand-written because those comment rules decide the bytes of source code info.
/// </summary>
internal sealed partial class Lexer
{
    private readonly string _text;
    private readonly Action<int, int, string> _error;
    private int _pos;
    private int _line;
    private int _column;
    private char _current;
    private int _recordStart = -1;
    private readonly bool _textFormat;

    /// <summary>
    /// A tokenizer of <paramref name="text"/>; with <paramref name="textFormat"/>, as protoc's text-format parser sets
    /// it up: <c>#</c> starts a line comment (<c>/</c> is a symbol) and a decimal number may end in <c>f</c>.
    /// </summary>
    public Lexer(string text, Action<int, int, string> error, bool textFormat = false)
    {
        _text = text;
        _error = error;
        _textFormat = textFormat;
        _current = text.Length > 0 ? text[0] : '\0';
        Current = new Token(TokenKind.EndOfFile, "", 0, 0, 0);
        Previous = Current;
    }

    /// <summary>The token the parser is looking at.</summary>
    public Token Current { get; private set; }

    /// <summary>The token before <see cref="Current"/>.</summary>
    public Token Previous { get; private set; }

    /// <summary>Whether the lexer has not yet read its first token.</summary>
    public bool AtStart { get; private set; } = true;

    private void NextChar()
    {
        if (_current == '\n')
        {
            _line++;
            _column = 0;
        }
        else if (_current == '\t')
        {
            _column += 8 - (_column % 8);
        }
        else if (_current < 0x80)
        {
            _column++;
        }
        else
        {
            // protoc counts columns in bytes of UTF-8.
            _column += _current < 0x800 || char.IsSurrogate(_current) ? 2 : 3;
        }

        _pos++;
        _current = _pos < _text.Length ? _text[_pos] : '\0';
    }

    private bool AtEnd => _pos >= _text.Length;

    private bool TryConsume(char c)
    {
        if (_current == c && !AtEnd)
        {
            NextChar();
            return true;
        }

        return false;
    }

    private static bool IsWhitespaceNoNewline(char c) => c is ' ' or '\t' or '\r' or '\v' or '\f';

    private static bool IsLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsHexDigit(char c) => IsDigit(c) || c is (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static bool IsOctalDigit(char c) => c is >= '0' and <= '7';

    private void ConsumeWhitespaceNoNewline()
    {
        while (!AtEnd && IsWhitespaceNoNewline(_current))
        {
            NextChar();
        }
    }

    private void Error(string message)
    {
        if (!_peeking)
        {
            _error(_line, _column, message);
        }
    }

    /// <summary>Reads the next token, skipping comments.</summary>
    public bool Next()
    {
        Previous = Current;
        AtStart = false;
        while (true)
        {
            while (!AtEnd && (IsWhitespaceNoNewline(_current) || _current == '\n'))
            {
                NextChar();
            }

            switch (TryConsumeCommentStart())
            {
                case CommentStart.Line:
                    ConsumeLineComment(null);
                    continue;
                case CommentStart.Block:
                    ConsumeBlockComment(null);
                    continue;
                case CommentStart.SlashNotComment:
                    return true;
            }

            if (AtEnd)
            {
                Current = new Token(TokenKind.EndOfFile, "", _line, _column, _column) { Offset = _pos };
                return false;
            }

            if (ReadToken())
            {
                return true;
            }
        }
    }

    // Reads one token at the current position; false when the character was skipped after an error.
    private bool ReadToken()
    {
        int startPos = _pos;
        int startLine = _line;
        int startColumn = _column;
        TokenKind kind;
        char c = _current;
        if (c < ' ' && c != '\0' || c == 0x7f)
        {
            Error("Invalid control characters encountered in text.");
            NextChar();
            // protoc skips a run of invalid characters and keeps going.
            while (!AtEnd && (_current < ' ' && !IsWhitespaceNoNewline(_current) && _current != '\n' || _current == 0x7f))
            {
                NextChar();
            }

            return false;
        }

        if (IsLetter(c))
        {
            NextChar();
            while (!AtEnd && (IsLetter(_current) || IsDigit(_current)))
            {
                NextChar();
            }

            kind = TokenKind.Identifier;
        }
        else if (IsDigit(c))
        {
            kind = ConsumeNumber(startedWithZero: c == '0', startedWithDot: false);
        }
        else if (c == '"' || c == '\'')
        {
            NextChar();
            ConsumeString(c);
            kind = TokenKind.String;
        }
        else if (c == '.')
        {
            NextChar();
            if (IsDigit(_current))
            {
                kind = ConsumeNumber(startedWithZero: false, startedWithDot: true);
            }
            else
            {
                kind = TokenKind.Symbol;
            }
        }
        else
        {
            if (c >= 0x80)
            {
                // protoc reads bytes: it reports the first byte of the character's UTF-8 encoding.
                int codePoint = char.IsHighSurrogate(c) && _pos + 1 < _text.Length ? char.ConvertToUtf32(c, _text[_pos + 1]) : c;
                int firstByte = codePoint < 0x800 ? 0xC0 | (codePoint >> 6) : codePoint < 0x10000 ? 0xE0 | (codePoint >> 12) : 0xF0 | (codePoint >> 18);
                Error($"Interpreting non ascii codepoint {firstByte}.");
                if (char.IsHighSurrogate(c) && _pos + 1 < _text.Length)
                {
                    NextChar();
                }
            }

            NextChar();
            kind = TokenKind.Symbol;
        }

        Current = new Token(kind, TokenTexts.Get(_text, startPos, _pos - startPos), startLine, startColumn, _column) { Offset = startPos };
        return true;
    }

    private TokenKind ConsumeNumber(bool startedWithZero, bool startedWithDot)
    {
        bool isFloat = false;
        if (startedWithZero && !startedWithDot)
        {
            NextChar();
            if (_current is 'x' or 'X')
            {
                NextChar();
                if (!IsHexDigit(_current))
                {
                    Error("\"0x\" must be followed by hex digits.");
                }

                while (IsHexDigit(_current))
                {
                    NextChar();
                }
            }
            else if (IsDigit(_current))
            {
                while (IsOctalDigit(_current))
                {
                    NextChar();
                }

                if (IsDigit(_current))
                {
                    Error("Numbers starting with leading zero must be in octal.");
                    while (IsDigit(_current))
                    {
                        NextChar();
                    }
                }
            }
            else
            {
                isFloat = ConsumeFraction() | ConsumeFloatSuffix();
            }
        }
        else if (startedWithDot)
        {
            isFloat = true;
            while (IsDigit(_current))
            {
                NextChar();
            }

            ConsumeExponent();
            ConsumeFloatSuffix();
        }
        else
        {
            while (IsDigit(_current))
            {
                NextChar();
            }

            isFloat = ConsumeFraction() | ConsumeFloatSuffix();
        }

        if (IsLetter(_current))
        {
            Error("Need space between number and identifier.");
        }
        else if (_current == '.')
        {
            if (isFloat)
            {
                Error("Already saw decimal point or exponent; can't have another one.");
            }
            else
            {
                Error("Hex and octal numbers must be integers.");
            }
        }

        return isFloat ? TokenKind.Float : TokenKind.Integer;
    }

    // After the integer part of a decimal number: an optional fraction and exponent.
    private bool ConsumeFraction()
    {
        bool isFloat = false;
        if (_current == '.')
        {
            isFloat = true;
            NextChar();
            while (IsDigit(_current))
            {
                NextChar();
            }
        }

        return ConsumeExponent() || isFloat;
    }

    // Text format reads a decimal number with an f suffix as a float (1f, 1.5F), as protoc's tokenizer allows there.
    private bool ConsumeFloatSuffix() => _textFormat && (TryConsume('f') || TryConsume('F'));

    private bool ConsumeExponent()
    {
        if (_current is 'e' or 'E')
        {
            NextChar();
            if (_current is '-' or '+')
            {
                NextChar();
            }

            if (!IsDigit(_current))
            {
                Error("\"e\" must be followed by exponent.");
            }

            while (IsDigit(_current))
            {
                NextChar();
            }

            return true;
        }

        return false;
    }

    private void ConsumeString(char delimiter)
    {
        while (true)
        {
            switch (_current)
            {
                case '\0' when AtEnd:
                    Error("Unexpected end of string.");
                    return;
                case '\n':
                    Error("Multiline strings are not allowed. Did you miss a \"?."); // protoc 35.1's text, whatever the delimiter
                    return;
                case '\\':
                    NextChar();
                    if (_current is 'a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v' or '\\' or '?' or '\'' or '"')
                    {
                        NextChar();
                    }
                    else if (IsOctalDigit(_current))
                    {
                        NextChar();
                    }
                    else if (_current is 'x' or 'X')
                    {
                        NextChar();
                        if (!IsHexDigit(_current))
                        {
                            Error("Expected hex digits for escape sequence.");
                        }
                    }
                    else if (_current is 'u')
                    {
                        NextChar();
                        for (int i = 0; i < 4; i++)
                        {
                            if (!IsHexDigit(_current))
                            {
                                Error("Expected four hex digits for \\u escape sequence.");
                                break;
                            }

                            NextChar();
                        }
                    }
                    else if (_current is 'U')
                    {
                        NextChar();
                        bool ok = _current == '0' && _pos + 1 < _text.Length && _text[_pos + 1] == '0';
                        for (int i = 0; i < 8 && ok; i++)
                        {
                            if (!IsHexDigit(_current))
                            {
                                ok = false;
                                break;
                            }

                            NextChar();
                        }

                        if (!ok)
                        {
                            Error("Expected eight hex digits up to 10ffff for \\U escape sequence");
                        }
                    }
                    else
                    {
                        Error("Invalid escape sequence in string literal.");
                    }

                    break;
                default:
                    if (_current == delimiter)
                    {
                        NextChar();
                        return;
                    }

                    NextChar();
                    break;
            }
        }
    }
}
