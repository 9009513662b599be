using System.Text;

namespace Inkwell.Protobuf.Tests;

/// <summary>
/// <see cref="FileSystemResolver"/> decodes files itself (no StreamReader, for speed); the text must stay exactly what
/// <see cref="File.ReadAllText(string)"/> gives, byte order marks and invalid UTF-8 included.
/// </summary>
public sealed class FileSystemResolverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("inkwell-resolver-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string, byte[]> Contents => new()
    {
        { "empty", [] },
        { "ascii", Encoding.ASCII.GetBytes("syntax = \"proto3\";\nmessage A {}\n") },
        { "utf-8 without mark", Encoding.UTF8.GetBytes("// héllo 🦆\nmessage A {}\n") },
        { "utf-8 mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("message A {}\n")] },
        { "utf-8 mark alone", [0xEF, 0xBB, 0xBF] },
        { "utf-16 LE mark", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("message A {}\n")] },
        { "utf-16 BE mark", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("message A {}\n")] },
        { "utf-32 LE mark", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes("message A {}\n")] },
        { "invalid utf-8", [0x6D, 0xFF, 0xC3, 0x28, 0xE2, 0x82, 0x0A, 0xF0, 0x9F, 0xA6] },
        { "large (beyond one pooled buffer size class)", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("message Ä { string s = 1; }\n", 10_000))) },
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void TryRead_GivesWhatFileReadAllTextGives(string name, byte[] bytes)
    {
        string path = Path.Combine(_root, "a.proto");
        File.WriteAllBytes(path, bytes);
        var resolver = new FileSystemResolver([_root]);

        Assert.True(resolver.TryRead("a.proto", out string content, out string displayPath), name);

        Assert.Equal(File.ReadAllText(path), content);
        Assert.Equal(_root + "/a.proto", displayPath);
    }

    [Fact]
    public void TryRead_MissingFile_IsNotFound()
    {
        var resolver = new FileSystemResolver([_root]);

        Assert.False(resolver.TryRead("missing.proto", out string content, out _));
        Assert.Equal("", content);
    }
}
