using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests;

/// <summary>The Google Ads API (914 files, two import roots) compiles to exactly protoc's descriptor sets.</summary>
public sealed class GoogleAdsCorpusTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void DescriptorSet_MatchesProtoc(bool includeImports, bool includeSourceInfo)
    {
        string root = Corpus.RequireGoogleAds();
        string protobufRoot = Corpus.RequireProtobuf();
        string[] files = File.ReadAllLines(Path.Combine(root, "files.txt")).Where(l => l.Length > 0).ToArray();
        var args = new List<string> { "-I" + root, "-I" + protobufRoot };
        if (includeImports)
        {
            args.Add("--include_imports");
        }

        if (includeSourceInfo)
        {
            args.Add("--include_source_info");
        }

        args.AddRange(files);
        (int exitCode, string error, byte[]? expected) = Protoc.Run(args, root);
        Assert.True(exitCode == 0, error);

        CompilationResult result = ProtoCompiler.Compile(files, [root, protobufRoot], TestContext.Current.CancellationToken);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Take(10)));
        DescriptorAssert.Equal(expected!, result.GetDescriptorSetBytes(includeImports, includeSourceInfo));
    }
}
