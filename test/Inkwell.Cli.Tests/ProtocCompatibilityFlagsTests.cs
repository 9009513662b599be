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
}
