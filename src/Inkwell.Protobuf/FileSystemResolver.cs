namespace Inkwell.Protobuf;

/// <summary>Resolves import names against import roots on disk, first match wins (protoc's <c>-I</c>).</summary>
/// <param name="importPaths">The import roots, in search order.</param>
public sealed class FileSystemResolver(IEnumerable<string> importPaths) : IProtoFileResolver
{
    private readonly string[] _roots = [.. importPaths];

    /// <summary>The import roots, in search order.</summary>
    public IReadOnlyList<string> ImportPaths => _roots;

    /// <inheritdoc/>
    public bool TryRead(string name, out string content, out string displayPath)
    {
        foreach (string root in _roots)
        {
            // protoc shows root + "/" + name as is (so "dir/" gives "dir//x.proto"), and drops a "." root.
            string path = root.Length == 0 || root == "." ? name : root + "/" + name;
            if (File.Exists(path))
            {
                content = File.ReadAllText(path);
                displayPath = path;
                return true;
            }
        }

        content = "";
        displayPath = name;
        return false;
    }
}
