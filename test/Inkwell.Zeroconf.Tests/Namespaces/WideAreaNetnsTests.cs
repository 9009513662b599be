using System.Text.Json;

namespace Inkwell.Zeroconf.Tests.Namespaces;

/// <summary>
/// <c>inkwell dns-sd</c> on hosts that know only their system resolver (<c>--server system</c>): BIND in its own
/// namespace on port 53, the CLI in others (<see cref="BindNetnsLab"/>); <c>dig</c> inside the server's namespace is
/// the independent reader.
/// </summary>
public sealed class WideAreaNetnsTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

    private static bool IsEvent(string line, string kind, string? name = null) =>
        line.StartsWith('{') && Json(line) is var e && e.GetProperty("event").GetString() == kind
        && (name is null || e.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Register_WithTheSystemResolver_SendsUpdatesToTheSoaPrimary_AndCtrlCRemovesThem()
    {
        await using BindNetnsLab lab = await BindNetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        // The zone publishes no _dns-update._udp SRV: the update server can only come from its SOA's MNAME.
        Assert.Equal("", lab.Dig("SRV", "_dns-update._udp." + BindNetnsLab.Zone));

        TestProcess register = lab.A.StartInkwell("dns-sd", "-R", "Lab Printer", "_wlab._tcp", BindNetnsLab.Zone, "631",
            "--server", "system", "--key", lab.KeyFile, "--host", "lab-a", "--host-address", lab.A.Address, "--json", "--verbose");
        await register.WaitForOutputLineAsync(l => IsEvent(l, "registered", "Lab Printer"), s_patience, TestContext.Current.CancellationToken);

        Assert.Equal("0 0 631 lab-a.example.test.", lab.Dig("SRV", "Lab\\032Printer._wlab._tcp.example.test").Trim());
        Assert.Equal(lab.A.Address, lab.Dig("A", "lab-a.example.test").Trim());
        Assert.Contains($"{BindNetnsLab.ServerAddress}:53, found from its SOA's primary (MNAME)", register.Errors, StringComparison.Ordinal);

        Assert.Equal(0, await register.InterruptAsync(s_patience, TestContext.Current.CancellationToken));
        Assert.Equal("", lab.Dig("PTR", "_wlab._tcp.example.test"));
        Assert.Equal("", lab.Dig("A", "lab-a.example.test"));
    }

    [Fact]
    public async Task TwoHosts_TheBrowserSeesARegistrationFromTheOtherHost_ResolvesIt_AndSeesItsRemoval()
    {
        await using BindNetnsLab lab = await BindNetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        TestProcess browse = lab.B.StartInkwell("dns-sd", "-B", "_wtwo._tcp", BindNetnsLab.Zone, "--server", "system", "--json");

        TestProcess register = lab.A.StartInkwell("dns-sd", "-R", "Hall Printer", "_wtwo._tcp", BindNetnsLab.Zone, "631", "rp=hall",
            "--server", "system", "--key", lab.KeyFile, "--host", "lab-a", "--host-address", lab.A.Address, "--json");
        await register.WaitForOutputLineAsync(l => IsEvent(l, "registered", "Hall Printer"), s_patience, TestContext.Current.CancellationToken);

        JsonElement added = Json(await browse.WaitForOutputLineAsync(l => IsEvent(l, "added", "Hall Printer"), s_patience, TestContext.Current.CancellationToken));
        Assert.Equal(BindNetnsLab.Zone, added.GetProperty("domain").GetString());
        TestProcess lookup = lab.B.StartInkwell("dns-sd", "-L", "Hall Printer", "_wtwo._tcp", BindNetnsLab.Zone, "--server", "system", "--json");
        JsonElement resolved = Json(await lookup.WaitForOutputLineAsync(l => IsEvent(l, "resolved", "Hall Printer"), s_patience, TestContext.Current.CancellationToken));
        Assert.Equal(("lab-a.example.test", 631), (resolved.GetProperty("host").GetString(), resolved.GetProperty("port").GetInt32()));
        Assert.Equal(lab.A.Address, Assert.Single(resolved.GetProperty("addresses").EnumerateArray()).GetString());

        Assert.Equal(0, await register.InterruptAsync(s_patience, TestContext.Current.CancellationToken));
        // The browser polls with backoff (at most MaxPollInterval, 1 min, between polls): generous patience.
        await browse.WaitForOutputLineAsync(l => IsEvent(l, "removed", "Hall Printer"), TimeSpan.FromSeconds(150), TestContext.Current.CancellationToken);
        Assert.Single(browse.Lines, l => IsEvent(l, "added"));
    }

    [Fact]
    public async Task TwoHosts_RegisteringTheSameInstanceName_TheLaterRenames_AndTheFirstIsUntouched()
    {
        await using BindNetnsLab lab = await BindNetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        TestProcess first = lab.A.StartInkwell("dns-sd", "-R", "Twin", "_wtwin._tcp", BindNetnsLab.Zone, "1001",
            "--server", "system", "--key", lab.KeyFile, "--host", "lab-a", "--host-address", lab.A.Address, "--json");
        await first.WaitForOutputLineAsync(l => IsEvent(l, "registered", "Twin"), s_patience, TestContext.Current.CancellationToken);

        TestProcess second = lab.B.StartInkwell("dns-sd", "-R", "Twin", "_wtwin._tcp", BindNetnsLab.Zone, "1002",
            "--server", "system", "--key", lab.KeyFile, "--host", "lab-b", "--host-address", lab.B.Address, "--json");
        await second.WaitForOutputLineAsync(l => IsEvent(l, "registered", "Twin (2)"), s_patience, TestContext.Current.CancellationToken);

        Assert.Equal(["Twin._wtwin._tcp.example.test.", "Twin\\032\\(2\\)._wtwin._tcp.example.test."],
            lab.Dig("PTR", "_wtwin._tcp.example.test").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Equal("0 0 1001 lab-a.example.test.", lab.Dig("SRV", "Twin._wtwin._tcp.example.test").Trim());
        Assert.Equal("0 0 1002 lab-b.example.test.", lab.Dig("SRV", "Twin\\032\\(2\\)._wtwin._tcp.example.test").Trim());
        Assert.DoesNotContain(first.Lines, l => IsEvent(l, "registered", "Twin (2)"));
    }

    [Fact]
    public async Task BrowsingDomains_WithoutADomain_AreAskedUnderTheSearchList()
    {
        await using BindNetnsLab lab = await BindNetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        lab.NsUpdate("""
            update add b._dns-sd._udp.example.test 60 PTR example.test.
            update add b._dns-sd._udp.example.test 60 PTR sites.example.test.
            update add db._dns-sd._udp.example.test 60 PTR sites.example.test.
            """);

        TestProcess browse = lab.B.StartInkwell("dns-sd", "-F", "--server", "system", "--json", "--timeout", "5");
        Assert.Equal(0, await browse.WaitForExitAsync(s_patience, TestContext.Current.CancellationToken));

        List<(string Domain, bool Default)> domains = [.. browse.Lines.Where(l => IsEvent(l, "domain"))
            .Select(Json).Select(e => (e.GetProperty("domain").GetString()!, e.GetProperty("default").GetBoolean()))];
        Assert.Equal([("local", false), ("sites.example.test", true), ("example.test", false)], domains);
    }
}
