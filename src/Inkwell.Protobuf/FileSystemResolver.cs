#if NET
using System.Buffers;
using Microsoft.Win32.SafeHandles;
#endif
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
    // StreamReader, whose buffers and StringBuilder were a fifth of a large compile's allocations; on .NET the bytes
    // go through a pooled buffer, so reading a file allocates only its string.
    private static string ReadText(string path)
    {
#if NET
        using (SafeFileHandle handle = File.OpenHandle(path))
        {
            long length = RandomAccess.GetLength(handle);
            if (length is > 0 and < int.MaxValue / 2)
            {
                byte[] buffer = ArrayPool<byte>.Shared.Rent((int)length);
                try
                {
                    int count = 0;
                    int read;
                    while (count < buffer.Length && (read = RandomAccess.Read(handle, buffer.AsSpan(count), count)) > 0)
                    {
                        count += read;
                    }

                    if (count < buffer.Length)
                    {
                        return Decode(buffer, count);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
#endif
        // Pipes and files of unknown or changing length.
        byte[] bytes = File.ReadAllBytes(path);
        return Decode(bytes, bytes.Length);
    }

    private static string Decode(byte[] bytes, int count)
    {
        if (count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(bytes, 3, count - 3);
        }

        bool otherByteOrderMark = count >= 2 && (bytes[0], bytes[1]) is (0xFE, 0xFF) or (0xFF, 0xFE)
            || count >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF;
        if (otherByteOrderMark)
        {
            using var reader = new StreamReader(new MemoryStream(bytes, 0, count), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        return Encoding.UTF8.GetString(bytes, 0, count);
    }
}
