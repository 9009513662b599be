using System.Text;

namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// Sorts the comments between two tokens into trailing, detached and leading, as protoc does. Without
/// <paramref name="collecting"/> (no source info wanted) it only skips them: no text is copied.
/// </summary>
internal sealed class CommentCollector(StringBuilder? previousTrailing, List<string>? detached, bool collecting)
{
    private readonly StringBuilder? _buffer = collecting ? new() : null;
    private bool _hasComment;
    private bool _isLineComment;
    private bool _canAttachToPrevious = true;
    private bool _hasTrailingComment;
    private int _commentCount;

    public StringBuilder? BufferForLineComment()
    {
        if (_hasComment && !_isLineComment)
        {
            Flush();
        }

        _hasComment = true;
        _isLineComment = true;
        return _buffer;
    }

    public StringBuilder? BufferForBlockComment()
    {
        if (_hasComment)
        {
            Flush();
        }

        _hasComment = true;
        _isLineComment = false;
        return _buffer;
    }

    public void ClearBuffer()
    {
        _buffer?.Clear();
        _hasComment = false;
    }

    // The buffer is complete and does not belong to the next token.
    public void Flush()
    {
        if (!_hasComment)
        {
            return;
        }

        if (_canAttachToPrevious)
        {
            previousTrailing?.Append(_buffer);
            _hasTrailingComment = true;
            _canAttachToPrevious = false;
        }
        else
        {
            detached?.Add(_buffer!.ToString());
        }

        ClearBuffer();
        _commentCount++;
    }

    public void DetachFromPrevious() => _canAttachToPrevious = false;

    // When the previous and next tokens share a line, a single comment belongs to neither.
    public void MaybeDetachComment()
    {
        int count = _commentCount + (_hasComment ? 1 : 0);
        if (count != 1)
        {
            return;
        }

        if (_hasTrailingComment && previousTrailing is not null)
        {
            detached?.Insert(0, previousTrailing.ToString());
            previousTrailing.Clear();
        }

        _canAttachToPrevious = false;
        Flush();
    }

    // Whatever is still in the buffer leads the next token.
    public void Finish(StringBuilder? nextLeading)
    {
        if (_hasComment && nextLeading is not null)
        {
            nextLeading.Clear();
            nextLeading.Append(_buffer);
        }
    }
}
