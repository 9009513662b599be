using System.Text.Json;

namespace Inkwell.Zeroconf.Tests.Namespaces;

/// <summary>
/// Test 3 of the issue: real sockets, two Inkwell instances (the <c>inkwell dns-sd</c> command) on two
/// hosts of a private namespace lab: register, browse, resolve, conflict, goodbye. Waits are generous
/// (a loaded 2-core machine), and nothing is timed here: timing rules are asserted in virtual time. What dns-sd itself
/// prints and how it fails is tested in Inkwell.Cli.Tests.
/// </summary>
[Collection(nameof(NamespaceCollection))]
public sealed class RealSocketTests
{
    private static readonly TimeSpan s_generous = TimeSpan.FromSeconds(60);

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

    private static bool IsEvent(string line, string name) => line.StartsWith('{') && Json(line).GetProperty("event").GetString() == name;

    [Fact]
    public async Task C3_TwoHosts_RegisterBrowseResolveAndGoodbye()
    {
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        TestProcess server = lab.A.StartInkwell("dns-sd", "-R", "DAAP Server", "_daap._tcp", ".", "3689", "txtvers=1", "Machine Name=Den", "--json", "--interface", lab.A.Interface);
        await server.WaitForOutputLineAsync(l => IsEvent(l, "registered"), s_generous, TestContext.Current.CancellationToken);
        TestProcess browser = lab.B.StartInkwell("dns-sd", "-B", "_daap._tcp", "--json", "--interface", lab.B.Interface);
        TestProcess resolver = lab.B.StartInkwell("dns-sd", "-L", "DAAP Server", "_daap._tcp", "local", "--json", "--timeout", "60");

        JsonElement added = Json(await browser.WaitForOutputLineAsync(l => IsEvent(l, "added"), s_generous, TestContext.Current.CancellationToken));
        JsonElement resolved = Json(await resolver.WaitForOutputLineAsync(l => IsEvent(l, "resolved"), s_generous, TestContext.Current.CancellationToken));

        Assert.Equal("DAAP Server", added.GetProperty("name").GetString());
        Assert.Equal("_daap._tcp", added.GetProperty("type").GetString());
        Assert.Equal("local", added.GetProperty("domain").GetString());
        Assert.Equal(lab.B.Interface, added.GetProperty("interface").GetString());
        Assert.Equal(3689, resolved.GetProperty("port").GetInt32());
        Assert.Contains(resolved.GetProperty("addresses").EnumerateArray(), a => a.GetString() == lab.A.Address);
        Assert.Equal("1", resolved.GetProperty("txt").GetProperty("txtvers").GetString());
        Assert.Equal("Den", resolved.GetProperty("txt").GetProperty("Machine Name").GetString());
    }

    [Fact]
    public async Task C27_Goodbye_OnExit_RemovesTheServiceFromTheOtherHost()
    {
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        TestProcess browser = lab.B.StartInkwell("dns-sd", "-B", "_daap._tcp", "--json");
        TestProcess server = lab.A.StartInkwell("dns-sd", "-R", "Leaving", "_daap._tcp", ".", "3689", "--json", "--timeout", "8");
        await browser.WaitForOutputLineAsync(l => IsEvent(l, "added"), s_generous, TestContext.Current.CancellationToken);

        Assert.Equal(0, await server.WaitForExitAsync(s_generous, TestContext.Current.CancellationToken)); // --timeout exits 0, saying goodbye
        JsonElement removed = Json(await browser.WaitForOutputLineAsync(l => IsEvent(l, "removed"), s_generous, TestContext.Current.CancellationToken));
        Assert.Equal("Leaving", removed.GetProperty("name").GetString());
    }

    [Fact]
    public async Task C16_TwoHosts_SameName_EndWithTwoDistinctNames()
    {
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        TestProcess first = lab.A.StartInkwell("dns-sd", "-R", "DAAP Server", "_daap._tcp", ".", "3689", "--json");
        TestProcess second = lab.B.StartInkwell("dns-sd", "-R", "DAAP Server", "_daap._tcp", ".", "3690", "--json");

        string a = Json(await first.WaitForOutputLineAsync(l => IsEvent(l, "registered"), s_generous, TestContext.Current.CancellationToken)).GetProperty("name").GetString()!;
        string b = Json(await second.WaitForOutputLineAsync(l => IsEvent(l, "registered"), s_generous, TestContext.Current.CancellationToken)).GetProperty("name").GetString()!;

        Assert.NotEqual(a, b);
        Assert.Contains("DAAP Server", new[] { a, b });
        Assert.Contains("DAAP Server (2)", new[] { a, b });
    }
}

/// <summary>Namespace tests run one at a time: each starts several .NET processes on a 2-core machine.</summary>
[CollectionDefinition(nameof(NamespaceCollection), DisableParallelization = true)]
public sealed class NamespaceCollection;
