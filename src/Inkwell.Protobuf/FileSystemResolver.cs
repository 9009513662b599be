using System.Text;

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
                content = ReadText(path);
                displayPath = path;
                return true;
            }
        }

        content = "";
        displayPath = name;
        return false;
    }

    // File.ReadAllText's result (UTF-8 unless a byte order mark says otherwise, invalid bytes as U+FFFD) without its
    // StreamReader, whose buffers and StringBuilder were a fifth of a large compile's allocations.
    private static string ReadText(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        bool otherByteOrderMark = bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFE, 0xFF) or (0xFF, 0xFE)
            || bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF;
        if (otherByteOrderMark)
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
