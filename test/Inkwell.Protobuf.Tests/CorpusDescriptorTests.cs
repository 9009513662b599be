using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests;

/// <summary>Every file of corpus/protobuf compiles to exactly protoc's descriptor set bytes.</summary>
public sealed class CorpusDescriptorTests
{
    public static IEnumerable<TheoryDataRow<string>> Files() => Corpus.ProtobufFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void DescriptorSet_MatchesProtoc(string file) => AssertMatches(file, includeImports: false, includeSourceInfo: false);

    [Theory]
    [MemberData(nameof(Files))]
    public void DescriptorSetWithImports_MatchesProtoc(string file) => AssertMatches(file, includeImports: true, includeSourceInfo: false);

    [Theory]
    [MemberData(nameof(Files))]
    public void DescriptorSetWithSourceInfo_MatchesProtoc(string file) => AssertMatches(file, includeImports: false, includeSourceInfo: true);

    [Theory]
    [MemberData(nameof(Files))]
    public void DescriptorSetWithImportsAndSourceInfo_MatchesProtoc(string file) => AssertMatches(file, includeImports: true, includeSourceInfo: true);

    internal static void AssertMatches(string file, bool includeImports, bool includeSourceInfo)
    {
        string root = Corpus.RequireProtobuf();
        var args = new List<string> { "-I" + root, file };
        if (includeImports)
        {
            args.Add("--include_imports");
        }

        if (includeSourceInfo)
        {
            args.Add("--include_source_info");
        }

        (int exitCode, string error, byte[]? expected) = Protoc.Run(args, root);
        Assert.True(exitCode == 0, error);

        CompilationResult result = ProtoCompiler.Compile([file], [root], TestContext.Current.CancellationToken);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        byte[] actual = result.GetDescriptorSetBytes(includeImports, includeSourceInfo);
        DescriptorAssert.Equal(expected!, actual);
    }
}
