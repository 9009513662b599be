using System.Text;

namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// protoc's recursive-descent parser for .proto files: same grammar, same error texts and recovery, and
/// the same source code info locations. Builds a <see cref="FileSyntax"/>.
/// </summary>
internal sealed partial class Parser
{
    private readonly Lexer _lexer;
    private readonly string _fileName;
    private readonly Action<int, int, string, DiagnosticSeverity> _report;
    private StringBuilder _upcomingDocComments = new();
    private List<string> _upcomingDetachedComments = [];
    private int _depth;
    private StringBuilder _spareLeading = new();
    private readonly StringBuilder _spareTrailing = new();
    private List<string> _spareDetached = [];

    private readonly bool _recordSourceInfo;

    private Parser(string text, string fileName, Action<int, int, string, DiagnosticSeverity> report, bool recordSourceInfo)
    {
        _recordSourceInfo = recordSourceInfo;
        _report = report;
        _lexer = new Lexer(text, (line, column, message) => report(line, column, message, DiagnosticSeverity.Error));
        _fileName = fileName;
    }

    /// <summary>Whether any error was reported while parsing.</summary>
    public bool HadErrors { get; private set; }

    /// <summary>Parses <paramref name="text"/>; errors and warnings go to <paramref name="report"/> (zero-based positions).</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The file's import name.</param>
    /// <param name="report">Where errors and warnings go.</param>
    /// <param name="hadErrors">Whether any error was reported.</param>
    /// <param name="recordSourceInfo">Whether to record source locations and comments; without them the file is parsed faster but cannot give source code info.</param>
    public static FileSyntax Parse(string text, string fileName, Action<int, int, string, DiagnosticSeverity> report, out bool hadErrors, bool recordSourceInfo = true)
    {
        bool errors = false;
        var parser = new Parser(text, fileName, (line, column, message, severity) =>
        {
            errors |= severity == DiagnosticSeverity.Error;
            report(line, column, message, severity);
        }, recordSourceInfo);
        parser.ParseFile();
        FileSyntax file = parser.BuildFile();
        NameDeclarations(file);
        hadErrors = errors;
        return file;
    }

    private Token Current => _lexer.Current;

    private bool AtEnd => Current.Kind == TokenKind.EndOfFile;

    private bool LookingAt(string text) => Current.Is(text);

    private bool LookingAt(TokenKind kind) => Current.Kind == kind;

    private void Error(string message) => Error(Current, message);

    private void Error(Token token, string message) => Error(token.Line, token.Column, message);

    private void Error(int line, int column, string message)
    {
        HadErrors = true;
        _report(line, column, message, DiagnosticSeverity.Error);
    }

    private void Warning(int line, int column, string message) => _report(line, column, message, DiagnosticSeverity.Warning);

    private bool TryConsume(string text)
    {
        if (LookingAt(text))
        {
            _lexer.Next();
            return true;
        }

        return false;
    }

    private bool Consume(string text, string? error = null)
    {
        if (TryConsume(text))
        {
            return true;
        }

        Error(error ?? $"Expected \"{text}\".");
        return false;
    }

    private bool ConsumeIdentifier(out string identifier, string error)
    {
        if (LookingAt(TokenKind.Identifier))
        {
            identifier = Current.Text;
            _lexer.Next();
            return true;
        }

        identifier = "";
        Error(error);
        return false;
    }

    private bool ConsumeInteger(out int value, string error)
    {
        value = 0;
        if (!LookingAt(TokenKind.Integer))
        {
            Error(error);
            return false;
        }

        if (!Literals.TryParseInteger(Current.Text, int.MaxValue, out ulong parsed))
        {
            Error("Integer out of range.");
        }

        value = (int)parsed;
        _lexer.Next();
        return true;
    }

    private bool ConsumeSignedInteger(out int value, string error)
    {
        ulong max = int.MaxValue;
        bool negative = false;
        if (TryConsume("-"))
        {
            negative = true;
            max++;
        }

        value = 0;
        if (!LookingAt(TokenKind.Integer))
        {
            Error(error);
            return false;
        }

        if (!Literals.TryParseInteger(Current.Text, max, out ulong parsed))
        {
            Error("Integer out of range.");
        }

        value = negative ? (int)(0 - (long)parsed) : (int)parsed;
        _lexer.Next();
        return true;
    }

    private bool ConsumeInteger64(ulong max, out ulong value, string error)
    {
        value = 0;
        if (!LookingAt(TokenKind.Integer))
        {
            Error(error);
            return false;
        }

        if (!Literals.TryParseInteger(Current.Text, max, out value))
        {
            Error("Integer out of range.");
        }

        _lexer.Next();
        return true;
    }

