using System.Text.Json;

namespace Inkwell.Zeroconf.Tests.Namespaces;

/// <summary>
/// Hot-plugging with real sockets (Bonjour Conformance Test's "hot-plugging"): <c>inkwell dns-sd -R</c>
/// starts on a host whose only interface is down and has no address, waits for one instead of
/// failing, and announces its service on the link once the interface comes up inside the namespace.
/// </summary>
[Collection(nameof(NamespaceCollection))]
public sealed class HotPlugTests
{
    private static readonly TimeSpan s_generous = TimeSpan.FromSeconds(60);

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

    private static bool IsEvent(string line, string name) => line.StartsWith('{') && Json(line).GetProperty("event").GetString() == name;

    [Fact]
    public async Task NoInterfaceAtStart_ThenTheLinkComesUpWithAnAddress_TheServiceIsAnnouncedOnIt()
    {
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        await lab.A.IpAsync(["link", "set", lab.A.Interface, "down"], TestContext.Current.CancellationToken);
        await lab.A.IpAsync(["addr", "flush", "dev", lab.A.Interface], TestContext.Current.CancellationToken);
        TestProcess browser = lab.B.StartInkwell("dns-sd", "-B", "_hotplug._tcp", "--json", "--interface", lab.B.Interface);
        TestProcess server = lab.A.StartInkwell("dns-sd", "-R", "Hot Plug", "_hotplug._tcp", ".", "4242", "--json");

        // It says it waits (a warning on standard error), and it keeps running rather than failing. That nothing is
        // claimed while there is no link is checked in virtual time, where "a while" costs nothing
        // (QuerierTests.NoInterfaceAtStart_RegistrationWaits_ThenProbesAndAnnouncesWhenOneComesUp); here the
        // registration must come after the link is up, never before.
        await server.WaitForLineAsync(l => l.Contains("waiting for one", StringComparison.Ordinal), s_generous, TestContext.Current.CancellationToken);
        Assert.False(server.HasExited, "dns-sd -R gave up instead of waiting for an interface:\n" + server.Output);
        int linesBeforeTheLink = server.Lines.Count;

        // As DHCP would: the link comes up, then it gets its address.
        await lab.A.IpAsync(["link", "set", lab.A.Interface, "up", "multicast", "on"], TestContext.Current.CancellationToken);
        await lab.A.IpAsync(["addr", "add", lab.A.Address + "/24", "dev", lab.A.Interface], TestContext.Current.CancellationToken);
        await lab.A.IpAsync(["route", "add", "224.0.0.0/4", "dev", lab.A.Interface], TestContext.Current.CancellationToken);

        JsonElement registered = Json(await server.WaitForOutputLineAsync(l => IsEvent(l, "registered"), s_generous, TestContext.Current.CancellationToken));
        Assert.DoesNotContain(server.Lines.Take(linesBeforeTheLink), l => IsEvent(l, "registered"));
        JsonElement added = Json(await browser.WaitForOutputLineAsync(l => IsEvent(l, "added"), s_generous, TestContext.Current.CancellationToken));
        Assert.Equal("Hot Plug", registered.GetProperty("name").GetString());
        Assert.Equal("Hot Plug", added.GetProperty("name").GetString());
        Assert.Equal(lab.B.Interface, added.GetProperty("interface").GetString());
    }
}
