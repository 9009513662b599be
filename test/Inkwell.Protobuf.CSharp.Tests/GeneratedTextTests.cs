using Inkwell.Protobuf.CSharp.Tests.Infrastructure;

namespace Inkwell.Protobuf.CSharp.Tests;

/// <summary>
/// The strongest parity check: with size caching off (<c>cache_sizes=false</c>), Inkwell writes the same
/// text as protoc 35.1's <c>--csharp_out</c>, line for line, except for the tool name in the header and in
/// <c>[GeneratedCode]</c>. (With caching on, the write paths differ; the other tests cover that output.)
/// </summary>
public sealed class GeneratedTextTests
{
    [Fact]
    public void Generate_OwnSchemas_MatchesProtocText()
    {
        GeneratedPair pair = GeneratedPair.For(Schemas.OwnRoot, Schemas.OwnFiles, cacheSizes: false);
        AssertSameText(pair);
    }

    [Theory]
    [InlineData("file_extension=.g.cs")]
    [InlineData("base_namespace=Inkwell")]
    [InlineData("base_namespace=")]
    [InlineData("internal_access,serializable")]
    public void Generate_WithOptions_MatchesProtocText(string options)
    {
        GeneratedPair pair = GeneratedPair.For(Schemas.OwnRoot, Schemas.OwnFiles.Where(f => f.Contains("proto3", StringComparison.Ordinal) || f.Contains("shared", StringComparison.Ordinal)).ToList(), options, cacheSizes: false);
        AssertSameText(pair);
    }

    [Theory]
    [MemberData(nameof(Schemas.CorpusFiles), MemberType = typeof(Schemas))]
    public void Generate_CorpusFile_MatchesProtocText(string file)
    {
        string root = Schemas.CorpusRootFor(file);
        GeneratedPair pair = GeneratedPair.For(root, [file], cacheSizes: false);
        AssertSameText(pair);
    }

    private static void AssertSameText(GeneratedPair pair)
    {
        Assert.Equal(pair.ProtocSources.Keys.Order(StringComparer.Ordinal), pair.InkwellSources.Keys.Order(StringComparer.Ordinal));
        foreach ((string path, string expected) in pair.ProtocSources)
        {
            string actual = GeneratedPair.NormalizeToProtoc(pair.InkwellSources[path]);
            if (actual != expected)
            {
                string[] expectedLines = expected.Split('\n');
                string[] actualLines = actual.Split('\n');
                int line = 0;
                while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
                {
                    line++;
                }
                Assert.Fail($"{path} differs from protoc's at line {line + 1}:\n  protoc:  {At(expectedLines, line)}\n  inkwell: {At(actualLines, line)}");
            }
        }
    }

    private static string At(string[] lines, int index) => index < lines.Length ? lines[index] : "(end of file)";
}
