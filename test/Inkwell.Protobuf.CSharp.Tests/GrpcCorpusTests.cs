using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;

namespace Inkwell.Protobuf.CSharp.Tests;

/// <summary>
/// Every corpus file that declares a service (the Google Ads API's 110 service files and google/longrunning; the
/// protobuf test schemas' six), with the default options and with each plugin option: Inkwell's service text is
/// grpc_csharp_plugin 2.85.0's (with protoc 35.1), file names and folders included, but for the tool name. One
/// protoc run and one Inkwell run per corpus and option set: the plugin writes flat, and no two of these files'
/// outputs share a name.
/// </summary>
public sealed class GrpcCorpusTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string corpus in new[] { "googleads", "protobuf" })
        {
            foreach (string options in new[] { "", "no_client", "no_server", "internal_access", "file_suffix=.Services.g.cs", "base_namespace=" })
            {
                data.Add(corpus, options);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GenerateServices_CorpusFilesWithServices_MatchPluginText(string corpus, string options)
    {
        (string root, string[] importRoots) = corpus == "googleads"
            ? (Corpus.RequireGoogleAds(), new[] { Corpus.RequireProtobuf() })
            : (Corpus.RequireProtobuf(), Array.Empty<string>());
        List<string> files = FilesWithServices(root);
        Assert.True(files.Count >= (corpus == "googleads" ? 100 : 6), $"only {files.Count} files with services in {root}");

        FileDescriptorSet set = Protoc.DescriptorSet(root, files, importRoots);
        Dictionary<string, string> expected = Protoc.GenerateGrpc(root, files, options.Length == 0 ? null : options, importRoots);
        IReadOnlyList<GeneratedFile> actual = CSharpGenerator.GenerateServices(set.File, files, GrpcGeneratorOptions.Parse(options));

        Assert.Equal(files.Count, actual.Count);
        GrpcText.AssertSame(expected, actual);
    }

    /// <summary>The .proto files under <paramref name="root"/> that declare a service, as import names.</summary>
    private static List<string> FilesWithServices(string root) =>
        [.. Directory.EnumerateFiles(root, "*.proto", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(line => line.TrimStart().StartsWith("service ", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
