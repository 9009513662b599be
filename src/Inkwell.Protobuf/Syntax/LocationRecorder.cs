using System.Text;

namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// Records one source code info location the way protoc's parser does: the location is added when the
/// recorder is created (so locations come in pre-order), starts at the current token, and ends at the
/// previous token when disposed unless ended explicitly.
/// </summary>
internal sealed class LocationRecorder : IDisposable
{
    private readonly Lexer _lexer;
    private int[] _path;

    public LocationRecorder(Lexer lexer, List<SourceLocation> target)
    {
        _lexer = lexer;
        _path = [];
        Location = new SourceLocation([]);
        Target = target;
        target.Add(Location);
        StartAt(lexer.Current);
    }

    public LocationRecorder(LocationRecorder parent, params int[] path)
        : this(parent, parent.Target, path)
    {
    }

    public LocationRecorder(LocationRecorder parent, List<SourceLocation> target, params int[] path)
    {
        _lexer = parent._lexer;
        _path = new int[parent._path.Length + path.Length];
        parent._path.CopyTo(_path, 0);
        path.CopyTo(_path, parent._path.Length);
        Location = new SourceLocation([]);
        Target = target;
        target.Add(Location);
        StartAt(_lexer.Current);
    }

    public SourceLocation Location { get; }

    public List<SourceLocation> Target { get; }

    public int PathCount => _path.Length;

    public void AddPath(int component)
    {
        Array.Resize(ref _path, _path.Length + 1);
        _path[^1] = component;
    }

    public void StartAt(Token token)
    {
        Location.StartLine = token.Line;
        Location.StartColumn = token.Column;
    }

    public void StartAt(LocationRecorder other)
    {
        Location.StartLine = other.Location.StartLine;
        Location.StartColumn = other.Location.StartColumn;
    }

    public void EndAt(Token token)
    {
        Location.EndLine = token.Line;
        Location.EndColumn = token.EndColumn;
    }

    public void AttachComments(StringBuilder leading, StringBuilder trailing, List<string> detached)
    {
        if (leading.Length > 0)
        {
            Location.LeadingComments = leading.ToString();
        }

        if (trailing.Length > 0)
        {
            Location.TrailingComments = trailing.ToString();
        }

        if (detached.Count > 0)
        {
            Location.LeadingDetachedComments = [.. detached];
        }
    }

    public void Dispose()
    {
        if (!Location.HasEnd)
        {
            EndAt(_lexer.Previous);
        }

        Location.Path = _path;
    }
}
