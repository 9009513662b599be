using System.Text;

namespace Inkwell.Zeroconf.WideArea;

/// <summary>
/// The tokens of BIND's configuration syntax that a key statement uses: words, quoted strings, '{', '}',
/// ';', and the three comment styles (#, //, /* */). Each token comes with its 1-based line and column.
/// </summary>
internal struct BindConfigTokenizer(string text, string source)
{
    private int _position;
    private int _line = 1;
    private int _lineStart;

    /// <summary>The next token; throws <see cref="FormatException"/> at the end of the text.</summary>
    public (string Token, (int Line, int Column) At) Next(string expected)
    {
        SkipSpaceAndComments();
        (int Line, int Column) at = (_line, _position - _lineStart + 1);
        if (_position >= text.Length)
        {
            throw new FormatException($"{source}:{at.Line}:{at.Column}: the text ends where {expected} was expected.");
        }
        char c = text[_position];
        if (c is '{' or '}' or ';')
        {
            _position++;
            return (c.ToString(), at);
        }
        var token = new StringBuilder();
        if (c == '"')
        {
            _position++;
            while (_position < text.Length && text[_position] != '"')
            {
                if (text[_position] == '\n')
                {
                    throw new FormatException($"{source}:{at.Line}:{at.Column}: a quoted string runs past the end of the line.");
                }
                token.Append(text[_position++]);
            }
            if (_position >= text.Length)
            {
                throw new FormatException($"{source}:{at.Line}:{at.Column}: a quoted string is not closed.");
            }
            _position++;
            return (token.ToString(), at);
        }
        while (_position < text.Length && !char.IsWhiteSpace(text[_position]) && text[_position] is not ('{' or '}' or ';' or '"'))
        {
            token.Append(text[_position++]);
        }
        return (token.ToString(), at);
    }

    /// <summary>Reads a token and checks it is <paramref name="expected"/> (case-insensitively).</summary>
    public void Expect(string expected)
    {
        (string token, (int line, int column)) = Next($"'{expected}'");
        if (!token.Equals(expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"{source}:{line}:{column}: expected '{expected}', found '{token}'.");
        }
    }

    private void SkipSpaceAndComments()
    {
        while (_position < text.Length)
        {
            char c = text[_position];
            if (c == '\n')
            {
                _position++;
                _line++;
                _lineStart = _position;
            }
            else if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                while (_position < text.Length && text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                _position += 2;
                while (_position < text.Length && !(text[_position] == '*' && Peek(1) == '/'))
                {
                    if (text[_position] == '\n')
                    {
                        _line++;
                        _lineStart = _position + 1;
                    }
                    _position++;
                }
                _position = Math.Min(_position + 2, text.Length);
            }
            else
            {
                return;
            }
        }
    }

    private readonly char Peek(int ahead) => _position + ahead < text.Length ? text[_position + ahead] : '\0';
}
