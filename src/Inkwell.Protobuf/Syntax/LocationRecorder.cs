using System.Text;

namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// Records one source code info location the way protoc's parser does: the location is added when the
/// recorder is created (so locations come in pre-order), starts at the current token, and ends at the
/// previous token when disposed unless ended explicitly. A root created with <c>enabled: false</c> (no source
/// info asked for) and all its children record nothing: they share one inert location and build no paths.
/// </summary>
internal sealed class LocationRecorder : IDisposable
{
    private readonly Lexer _lexer;
    private readonly bool _enabled;
    private int[] _path;

    public LocationRecorder(Lexer lexer, List<SourceLocation> target, bool enabled = true)
    {
        _lexer = lexer;
        _enabled = enabled;
        _path = [];
        Target = target;
        Location = enabled ? new SourceLocation([]) : Inert;
        if (enabled)
        {
            target.Add(Location);
            StartAt(lexer.Current);
        }
    }

    public LocationRecorder(LocationRecorder parent, params ReadOnlySpan<int> path)
        : this(parent, parent.Target, path)
    {
    }

    public LocationRecorder(LocationRecorder parent, List<SourceLocation> target, params ReadOnlySpan<int> path)
    {
        _lexer = parent._lexer;
        _enabled = parent._enabled;
        Target = target;
        if (!_enabled)
        {
            _path = [];
            Location = Inert;
            return;
        }

        _path = new int[parent._path.Length + path.Length];
        parent._path.CopyTo(_path, 0);
        path.CopyTo(_path.AsSpan(parent._path.Length));
        Location = new SourceLocation([]);
        target.Add(Location);
        StartAt(_lexer.Current);
    }

    // What every disabled recorder hands out; never written to, never added to a file's locations.
    private static SourceLocation Inert { get; } = new([]);

    public SourceLocation Location { get; }

    public List<SourceLocation> Target { get; }

    public int PathCount => _path.Length;

    public void AddPath(int component)
    {
        if (!_enabled)
        {
            return;
        }

        Array.Resize(ref _path, _path.Length + 1);
        _path[^1] = component;
    }

    public void StartAt(Token token)
    {
        if (!_enabled)
        {
            return;
        }

        Location.StartLine = token.Line;
        Location.StartColumn = token.Column;
    }

    public void StartAt(LocationRecorder other)
    {
        if (!_enabled)
        {
            return;
        }

        Location.StartLine = other.Location.StartLine;
        Location.StartColumn = other.Location.StartColumn;
    }

    public void EndAt(Token token)
    {
        if (!_enabled)
        {
            return;
        }

        Location.EndLine = token.Line;
        Location.EndColumn = token.EndColumn;
    }

    public void AttachComments(StringBuilder leading, StringBuilder trailing, List<string> detached)
    {
        if (!_enabled)
        {
            return;
        }

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
        if (!_enabled)
        {
            return;
        }

        if (!Location.HasEnd)
        {
            EndAt(_lexer.Previous);
        }

        Location.Path = _path;
    }
}
