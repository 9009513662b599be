using System.Text.Json;

namespace Inkwell.Cli.Tests.DnsSd;

/// <summary>
/// <c>inkwell dns-sd</c> with a non-local domain and <c>--server</c>: -R registers by signed UPDATE (checked with dig),
/// -B and -L in other processes see and resolve it, -F lists the server's browsing domains, -Q asks it for a name outside
/// <c>local</c>. No multicast socket is opened for a wide-area domain. (The library's own wide-area tests use the same
/// BIND lab in Inkwell.Zeroconf.Tests.)
/// </summary>
[Collection(nameof(BindCollection))]
public sealed class DnsSdWideAreaTests(BindLab lab)
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    private static TestProcess Start(params string[] arguments) => InkwellTool.Start(["dns-sd", .. arguments]);

    private static async Task<(int ExitCode, string[] Lines, string Error)> RunAsync(params string[] arguments)
    {
        ProcessResult result = await InkwellTool.RunAsync(["dns-sd", .. arguments], cancellationToken: TestContext.Current.CancellationToken);
        return (result.ExitCode, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), result.Error);
    }

    private string Server => $"127.0.0.1:{lab.Port}";

    [Fact]
    public async Task RegisterBrowseLookup_OverTheLabServer()
    {
        lab.Require();
        using TestProcess register = Start("-R", "Cli Service", "_wcli._tcp", BindLab.Zone, "9090", "a=1", "--server", Server, "--key", lab.KeyFile,
            "--host", "cli-host", "--host-address", "192.0.2.9", "--json", "--timeout", "40");
        string registered = await register.ReadOutputLineAsync(_ => true, s_patience, TestContext.Current.CancellationToken);
        Assert.Equal("registered", JsonDocument.Parse(registered).RootElement.GetProperty("event").GetString());
        Assert.Equal("0 0 9090 cli-host.example.test.", lab.Dig("SRV", "Cli\\032Service._wcli._tcp.example.test").Trim());

        (int browseExit, string[] browse, string browseError) = await RunAsync("-B", "_wcli._tcp", BindLab.Zone, "--server", Server, "--json", "--timeout", "4");
        (int lookupExit, string[] lookup, string lookupError) = await RunAsync("-L", "Cli Service", "_wcli._tcp", BindLab.Zone, "--server", Server, "--json", "--timeout", "8");

        Assert.True(browseExit == 0, browseError);
        JsonElement added = Assert.Single(browse, l => l.Contains("\"added\"", StringComparison.Ordinal)) is { } line ? JsonDocument.Parse(line).RootElement : default;
        Assert.Equal(("Cli Service", "example.test"), (added.GetProperty("name").GetString(), added.GetProperty("domain").GetString()));
        Assert.True(lookupExit == 0, lookupError);
        JsonElement resolved = JsonDocument.Parse(Assert.Single(lookup, l => l.Contains("\"resolved\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal(("cli-host.example.test", 9090), (resolved.GetProperty("host").GetString(), resolved.GetProperty("port").GetInt32()));
        Assert.Equal("192.0.2.9", Assert.Single(resolved.GetProperty("addresses").EnumerateArray()).GetString());
        (int tableExit, string[] table, _) = await RunAsync("-L", "Cli Service", "_wcli._tcp", BindLab.Zone, "--server", Server, "--timeout", "8");
        Assert.Equal(0, tableExit);
        Assert.Equal("Lookup Cli Service._wcli._tcp.example.test", table[0]);
        Assert.Contains(table, l => l.EndsWith("Cli\\032Service._wcli._tcp.example.test. can be reached at cli-host.example.test.:9090 (interface 0)", StringComparison.Ordinal));

        // --timeout ends -R normally: the registration is disposed, so its records are deleted. (Long enough for the
        // three client runs above on a loaded machine.)
        Assert.Equal(0, await register.WaitForExitAsync(s_patience, TestContext.Current.CancellationToken));
        Assert.Equal("", lab.Dig("PTR", "_wcli._tcp.example.test"));
    }

    [Fact]
    public async Task Register_StoppedWithCtrlC_DeletesItsRecordsAndExits0()
    {
        lab.Require();
        using TestProcess register = Start("-R", "Interrupted", "_wint._tcp", BindLab.Zone, "9091", "--server", Server, "--key", lab.KeyFile,
            "--host", "int-host", "--json");
        await register.ReadOutputLineAsync(_ => true, s_patience, TestContext.Current.CancellationToken);
        Assert.Equal("Interrupted._wint._tcp.example.test.", lab.Dig("PTR", "_wint._tcp.example.test").Trim());

        int exitCode = await register.InterruptAsync(s_patience, TestContext.Current.CancellationToken);

        // The signal cancels the command, which disposes the registration: its DNS UPDATE deletes the records.
        Assert.Equal(0, exitCode);
        Assert.Equal("", lab.Dig("PTR", "_wint._tcp.example.test"));
        Assert.Equal("", lab.Dig("SRV", "Interrupted._wint._tcp.example.test"));
    }

    [Fact]
    public async Task Register_WrongKeyFile_ExitsWith1AndSaysBadSig()
    {
        lab.Require();
        string wrongKey = Path.Combine(lab.Directory, "wrong.conf");
        await File.WriteAllTextAsync(wrongKey, $"key \"{BindLab.KeyName}\" {{ algorithm hmac-sha256; secret \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"; }};", TestContext.Current.CancellationToken);

        (int exitCode, _, string error) = await RunAsync("-R", "Bad", "_wclibad._tcp", BindLab.Zone, "1", "--server", Server, "--key", wrongKey, "--timeout", "5");

        Assert.Equal(1, exitCode);
        Assert.Contains("BADSIG", error, StringComparison.Ordinal);
        Assert.Equal("", lab.Dig("PTR", "_wclibad._tcp.example.test"));
    }

    [Fact]
    public async Task DnsSdF_ListsLocalAndTheServersBrowsingDomains_DefaultMarked()
    {
        lab.Require();
        lab.WriteDomainEnumerationRecords();
        (int exitCode, string[] lines, string error) = await RunAsync("-F", BindLab.Zone, "--server", Server, "--json", "--timeout", "2");

        Assert.True(exitCode == 0, error);
        List<(string Domain, bool Default)> domains = [.. lines
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (e.GetProperty("domain").GetString()!, e.GetProperty("default").GetBoolean()))];
        Assert.Equal([("local", false), ("example.test", true), ("sites.example.test", false)], domains);
    }

    [Fact]
    public async Task DnsSdQ_WithServer_AsksItForANameOutsideLocal()
    {
        lab.Require();
        lab.NsUpdate("update delete q2.example.test TXT\nupdate add q2.example.test 60 TXT \"hello\"");
        (int exitCode, string[] lines, string error) = await RunAsync("-Q", "q2.example.test", "TXT", "--server", Server, "--json", "--timeout", "4");

        Assert.True(exitCode == 0, error);
        JsonElement record = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal(("added", "q2.example.test", "TXT"), (record.GetProperty("event").GetString(), record.GetProperty("name").GetString(), record.GetProperty("rrtype").GetString()));
    }

    [Theory]
    [InlineData(new[] { "-B", "_x._tcp", "example.test", "--server", "not-an-address" }, "--server 'not-an-address' is not an IP address")]
    [InlineData(new[] { "-R", "X", "_x._tcp", "example.test", "1", "--server", "127.0.0.1", "--key", "/nonexistent/key.conf" }, "--key:")]
    [InlineData(new[] { "-B", "_x._tcp", "local", "--key", "k.conf" }, "need --server")]
    [InlineData(new[] { "-B", "_x._tcp", "local", "--update-server", "127.0.0.1" }, "need --server")]
    [InlineData(new[] { "-R", "X", "_x._tcp", "example.test", "1", "--server", "127.0.0.1", "--update-server", "ns1" }, "--update-server 'ns1' is not an IP address")]
    public async Task BadWideAreaOptions_ExitWith2(string[] arguments, string expected)
    {
        (int exitCode, string[] lines, string error) = await RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Empty(lines);
    }
}
