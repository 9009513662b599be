namespace Inkwell.Cli.Tests.DnsSd;

/// <summary>
/// <c>inkwell dns-sd</c>'s usage errors: exit code 2 and a message on standard error, decided before
/// any socket is opened, so these run as plain processes outside any namespace.
/// </summary>
public sealed class DnsSdUsageTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        ProcessResult result = await InkwellTool.RunAsync(["dns-sd", .. arguments], cancellationToken: TestContext.Current.CancellationToken);
        return (result.ExitCode, result.Output, result.Error);
    }

    [Theory]
    [InlineData(new string[0], "exactly one of -R, -B, -L, -Q, -E or -F")]
    [InlineData(new[] { "-R", "-B", "_x._tcp" }, "exactly one of")]
    [InlineData(new[] { "-R", "Name", "_daap._tcp", "local", "http" }, "PORT")]
    [InlineData(new[] { "-R", "Name", "daap", "local", "3689" }, "_name._tcp")]
    [InlineData(new[] { "-R", "Name", "_daap._tcp", "example.com", "3689" }, "not served by multicast DNS")]
    [InlineData(new[] { "-R", "Name", "_daap._tcp", "local", "3689", "bad=key=ok", "=x" }, "TXT key")]
    [InlineData(new[] { "-B" }, "-B needs TYPE")]
    [InlineData(new[] { "-B", "_waytoolongservicename._tcp" }, "1–15")]
    [InlineData(new[] { "-L", "Name" }, "-L needs NAME TYPE")]
    [InlineData(new[] { "-Q", "host.local", "BOGUS" }, "RRTYPE")]
    [InlineData(new[] { "-B", "_daap._tcp", "--timeout", "0" }, "--timeout must be a positive")]
    public async Task UsageError_ExitsWith2_AndSaysWhy(string[] arguments, string expected)
    {
        (int exitCode, string output, string error) = await RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Help_ListsAppleFlagsAndScriptOptions()
    {
        (int exitCode, string output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        foreach (string flag in new[] { "-R", "-B", "-L", "-Q", "--json", "--timeout", "--interface" })
        {
            Assert.Contains(flag, output, StringComparison.Ordinal);
        }
    }
}
