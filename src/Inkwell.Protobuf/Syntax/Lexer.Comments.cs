using System.Text;

namespace Inkwell.Protobuf.Syntax;

/// <summary>Comment handling, following protoc's Tokenizer::NextWithComments rules exactly.</summary>
internal sealed partial class Lexer
{
    private enum CommentStart
    {
        None,
        Line,
        Block,
        SlashNotComment,
    }

    private CommentStart TryConsumeCommentStart()
    {
        if (_textFormat)
        {
            // Text format's comments are shell-style; a slash is a symbol.
            return _current == '#' && !AtEnd && TryConsume('#') ? CommentStart.Line : CommentStart.None;
        }

        if (_current != '/' || AtEnd)
        {
            return CommentStart.None;
        }

        int line = _line;
        int column = _column;
        NextChar();
        if (TryConsume('/'))
        {
            return CommentStart.Line;
        }

        if (TryConsume('*'))
        {
            return CommentStart.Block;
        }

        Previous = Current;
        Current = new Token(TokenKind.Symbol, "/", line, column, column + 1) { Offset = _pos - 1 };
        return CommentStart.SlashNotComment;
    }

    private void ConsumeLineComment(StringBuilder? content)
    {
        int start = _pos;
        while (!AtEnd && _current != '\n')
        {
            NextChar();
        }

        TryConsume('\n');
        content?.Append(_text, start, _pos - start);
    }

    private void ConsumeBlockComment(StringBuilder? content)
    {
        int startLine = _line;
        int startColumn = _column - 2;
        _recordStart = _pos;
        while (true)
        {
            while (!AtEnd && _current is not ('*' or '/' or '\n'))
            {
                NextChar();
            }

            if (TryConsume('\n'))
            {
                StopRecording(content);
                ConsumeWhitespaceNoNewline();
                if (TryConsume('*') && TryConsume('/'))
                {
                    break;
                }

                _recordStart = _pos;
            }
            else if (TryConsume('*') && TryConsume('/'))
            {
                StopRecording(content);
                content?.Length -= 2;
                break;
            }
            else if (TryConsume('/') && _current == '*')
            {
                Error("\"/*\" inside block comment.  Block comments cannot be nested.");
            }
            else if (AtEnd)
            {
                Error("End-of-file inside block comment.");
                if (!_peeking)
                {
                    _error(startLine, startColumn, "  Comment started here.");
                }
                StopRecording(content);
                break;
            }
        }
    }

    private void StopRecording(StringBuilder? content)
    {
        if (_recordStart >= 0)
        {
            content?.Append(_text, _recordStart, _pos - _recordStart);
        }

        _recordStart = -1;
    }

    /// <summary>
    /// Reads the next token like <see cref="Next"/>, collecting the comments in between: those that
    /// trail the previous token, those detached from both, and those that lead the next token.
    /// </summary>
    public bool NextWithComments(StringBuilder? previousTrailing, List<string>? detached, StringBuilder? nextLeading)
    {
        var collector = new CommentCollector(previousTrailing, detached, previousTrailing is not null || detached is not null || nextLeading is not null);
        int previousLine = _line;
        int trailingCommentEndLine = -1;

        if (AtStart)
        {
            if (_current == '\uFEFF')
            {
                NextChar();
            }

            collector.DetachFromPrevious();
        }
        else
        {
            ConsumeWhitespaceNoNewline();
            switch (TryConsumeCommentStart())
            {
                case CommentStart.Line:
                    trailingCommentEndLine = _line;
                    ConsumeLineComment(collector.BufferForLineComment());
                    collector.Flush();
                    break;
                case CommentStart.Block:
                    ConsumeBlockComment(collector.BufferForBlockComment());
                    trailingCommentEndLine = _line;
                    ConsumeWhitespaceNoNewline();
                    if (!TryConsume('\n'))
                    {
                        collector.ClearBuffer();
                        return Next();
                    }

                    collector.Flush();
                    break;
                case CommentStart.SlashNotComment:
                    AtStart = false;
                    return true;
                case CommentStart.None:
                    if (!TryConsume('\n'))
                    {
                        return Next();
                    }

                    break;
            }
        }

        while (true)
        {
            ConsumeWhitespaceNoNewline();
            switch (TryConsumeCommentStart())
            {
                case CommentStart.Line:
                    ConsumeLineComment(collector.BufferForLineComment());
                    break;
                case CommentStart.Block:
                    ConsumeBlockComment(collector.BufferForBlockComment());
                    ConsumeWhitespaceNoNewline();
                    TryConsume('\n');
                    break;
                case CommentStart.SlashNotComment:
                    AtStart = false;
                    collector.Finish(nextLeading);
                    return true;
                case CommentStart.None:
                    if (TryConsume('\n'))
                    {
                        collector.Flush();
                        collector.DetachFromPrevious();
                    }
                    else
                    {
                        bool result = Next();
                        if (!result || Current.Text is "}" or "]" or ")")
                        {
                            collector.Flush();
                        }

                        if (result && (previousLine == Current.Line || trailingCommentEndLine == Current.Line))
                        {
                            collector.MaybeDetachComment();
                        }

                        collector.Finish(nextLeading);
                        return result;
                    }

                    break;
            }
        }
    }
}
