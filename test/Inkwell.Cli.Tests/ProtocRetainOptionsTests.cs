using Inkwell.Cli.Tests.Support;

namespace Inkwell.Cli.Tests;

/// <summary>
/// <c>--retain_options</c> against protoc 35.1: the <c>-o</c> set keeps options with <c>retention = RETENTION_SOURCE</c>
/// (and custom options in the order they were set); without it they are stripped. Same bytes, same messages.
/// </summary>
public sealed class ProtocRetainOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inkwell-retain-").FullName;

    public ProtocRetainOptionsTests() => SourceRetentionSchemas.WriteTo(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string[] Roots => ["-I" + _dir, "-I" + ProtocOracle.IncludeDirectory];

    /// <summary>Writes the set with protoc and with inkwell; returns both files' bytes.</summary>
    private async Task<(byte[] Protoc, byte[] Inkwell)> WriteBothAsync(IEnumerable<string> flags)
    {
        string protocSet = Path.Combine(_dir, "protoc.pb");
        string inkwellSet = Path.Combine(_dir, "inkwell.pb");
        var protoc = ProtocOracle.Run(_dir, [.. Roots, "-o" + protocSet, .. flags]);
        Assert.True(protoc.ExitCode == 0, protoc.Error);
        var inkwell = await InProcessInkwell.RunAsync(["protoc", .. Roots, "-o" + inkwellSet, .. flags]);
        Assert.True(inkwell.ExitCode == 0, inkwell.Error);
        Assert.Equal(protoc.Error, inkwell.Error);
        return (File.ReadAllBytes(protocSet), File.ReadAllBytes(inkwellSet));
    }

    [Theory]
    [InlineData("use.proto")]
    [InlineData("importer.proto")]
    [InlineData("editions.proto")]
    [InlineData("use.proto|importer.proto|editions.proto|opts.proto")]
    public async Task RetainOptions_DescriptorSet_IsProtocs(string inputs)
    {
        foreach (string[] flags in new[] { Array.Empty<string>(), ["--include_imports"], ["--include_source_info"], ["--include_imports", "--include_source_info"] })
        {
            var (retainedByProtoc, retainedByInkwell) = await WriteBothAsync(["--retain_options", .. flags, .. inputs.Split('|')]);
            var (strippedByProtoc, strippedByInkwell) = await WriteBothAsync([.. flags, .. inputs.Split('|')]);

            Assert.Equal(retainedByProtoc, retainedByInkwell);
            Assert.Equal(strippedByProtoc, strippedByInkwell);
            // Every case sets source-retention options somewhere the set holds (importer.proto only in what it imports).
            if (!inputs.StartsWith("importer", StringComparison.Ordinal) || flags.Contains("--include_imports"))
            {
                Assert.NotEqual(strippedByInkwell, retainedByInkwell);
            }
        }
    }

    /// <summary>On the corpus (every file, with its imports and source info), retained sets are protoc's too.</summary>
    [Fact]
    public async Task RetainOptions_OnTheCorpus_IsProtocs()
    {
        string root = Inkwell.Testing.Corpus.RequireProtobuf();
        string[] files = [.. Directory.EnumerateFiles(Path.Combine(root, "google", "protobuf"), "*.proto", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
        string protocSet = Path.Combine(_dir, "protoc.pb");
        string inkwellSet = Path.Combine(_dir, "inkwell.pb");
        var differing = new List<string>();
        foreach (string file in files)
        {
            string[] arguments = ["-I" + root, "--retain_options", "--include_imports", "--include_source_info", file];
            var protoc = ProtocOracle.Run(_dir, ["-o" + protocSet, .. arguments]);
            var inkwell = await InProcessInkwell.RunAsync(["protoc", "-o" + inkwellSet, .. arguments]);
            if (protoc.ExitCode != 0 || inkwell.ExitCode != 0 || !File.ReadAllBytes(protocSet).AsSpan().SequenceEqual(File.ReadAllBytes(inkwellSet)))
            {
                differing.Add($"{file}: protoc {protoc.ExitCode} {protoc.Error}, inkwell {inkwell.ExitCode} {inkwell.Error}");
            }
        }

        Assert.True(files.Length > 50, $"{files.Length} files");
        Assert.Empty(differing);
    }

    /// <summary>protoc's warning without <c>-o</c>, its refusal of a second flag, and its checks that come first.</summary>
    [Theory]
    [InlineData("--retain_options|--csharp_out={0}|use.proto")]
    [InlineData("--retain_options|--retain_options|-o{0}/x.pb|use.proto")]
    [InlineData("--retain_options|use.proto")]
    [InlineData("--retain_options|--csharp_out={0}")]
    [InlineData("--retain_options|--csharp_out={0}|no-such.proto")]
    [InlineData("--retain_options|--dependency_out={0}/d|--csharp_out={0}|use.proto|opts.proto")]
    [InlineData("--retain_options=yes|-o{0}/x.pb|use.proto")]
    public async Task RetainOptions_Messages_AreProtocs(string flags)
    {
        string[] arguments = [.. Roots, .. flags.Replace("{0}", _dir, StringComparison.Ordinal).Split('|')];

        var protoc = ProtocOracle.Run(_dir, arguments);
        var inkwell = await InProcessInkwell.RunAsync(["protoc", .. arguments]);

        Assert.Equal(protoc.Error, inkwell.Error);
        Assert.Equal(protoc.ExitCode, inkwell.ExitCode);
    }
}
