using System.Text.Json;

namespace Inkwell.Zeroconf.Tests.Namespaces;

/// <summary>
/// Test 4 of the issue: each real peer on its own lab host. Inkwell browses and resolves what
/// avahi-daemon and python-zeroconf publish; their browsers find and resolve Inkwell's service with
/// its TXT; a name conflict with each ends with two distinct names.
/// </summary>
[Collection(nameof(NamespaceCollection))]
public sealed class InteropTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

    private static bool IsEvent(string line, string name) => line.StartsWith('{') && Json(line).GetProperty("event").GetString() == name;

    [Fact]
    public async Task Avahi_Publishes_InkwellBrowsesAndResolves()
    {
        using NetnsLab lab = NetnsLab.Create();
        using AvahiHost avahi = await AvahiHost.StartAsync(lab, lab.B, "avahi-b");
        avahi.Publish("Avahi Music", "_daap._tcp", 3689, "txtvers=1", "Machine Name=Attic");
        LabProcess browse = lab.StartInkwell(lab.A, "dns-sd", "-B", "_daap._tcp", "--json");
        LabProcess resolve = lab.StartInkwell(lab.A, "dns-sd", "-L", "Avahi Music", "_daap._tcp", "--json");

        JsonElement added = Json(await browse.WaitForLineAsync(l => IsEvent(l, "added"), Generous));
        JsonElement resolved = Json(await resolve.WaitForLineAsync(l => IsEvent(l, "resolved"), Generous));

        Assert.Equal("Avahi Music", added.GetProperty("name").GetString());
        Assert.Equal("avahi-b.local", resolved.GetProperty("host").GetString());
        Assert.Equal(3689, resolved.GetProperty("port").GetInt32());
        Assert.Contains(resolved.GetProperty("addresses").EnumerateArray(), a => a.GetString() == lab.B.Address);
        Assert.Equal("Attic", resolved.GetProperty("txt").GetProperty("Machine Name").GetString());
    }

    [Fact]
    public async Task Inkwell_Publishes_AvahiBrowseResolvesWithTxt()
    {
        using NetnsLab lab = NetnsLab.Create();
        using AvahiHost avahi = await AvahiHost.StartAsync(lab, lab.B, "avahi-b");
        LabProcess server = lab.StartInkwell(lab.A, "dns-sd", "-R", "Inkwell Music", "_daap._tcp", ".", "3689", "txtvers=1", "Password=false", "--json");
        await server.WaitForLineAsync(l => IsEvent(l, "registered"), Generous);

        LabProcess browse = avahi.Browse("_daap._tcp");
        string line = await browse.WaitForLineAsync(l => l.StartsWith("=;", StringComparison.Ordinal) && l.Contains("Inkwell", StringComparison.Ordinal), Generous);

        // =;interface;protocol;name;type;domain;host;address;port;txt
        string[] fields = line.Split(';');
        Assert.Equal(@"Inkwell\032Music", fields[3]);
        Assert.Equal("_daap._tcp", fields[4]);
        Assert.Equal(lab.A.Address, fields[7]);
        Assert.Equal("3689", fields[8]);
        Assert.Contains("\"txtvers=1\"", fields[9], StringComparison.Ordinal);
        Assert.Contains("\"Password=false\"", fields[9], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Avahi_HoldsTheName_InkwellRenamesToName2()
    {
        using NetnsLab lab = NetnsLab.Create();
        using AvahiHost avahi = await AvahiHost.StartAsync(lab, lab.B, "avahi-b");
        LabProcess publisher = avahi.Publish("DAAP Server", "_daap._tcp", 3689);
        await publisher.WaitForLineAsync(l => l.Contains("Established", StringComparison.Ordinal), Generous, includeErrors: true);

        LabProcess server = lab.StartInkwell(lab.A, "dns-sd", "-R", "DAAP Server", "_daap._tcp", ".", "3690", "--json");

        JsonElement registered = Json(await server.WaitForLineAsync(l => IsEvent(l, "registered"), Generous));
        Assert.Equal("DAAP Server (2)", registered.GetProperty("name").GetString());
    }

    [Fact]
    public async Task PythonZeroconf_Publishes_InkwellBrowsesAndResolves()
    {
        using NetnsLab lab = NetnsLab.Create();
        LabProcess publisher = PythonZeroconfPeer.Publish(lab, lab.B, "Py Music", "_daap._tcp", 3689, "txtvers=1", "Machine Name=Kitchen");
        await publisher.WaitForLineAsync(l => IsEvent(l, "registered"), Generous);
        LabProcess resolve = lab.StartInkwell(lab.A, "dns-sd", "-L", "Py Music", "_daap._tcp", "--json");

        JsonElement resolved = Json(await resolve.WaitForLineAsync(l => IsEvent(l, "resolved"), Generous));

        Assert.Equal("pyhost.local", resolved.GetProperty("host").GetString());
        Assert.Equal(3689, resolved.GetProperty("port").GetInt32());
        Assert.Contains(resolved.GetProperty("addresses").EnumerateArray(), a => a.GetString() == lab.B.Address);
        Assert.Equal("Kitchen", resolved.GetProperty("txt").GetProperty("Machine Name").GetString());
    }

    [Fact]
    public async Task Inkwell_Publishes_PythonZeroconfBrowserResolvesWithTxt()
    {
        using NetnsLab lab = NetnsLab.Create();
        LabProcess server = lab.StartInkwell(lab.A, "dns-sd", "-R", "Inkwell Music", "_daap._tcp", ".", "3689", "txtvers=1", "--json", "--interface", lab.A.Interface);
        await server.WaitForLineAsync(l => IsEvent(l, "registered"), Generous);

        LabProcess browse = PythonZeroconfPeer.Browse(lab, lab.B, "_daap._tcp");
        JsonElement resolved = Json(await browse.WaitForLineAsync(l => IsEvent(l, "resolved"), Generous));

        Assert.Equal("Inkwell Music._daap._tcp.local.", resolved.GetProperty("name").GetString());
        Assert.Equal(3689, resolved.GetProperty("port").GetInt32());
        Assert.Contains(resolved.GetProperty("addresses").EnumerateArray(), a => a.GetString() == lab.A.Address);
        Assert.Equal("1", resolved.GetProperty("txt").GetProperty("txtvers").GetString());
    }

    [Fact]
    public async Task PythonZeroconf_HoldsTheName_InkwellRenamesToName2()
    {
        using NetnsLab lab = NetnsLab.Create();
        LabProcess publisher = PythonZeroconfPeer.Publish(lab, lab.B, "DAAP Server", "_daap._tcp", 3689);
        await publisher.WaitForLineAsync(l => IsEvent(l, "registered"), Generous);

        LabProcess server = lab.StartInkwell(lab.A, "dns-sd", "-R", "DAAP Server", "_daap._tcp", ".", "3690", "--json");

        JsonElement registered = Json(await server.WaitForLineAsync(l => IsEvent(l, "registered"), Generous));
        Assert.Equal("DAAP Server (2)", registered.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Inkwell_HoldsTheName_PythonZeroconfPicksAnotherName()
    {
        using NetnsLab lab = NetnsLab.Create();
        LabProcess server = lab.StartInkwell(lab.A, "dns-sd", "-R", "DAAP Server", "_daap._tcp", ".", "3689", "--json", "--verbose");
        await server.WaitForLineAsync(l => IsEvent(l, "registered"), Generous);

        LabProcess publisher = PythonZeroconfPeer.Publish(lab, lab.B, "DAAP Server", "_daap._tcp", 3690);

        JsonElement registered = Json(await publisher.WaitForLineAsync(l => IsEvent(l, "registered"), Generous));
        Assert.Equal("DAAP Server-2._daap._tcp.local.", registered.GetProperty("name").GetString());
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("renaming", server.Errors, StringComparison.Ordinal); // and Inkwell keeps its name
    }
}
