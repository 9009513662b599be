namespace Inkwell.Protobuf.Syntax;

/// <summary>One token of lookahead, for the few places the grammar needs it.</summary>
internal sealed partial class Lexer
{
    private bool _peeking;

    /// <summary>Whether the token after <see cref="Current"/> is <paramref name="text"/> (not a string).</summary>
    public bool PeekIs(string text) => Peek().Is(text);

    /// <summary>The kind of the token after <see cref="Current"/>.</summary>
    public TokenKind PeekKind() => Peek().Kind;

    private Token Peek()
    {
        (int pos, int line, int column, char current, Token cur, Token prev, bool atStart) =
            (_pos, _line, _column, _current, Current, Previous, AtStart);
        try
        {
            _peeking = true;
            Next();
            return Current;
        }
        finally
        {
            _peeking = false;
            (_pos, _line, _column, _current, Current, Previous, AtStart) = (pos, line, column, current, cur, prev, atStart);
        }
    }
}
