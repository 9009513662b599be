using Inkwell.Cli.Tests.Support;

namespace Inkwell.Cli.Tests;

/// <summary>Flags protoc 35.1 accepts that build scripts pass, checked against protoc itself.</summary>
public sealed class ProtocCompatibilityFlagsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inkwell-protoc-flags-").FullName;

    public ProtocCompatibilityFlagsTests() =>
        File.WriteAllText(Path.Combine(_dir, "opt.proto"), "syntax = \"proto3\";\npackage t;\nmessage A { optional int32 x = 1; }\n");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>protobuf's csharp/generate_protos.sh passes both; protoc 35.1 ignores them (with or without a value).</summary>
    [Theory]
    [InlineData("--experimental_allow_proto3_optional")]
    [InlineData("--experimental_editions")]
    [InlineData("--experimental_allow_proto3_optional=1")]
    [InlineData("--experimental_editions|--experimental_allow_proto3_optional")]
    public async Task ExperimentalFlags_AreAcceptedAndChangeNothing(string flags)
    {
        string inkwellSet = Path.Combine(_dir, "inkwell.pb");
        string protocSet = Path.Combine(_dir, "protoc.pb");

        var (exitCode, _, error) = await InProcessInkwell.RunAsync(["protoc", "-I" + _dir, .. flags.Split('|'), "-o", inkwellSet, "opt.proto"]);
        var protoc = ProtocOracle.Run(_dir, ["-I" + _dir, .. flags.Split('|'), "-o", protocSet, "opt.proto"]);

        Assert.True(protoc.ExitCode == 0, protoc.Error);
        Assert.True(exitCode == 0, error);
        Assert.Equal(File.ReadAllBytes(protocSet), File.ReadAllBytes(inkwellSet));
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("--version|opt.proto")]
    [InlineData("-I.|--version|--no-such-flag")]
    public async Task Version_PrintsProtocsLineAndStops(string flags)
    {
        var (exitCode, output, error) = await InProcessInkwell.RunAsync(["protoc", .. flags.Split('|')]);
        var protoc = ProtocOracle.Run(_dir, flags.Split('|'));

        Assert.Equal(0, protoc.ExitCode);
        Assert.True(exitCode == 0, error);
        Assert.Equal(protoc.Output, output);
    }

    [Fact]
    public async Task FlagWithoutValue_IgnoresAValueAsProtocDoes()
    {
        string inkwellSet = Path.Combine(_dir, "inkwell.pb");
        string protocSet = Path.Combine(_dir, "protoc.pb");

        var (exitCode, _, error) = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, "--include_imports=yes", "-o", inkwellSet, "opt.proto");
        var protoc = ProtocOracle.Run(_dir, ["-I" + _dir, "--include_imports=yes", "-o", protocSet, "opt.proto"]);

        Assert.True(protoc.ExitCode == 0, protoc.Error);
        Assert.True(exitCode == 0, error);
        Assert.Equal(File.ReadAllBytes(protocSet), File.ReadAllBytes(inkwellSet));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FatalWarnings_FailsOnAWarningAfterWritingAsProtocDoes(bool fatal)
    {
        File.WriteAllText(Path.Combine(_dir, "unused.proto"), "syntax = \"proto3\";\nimport \"opt.proto\";\nmessage U {}\n");
        string inkwellSet = Path.Combine(_dir, "inkwell.pb");
        string protocSet = Path.Combine(_dir, "protoc.pb");
        string[] flags = fatal ? ["--fatal_warnings"] : [];

        var (exitCode, _, error) = await InProcessInkwell.RunAsync(["protoc", "-I" + _dir, .. flags, "-o", inkwellSet, "unused.proto"]);
        var protoc = ProtocOracle.Run(_dir, ["-I" + _dir, .. flags, "-o", protocSet, "unused.proto"]);

        Assert.Equal(protoc.ExitCode, exitCode);
        Assert.Equal(protoc.Error, error);
        Assert.Contains("warning", error, StringComparison.Ordinal);
        Assert.Equal(File.Exists(protocSet), File.Exists(inkwellSet));
        Assert.True(File.Exists(inkwellSet));
        Assert.Equal(fatal ? 1 : 0, exitCode);
    }

    /// <summary>protoc 35.1's flags Inkwell does not do yet are refused by name, never half done.</summary>
    [Theory]
    [InlineData("--enable_codegen_trace")]
    [InlineData("--direct_dependencies=a.proto")]
    [InlineData("--option_dependencies=a.proto")]
    [InlineData("--notices")]
    public async Task UnsupportedProtocFlag_IsRefusedByName(string flag)
    {
        var (exitCode, _, error) = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, flag, "-o", Path.Combine(_dir, "x.pb"), "opt.proto");

        Assert.Equal(1, exitCode);
        Assert.Contains(flag.Split('=')[0] + ": protoc 35.1's flag is not supported by inkwell protoc", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--cpp_out={0}")]
    [InlineData("--java_out={0}")]
    [InlineData("--python_out={0}")]
    public async Task ProtocsOtherBuiltInGenerators_AreRefusedByName(string flag)
    {
        var (exitCode, _, error) = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, string.Format(System.Globalization.CultureInfo.InvariantCulture, flag, _dir), "opt.proto");

        Assert.Equal(1, exitCode);
        Assert.Contains(flag.Split('=')[0] + ": protoc's built-in", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DependencyOut_WithTwoInputs_IsRefusedAsByProtoc()
    {
        File.WriteAllText(Path.Combine(_dir, "b.proto"), "syntax = \"proto3\";\nmessage B {}\n");
        string[] arguments = ["-I" + _dir, "--dependency_out=" + Path.Combine(_dir, "deps.d"), "-o", Path.Combine(_dir, "x.pb"), "opt.proto", "b.proto"];

        var (exitCode, _, error) = await InProcessInkwell.RunAsync(["protoc", .. arguments]);
        var protoc = ProtocOracle.Run(_dir, arguments);

        Assert.Equal(protoc.ExitCode, exitCode);
        Assert.Equal(protoc.Error, error);
    }

    /// <summary>Every file of the protobuf corpus, each on its own: the same lines as protoc, nested messages first.</summary>
    [Fact]
    public async Task PrintFreeFieldNumbers_OnTheCorpus_PrintsWhatProtocPrints()
    {
        string root = Inkwell.Testing.Corpus.RequireProtobuf();
        string[] files = [.. Directory.EnumerateFiles(Path.Combine(root, "google", "protobuf"), "*.proto", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

        int lines = 0;
        foreach (string file in files)
        {
            var (exitCode, output, error) = await InProcessInkwell.RunAsync("protoc", "-I" + root, "--print_free_field_numbers", file);
            var protoc = ProtocOracle.Run(_dir, ["-I" + root, "--print_free_field_numbers", file]);

            Assert.True(protoc.ExitCode == 0, protoc.Error);
            Assert.True(exitCode == 0, error);
            Assert.Equal(protoc.Output, output);
            lines += output.Split('\n').Length;
        }

        Assert.True(lines > 500, $"{lines} lines");
    }

    [Fact]
    public async Task PrintFreeFieldNumbers_WithAnOutput_FailsAsProtoc()
    {
        string[] arguments = ["-I" + _dir, "--print_free_field_numbers", "-o", Path.Combine(_dir, "x.pb"), "opt.proto"];

        var (exitCode, _, error) = await InProcessInkwell.RunAsync(["protoc", .. arguments]);
        var protoc = ProtocOracle.Run(_dir, arguments);

        Assert.Equal(protoc.ExitCode, exitCode);
        Assert.Equal(protoc.Error, error);
    }

    [Fact]
    public async Task DeterministicOutput_WithoutEncode_FailsAsProtoc()
    {
        string[] arguments = ["-I" + _dir, "--deterministic_output", "-o", Path.Combine(_dir, "x.pb"), "opt.proto"];

        var (exitCode, _, error) = await InProcessInkwell.RunAsync(["protoc", .. arguments]);
        var protoc = ProtocOracle.Run(_dir, arguments);

        Assert.Equal(protoc.ExitCode, exitCode);
        Assert.Equal(protoc.Error, error);
    }
}
