using System.Text;

namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// Records one source code info location the way protoc's parser does: the location is added when the
/// recorder is created (so locations come in pre-order), starts at the current token, and ends at the
/// previous token when disposed unless ended explicitly. A root created with <c>enabled: false</c> (no source
/// info asked for) records nothing: it is its own every child, shares one inert location and builds no paths.
/// </summary>
internal sealed class LocationRecorder : IDisposable
{
    private readonly Lexer _lexer;
    private readonly bool _enabled;
    private readonly SourceLocation _location;
    private int[] _path;

    public LocationRecorder(Lexer lexer, List<SourceLocation> target, bool enabled = true)
    {
        _lexer = lexer;
        _enabled = enabled;
        _path = [];
        Target = target;
        _location = enabled ? new SourceLocation([]) : Inert;
        if (enabled)
        {
            target.Add(_location);
            StartAt(lexer.Current);
        }
    }

    // Only for enabled parents (see Child).
    private LocationRecorder(LocationRecorder parent, List<SourceLocation> target, ReadOnlySpan<int> path)
    {
        _lexer = parent._lexer;
        _enabled = true;
        Target = target;
        _path = new int[parent._path.Length + path.Length];
        parent._path.CopyTo(_path, 0);
        path.CopyTo(_path.AsSpan(parent._path.Length));
        _location = new SourceLocation([]);
        target.Add(_location);
        StartAt(_lexer.Current);
    }

    /// <summary>
    /// A recorder for a part of this one's element (its path extended by <paramref name="path"/>), added to the same
    /// locations. When recording is off, this recorder itself: nothing is allocated per element.
    /// </summary>
    public LocationRecorder Child(params ReadOnlySpan<int> path) => _enabled ? new LocationRecorder(this, Target, path) : this;

    /// <summary>Like <see cref="Child(ReadOnlySpan{int})"/>, adding the location to <paramref name="target"/>.</summary>
    public LocationRecorder Child(List<SourceLocation> target, params ReadOnlySpan<int> path) =>
        _enabled ? new LocationRecorder(this, target, path) : this;

    // What every disabled recorder hands out; never written to, never added to a file's locations.
    private static SourceLocation Inert { get; } = new([]);

    /// <summary>
    /// The location being recorded; null when recording is off, so that later stages (the binder's option paths) skip
    /// the work that only source info needs, as they do for elements the parser made up.
    /// </summary>
    public SourceLocation? Location => _enabled ? _location : null;

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

        _location.StartLine = token.Line;
        _location.StartColumn = token.Column;
    }

    public void StartAt(LocationRecorder other)
    {
        if (!_enabled)
        {
            return;
        }

        _location.StartLine = other._location.StartLine;
        _location.StartColumn = other._location.StartColumn;
    }

    public void EndAt(Token token)
    {
        if (!_enabled)
        {
            return;
        }

        _location.EndLine = token.Line;
        _location.EndColumn = token.EndColumn;
    }

    public void AttachComments(StringBuilder leading, StringBuilder trailing, List<string> detached)
    {
        if (!_enabled)
        {
            return;
        }

        if (leading.Length > 0)
        {
            _location.LeadingComments = leading.ToString();
        }

        if (trailing.Length > 0)
        {
            _location.TrailingComments = trailing.ToString();
        }

        if (detached.Count > 0)
        {
            _location.LeadingDetachedComments = [.. detached];
        }
    }

    public void Dispose()
    {
        if (!_enabled)
        {
            return;
        }

        if (!_location.HasEnd)
        {
            EndAt(_lexer.Previous);
        }

        _location.Path = _path;
    }
}