    private bool ConsumeNumber(out double value, string error)
    {
        value = 0;
        if (LookingAt(TokenKind.Float))
        {
            value = Literals.ParseFloat(Current.Text);
            _lexer.Next();
            return true;
        }

        if (LookingAt(TokenKind.Integer))
        {
            if (Literals.TryParseInteger(Current.Text, ulong.MaxValue, out ulong integer))
            {
                value = integer;
            }
            else if (Current.Text[0] == '0' || !Literals.TryParseDouble(Current.Text, out value))
            {
                Error("Integer out of range.");
            }

            _lexer.Next();
            return true;
        }

        if (LookingAt("inf"))
        {
            value = double.PositiveInfinity;
            _lexer.Next();
            return true;
        }

        if (LookingAt("nan"))
        {
            value = Literals.NaN;
            _lexer.Next();
            return true;
        }

        Error(error);
        return false;
    }

    private bool ConsumeString(out byte[] value, string error)
    {
        if (!ConsumeStringLiterals(error, out string? plain, out List<byte>? bytes))
        {
            value = [];
            return false;
        }

        if (plain is null)
        {
            value = [.. bytes!];
            return true;
        }

        value = new byte[plain.Length];
        for (int i = 0; i < plain.Length; i++)
        {
            value[i] = (byte)plain[i];
        }

        return true;
    }

    private bool ConsumeString(out string value, string error)
    {
        if (!ConsumeStringLiterals(error, out string? plain, out List<byte>? bytes))
        {
            value = "";
            return false;
        }

        value = plain ?? Literals.Utf8.GetString([.. bytes!]);
        return true;
    }

    // One or more adjacent string literals (protoc concatenates them). The common case, a single literal of plain
    // ASCII, comes back as its text between the quotes (no byte list); anything else as the unescaped bytes.
    private bool ConsumeStringLiterals(string error, out string? plain, out List<byte>? bytes)
    {
        plain = null;
        bytes = null;
        if (!LookingAt(TokenKind.String))
        {
            Error(error);
            return false;
        }

        string first = Current.Text;
        _lexer.Next();
        if (!LookingAt(TokenKind.String) && IsPlainAscii(first))
        {
            plain = first.Substring(1, first.Length - 2);
            return true;
        }

        bytes = new List<byte>(first.Length);
        Literals.UnescapeString(first, bytes);
        while (LookingAt(TokenKind.String))
        {
            Literals.UnescapeString(Current.Text, bytes);
            _lexer.Next();
        }

        return true;
    }

    // A complete string literal (closing quote included) of printable ASCII without backslashes: its value is its text.
    private static bool IsPlainAscii(string literal)
    {
        if (literal.Length < 2 || literal[^1] != literal[0])
        {
            return false;
        }

        for (int i = 1; i < literal.Length - 1; i++)
        {
            if (literal[i] is < ' ' or >= (char)0x7F or '\\')
            {
                return false;
            }
        }

        return true;
    }

    private bool ConsumeEndOfDeclaration(string text, LocationRecorder? location)
    {
        if (TryConsumeEndOfDeclaration(text, location))
        {
            return true;
        }

        Error($"Expected \"{text}\".");
        return false;
    }

    // Consumes a ';', '{' or '}' and hands the comments collected around it to the declaration.
    private bool TryConsumeEndOfDeclaration(string text, LocationRecorder? location)
    {
        if (!LookingAt(text))
        {
            return false;
        }

        if (!_recordSourceInfo)
        {
            _lexer.Next(); // comments only matter for source info
            return true;
        }

        // The buffers are reused: AttachComments copies what it keeps.
        StringBuilder leading = _spareLeading;
        StringBuilder trailing = _spareTrailing;
        List<string> detached = _spareDetached;
        leading.Clear();
        trailing.Clear();
        detached.Clear();
        _lexer.NextWithComments(trailing, detached, leading);
        (leading, _upcomingDocComments) = (_upcomingDocComments, leading);
        if (location is not null)
        {
            (_upcomingDetachedComments, detached) = (detached, _upcomingDetachedComments);
            location.AttachComments(leading, trailing, detached);
        }
        else if (text == "}")
        {
            (_upcomingDetachedComments, detached) = (detached, _upcomingDetachedComments);
        }
        else
        {
            _upcomingDetachedComments.AddRange(detached);
        }

        _spareLeading = leading;
        _spareDetached = detached;
        return true;
    }

    private void SkipStatement()
    {
        while (true)
        {
            if (AtEnd)
            {
                return;
            }

            if (LookingAt(TokenKind.Symbol))
            {
                if (TryConsumeEndOfDeclaration(";", null))
                {
                    return;
                }

                if (TryConsume("{"))
                {
                    SkipRestOfBlock();
                    return;
                }

                if (LookingAt("}"))
                {
                    return;
                }
            }

            _lexer.Next();
        }
    }

    private void SkipRestOfBlock()
    {
        int depth = 1;
        while (true)
        {
            if (AtEnd)
            {
                return;
            }

            if (LookingAt(TokenKind.Symbol))
            {
                // Like protoc, a brace that does not end the block is consumed and then the token after it is
                // skipped too, so a nested block can swallow its parent's closing brace (and the error recovery of
                // protoc, with it the errors it reports later, depends on that).
                if (TryConsumeEndOfDeclaration("}", null))
                {
                    if (--depth == 0)
                    {
                        return;
                    }
                }
                else if (TryConsume("{"))
                {
                    depth++;
                }
            }

            _lexer.Next();
        }
    }
}
