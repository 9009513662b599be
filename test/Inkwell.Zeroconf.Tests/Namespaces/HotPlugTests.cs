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
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

    private static bool IsEvent(string line, string name) => line.StartsWith('{') && Json(line).GetProperty("event").GetString() == name;

    [Fact]
    public async Task NoInterfaceAtStart_ThenTheLinkComesUpWithAnAddress_TheServiceIsAnnouncedOnIt()
    {
        using NetnsLab lab = NetnsLab.Create();
        NetnsLab.Ip($"-n {lab.A.Namespace} link set {lab.A.Interface} down");
        NetnsLab.Ip($"-n {lab.A.Namespace} addr flush dev {lab.A.Interface}");
        LabProcess browser = lab.StartInkwell(lab.B, "dns-sd", "-B", "_hotplug._tcp", "--json", "--interface", lab.B.Interface);
        LabProcess server = lab.StartInkwell(lab.A, "dns-sd", "-R", "Hot Plug", "_hotplug._tcp", ".", "4242", "--json");

        // It says it waits (a warning on standard error), and it keeps running rather than failing.
        await server.WaitForLineAsync(l => l.Contains("waiting for one", StringComparison.Ordinal), Generous, includeErrors: true);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(server.Lines, l => IsEvent(l, "registered"));
        Assert.DoesNotContain(browser.Lines, l => IsEvent(l, "added"));

        // As DHCP would: the link comes up, then it gets its address.
        NetnsLab.Ip($"-n {lab.A.Namespace} link set {lab.A.Interface} up multicast on");
        NetnsLab.Ip($"-n {lab.A.Namespace} addr add {lab.A.Address}/24 dev {lab.A.Interface}");
        NetnsLab.Ip($"-n {lab.A.Namespace} route add 224.0.0.0/4 dev {lab.A.Interface}");

        JsonElement registered = Json(await server.WaitForLineAsync(l => IsEvent(l, "registered"), Generous));
        JsonElement added = Json(await browser.WaitForLineAsync(l => IsEvent(l, "added"), Generous));
        Assert.Equal("Hot Plug", registered.GetProperty("name").GetString());
        Assert.Equal("Hot Plug", added.GetProperty("name").GetString());
        Assert.Equal(lab.B.Interface, added.GetProperty("interface").GetString());
    }
}
