using System.Text.Json;

namespace Inkwell.Cli.Tests.DnsSd;

/// <summary>
/// <c>inkwell dns-sd</c>'s output and errors over real sockets on the hosts of a private namespace lab: -Q's record line,
/// -B's table layout (Apple's), an unknown <c>--interface</c>. (The library's behaviour on real sockets, with dns-sd as
/// the process on each host, is tested in Inkwell.Zeroconf.Tests' Namespaces folder.)
/// </summary>
public sealed class DnsSdLabTests
{
    private static readonly TimeSpan s_generous = TimeSpan.FromSeconds(60);

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

    private static bool IsEvent(string line, string name) => line.StartsWith('{') && Json(line).GetProperty("event").GetString() == name;

    [Fact]
    public async Task DnsSd_Query_PrintsTheSrvRecord_AndTableLayoutForBrowse()
    {
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        TestProcess server = lab.A.StartInkwell("dns-sd", "-R", "Printer", "_ipp._tcp", ".", "631", "--json");
        await server.WaitForOutputLineAsync(l => IsEvent(l, "registered"), s_generous, TestContext.Current.CancellationToken);
        TestProcess query = lab.B.StartInkwell("dns-sd", "-Q", "Printer._ipp._tcp.local", "SRV", "--json");
        TestProcess table = lab.B.StartInkwell("dns-sd", "-B", "_ipp._tcp");

        JsonElement record = Json(await query.WaitForOutputLineAsync(l => IsEvent(l, "added"), s_generous, TestContext.Current.CancellationToken));
        string row = await table.WaitForOutputLineAsync(l => l.Contains(" Add ", StringComparison.Ordinal), s_generous, TestContext.Current.CancellationToken);

        Assert.Equal("SRV", record.GetProperty("rrtype").GetString());
        Assert.EndsWith(" 631 " + record.GetProperty("rdata").GetString()!.Split(' ')[^1], " " + record.GetProperty("rdata").GetString());
        Assert.Equal("Browsing for _ipp._tcp", table.Lines[0]);
        Assert.StartsWith("DATE: ---", table.Lines[1], StringComparison.Ordinal);
        Assert.EndsWith("...STARTING...", table.Lines[2], StringComparison.Ordinal);
        Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{3}  Add +2 +\d+ local\. +_ipp\._tcp\. +Printer$", row);
    }

    [Fact]
    public async Task DnsSd_UnknownInterface_FailsWithExitCode1AndAMessage()
    {
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        TestProcess browse = lab.A.StartInkwell("dns-sd", "-B", "_daap._tcp", "--interface", "nope0");

        Assert.Equal(1, await browse.WaitForExitAsync(s_generous, TestContext.Current.CancellationToken));
        Assert.Contains("nope0", browse.Errors, StringComparison.Ordinal);
    }
}
