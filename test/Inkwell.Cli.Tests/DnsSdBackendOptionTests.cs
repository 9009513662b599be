using System.Diagnostics;

namespace Inkwell.Cli.Tests;

/// <summary><c>inkwell dns-sd --backend</c> without any daemon: parse errors and a clear failure, before any socket is opened.</summary>
public sealed class DnsSdBackendOptionTests
{
    /// <summary>Runs inkwell as a process whose system bus points nowhere, so no daemon on this machine is ever asked.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DBUS_SYSTEM_BUS_ADDRESS"] = "unix:path=/nonexistent/inkwell-test-no-system-bus";
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "inkwell.dll"));
        start.ArgumentList.Add("dns-sd");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
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
