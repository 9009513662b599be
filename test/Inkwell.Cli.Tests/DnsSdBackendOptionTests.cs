namespace Inkwell.Cli.Tests;

/// <summary><c>inkwell dns-sd --backend</c> without any daemon: parse errors and a clear failure, before any socket is opened.</summary>
public sealed class DnsSdBackendOptionTests
{
    /// <summary>Runs <c>inkwell dns-sd</c> to its end; <see cref="InkwellTool"/> points the system bus nowhere, so no daemon on
    /// this machine is ever asked.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        ProcessResult result = await InkwellTool.RunAsync(["dns-sd", .. arguments], cancellationToken: TestContext.Current.CancellationToken);
        return (result.ExitCode, result.Output, result.Error);
    }

    [Fact]
    public async Task Help_ListsTheBackendChoices()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--backend <auto|avahi|embedded>", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownBackend_IsAUsageError()
    {
        var (exitCode, _, error) = await RunAsync("--backend", "bonjour", "-B", "_http._tcp");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("bonjour", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AvahiAskedFor_NoDaemon_FailsWithExitCode1AndSaysWhy()
    {
        var (exitCode, output, error) = await RunAsync("--backend", "avahi", "-B", "_http._tcp", "--timeout", "5");

        Assert.Equal(1, exitCode);
        Assert.Contains("avahi-daemon does not answer on the D-Bus system bus", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }
}
