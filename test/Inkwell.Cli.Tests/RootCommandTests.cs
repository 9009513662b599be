using Inkwell.Cli.Tests.Support;

namespace Inkwell.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public async Task Version_PrintsAssemblyVersion()
    {
        var (exitCode, output, _) = await InProcessInkwell.RunAsync("--version");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Fact]
    public async Task Version_Alone_AnsweredBeforeTheCommandTree_PrintsWhatTheTreesVersionOptionPrints()
    {
        // `inkwell --version` is what scripts run to see the tool is there: it is answered without System.CommandLine.
        using var withAll = new StringWriter();
        int exitWithAll = await InkwellCommand.Create().Parse("--version").InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = withAll }, TestContext.Current.CancellationToken);

        var (exitCode, output, _) = await InProcessInkwell.RunAsync("--version");

        Assert.Equal(0, exitWithAll);
        Assert.Equal(0, exitCode);
        Assert.Equal(withAll.ToString(), output);
    }

    [Fact]
    public async Task Help_DescribesTheTool()
    {
        var (exitCode, output, _) = await InProcessInkwell.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("protobuf compiler with message inheritance", output, StringComparison.Ordinal);
        Assert.Contains("--version", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEverySubcommand()
    {
        var (exitCode, output, _) = await InProcessInkwell.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("protoc", output, StringComparison.Ordinal);
        Assert.Contains("run", output, StringComparison.Ordinal);
        Assert.Contains("dns-sd", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubcommandHelp_DescribesThatSubcommandOnly()
    {
        // Named first, a subcommand is the only one built (InkwellCommand.Create(args)); its help is unchanged by that.
        var (exitCode, output, _) = await InProcessInkwell.RunAsync("dns-sd", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("dns-sd [<arguments>...] [options]", output, StringComparison.Ordinal);
        Assert.Contains("--backend", output, StringComparison.Ordinal);
        Assert.DoesNotContain("--csharp_out", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_FailsWithErrorOnStderr()
    {
        var (exitCode, _, error) = await InProcessInkwell.RunAsync("no-such-command");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("no-such-command", error, StringComparison.Ordinal);
    }
}
