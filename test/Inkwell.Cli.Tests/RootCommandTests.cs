namespace Inkwell.Cli.Tests;

public sealed class RootCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await InkwellCommand.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Version_PrintsAssemblyVersion()
    {
        var (exitCode, output, _) = await RunAsync("--version");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Fact]
    public async Task Help_DescribesTheTool()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("protobuf compiler with message inheritance", output, StringComparison.Ordinal);
        Assert.Contains("--version", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_FailsWithErrorOnStderr()
    {
        var (exitCode, _, error) = await RunAsync("no-such-command");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("no-such-command", error, StringComparison.Ordinal);
    }
}
