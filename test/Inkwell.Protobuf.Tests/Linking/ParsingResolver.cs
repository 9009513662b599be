using System.Diagnostics.CodeAnalysis;

namespace Inkwell.Protobuf.Tests.Linking;

/// <summary>Parses each file of a text resolver once, on first request, and counts the parses (what an incremental caller keeps).</summary>
internal sealed class ParsingResolver(IProtoFileResolver inner, ProtoCompilerOptions? options = null) : IParsedProtoFileResolver
{
    private readonly Dictionary<string, ParsedProtoFile> _parsed = new(StringComparer.Ordinal);

    public int ParseCount { get; private set; }

    public IReadOnlyDictionary<string, ParsedProtoFile> Parsed => _parsed;

    public bool TryGet(string name, [NotNullWhen(true)] out ParsedProtoFile? file)
    {
        lock (_parsed)
        {
            if (_parsed.TryGetValue(name, out file))
            {
                return true;
            }

            if (!inner.TryRead(name, out string text, out string displayPath))
            {
                return false;
            }

            ParseCount++;
            file = _parsed[name] = ParsedProtoFile.Parse(text, displayPath, options, TestContext.Current.CancellationToken);
            return true;
        }
    }

    /// <summary>Replaces one file's parse, as a caller does after an edit.</summary>
    public void Replace(string name, string text)
    {
        lock (_parsed)
        {
            ParseCount++;
            _parsed[name] = ParsedProtoFile.Parse(text, name, options, TestContext.Current.CancellationToken);
        }
    }
}
