namespace Inkwell.Protobuf.Syntax;

/// <summary>One token of lookahead, for the few places the grammar needs it.</summary>
internal sealed partial class Lexer
{
    /// <summary>The text of the token after <see cref="Current"/> when it is an identifier; otherwise null.</summary>
    public string? PeekIdentifier()
    {
        (int pos, int line, int column, char current, Token cur, Token prev, bool atStart) =
            (_pos, _line, _column, _current, Current, Previous, AtStart);
        Action<int, int, string> error = _error;
        string? result;
        try
        {
            _peeking = true;
            Next();
            result = Current.Kind == TokenKind.Identifier ? Current.Text : null;
        }
        finally
        {
            _peeking = false;
            (_pos, _line, _column, _current, Current, Previous, AtStart) = (pos, line, column, current, cur, prev, atStart);
        }

        return result;
    }

    private bool _peeking;
}
