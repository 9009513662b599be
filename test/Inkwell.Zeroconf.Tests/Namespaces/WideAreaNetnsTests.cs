using System.Text.Json;

namespace Inkwell.Zeroconf.Tests.Namespaces;

/// <summary>
/// <c>inkwell dns-sd</c> on hosts that know only their system resolver (<c>--server system</c>): BIND in its own
/// namespace on port 53, the CLI in others (<see cref="BindNetnsLab"/>); <c>dig</c> inside the server's namespace is
/// the independent reader.
/// </summary>
public sealed class WideAreaNetnsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

    private static bool IsEvent(string line, string kind, string? name = null) =>
        line.StartsWith('{') && Json(line) is var e && e.GetProperty("event").GetString() == kind
        && (name is null || e.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Register_WithTheSystemResolver_SendsUpdatesToTheSoaPrimary_AndCtrlCRemovesThem()
    {
        using BindNetnsLab lab = await BindNetnsLab.CreateAsync();
        // The zone publishes no _dns-update._udp SRV: the update server can only come from its SOA's MNAME.
        Assert.Equal("", lab.Dig("SRV", "_dns-update._udp." + BindNetnsLab.Zone));

        LabProcess register = lab.StartInkwell(lab.A, "dns-sd", "-R", "Lab Printer", "_wlab._tcp", BindNetnsLab.Zone, "631",
            "--server", "system", "--key", lab.KeyFile, "--host", "lab-a", "--host-address", lab.A.Address, "--json", "--verbose");
        await register.WaitForLineAsync(l => IsEvent(l, "registered", "Lab Printer"), Patience);

        Assert.Equal("0 0 631 lab-a.example.test.", lab.Dig("SRV", "Lab\\032Printer._wlab._tcp.example.test").Trim());
        Assert.Equal(lab.A.Address, lab.Dig("A", "lab-a.example.test").Trim());
        Assert.Contains($"{BindNetnsLab.ServerAddress}:53, found from its SOA's primary (MNAME)", register.Errors, StringComparison.Ordinal);

        register.Interrupt();
        Assert.Equal(0, await register.WaitForExitAsync(Patience));
        Assert.Equal("", lab.Dig("PTR", "_wlab._tcp.example.test"));
        Assert.Equal("", lab.Dig("A", "lab-a.example.test"));
    }

    [Fact]
    public async Task TwoHosts_TheBrowserSeesARegistrationFromTheOtherHost_ResolvesIt_AndSeesItsRemoval()
    {
        using BindNetnsLab lab = await BindNetnsLab.CreateAsync();
        LabProcess browse = lab.StartInkwell(lab.B, "dns-sd", "-B", "_wtwo._tcp", BindNetnsLab.Zone, "--server", "system", "--json");

        LabProcess register = lab.StartInkwell(lab.A, "dns-sd", "-R", "Hall Printer", "_wtwo._tcp", BindNetnsLab.Zone, "631", "rp=hall",
            "--server", "system", "--key", lab.KeyFile, "--host", "lab-a", "--host-address", lab.A.Address, "--json");
        await register.WaitForLineAsync(l => IsEvent(l, "registered", "Hall Printer"), Patience);

        JsonElement added = Json(await browse.WaitForLineAsync(l => IsEvent(l, "added", "Hall Printer"), Patience));
        Assert.Equal(BindNetnsLab.Zone, added.GetProperty("domain").GetString());
        LabProcess lookup = lab.StartInkwell(lab.B, "dns-sd", "-L", "Hall Printer", "_wtwo._tcp", BindNetnsLab.Zone, "--server", "system", "--json");
        JsonElement resolved = Json(await lookup.WaitForLineAsync(l => IsEvent(l, "resolved", "Hall Printer"), Patience));
        Assert.Equal(("lab-a.example.test", 631), (resolved.GetProperty("host").GetString(), resolved.GetProperty("port").GetInt32()));
        Assert.Equal(lab.A.Address, Assert.Single(resolved.GetProperty("addresses").EnumerateArray()).GetString());

        register.Interrupt();
        Assert.Equal(0, await register.WaitForExitAsync(Patience));
        // The browser polls with backoff (at most MaxPollInterval, 1 min, between polls): generous patience.
        await browse.WaitForLineAsync(l => IsEvent(l, "removed", "Hall Printer"), TimeSpan.FromSeconds(150));
        Assert.Single(browse.Lines, l => IsEvent(l, "added"));
    }

    [Fact]
    public async Task TwoHosts_RegisteringTheSameInstanceName_TheLaterRenames_AndTheFirstIsUntouched()
    {
        using BindNetnsLab lab = await BindNetnsLab.CreateAsync();
        LabProcess first = lab.StartInkwell(lab.A, "dns-sd", "-R", "Twin", "_wtwin._tcp", BindNetnsLab.Zone, "1001",
            "--server", "system", "--key", lab.KeyFile, "--host", "lab-a", "--host-address", lab.A.Address, "--json");
        await first.WaitForLineAsync(l => IsEvent(l, "registered", "Twin"), Patience);

        LabProcess second = lab.StartInkwell(lab.B, "dns-sd", "-R", "Twin", "_wtwin._tcp", BindNetnsLab.Zone, "1002",
            "--server", "system", "--key", lab.KeyFile, "--host", "lab-b", "--host-address", lab.B.Address, "--json");
        await second.WaitForLineAsync(l => IsEvent(l, "registered", "Twin (2)"), Patience);

        Assert.Equal(["Twin._wtwin._tcp.example.test.", "Twin\\032\\(2\\)._wtwin._tcp.example.test."],
            lab.Dig("PTR", "_wtwin._tcp.example.test").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Equal("0 0 1001 lab-a.example.test.", lab.Dig("SRV", "Twin._wtwin._tcp.example.test").Trim());
        Assert.Equal("0 0 1002 lab-b.example.test.", lab.Dig("SRV", "Twin\\032\\(2\\)._wtwin._tcp.example.test").Trim());
        Assert.DoesNotContain(first.Lines, l => IsEvent(l, "registered", "Twin (2)"));
    }

    [Fact]
    public async Task BrowsingDomains_WithoutADomain_AreAskedUnderTheSearchList()
    {
        using BindNetnsLab lab = await BindNetnsLab.CreateAsync();
        lab.NsUpdate("""
            update add b._dns-sd._udp.example.test 60 PTR example.test.
            update add b._dns-sd._udp.example.test 60 PTR sites.example.test.
            update add db._dns-sd._udp.example.test 60 PTR sites.example.test.
            """);

        LabProcess browse = lab.StartInkwell(lab.B, "dns-sd", "-F", "--server", "system", "--json", "--timeout", "5");
        Assert.Equal(0, await browse.WaitForExitAsync(Patience));

        List<(string Domain, bool Default)> domains = [.. browse.Lines.Where(l => IsEvent(l, "domain"))
            .Select(Json).Select(e => (e.GetProperty("domain").GetString()!, e.GetProperty("default").GetBoolean()))];
        Assert.Equal([("local", false), ("sites.example.test", true), ("example.test", false)], domains);
    }
}
