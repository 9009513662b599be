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
    private static readonly TimeSpan s_generous = TimeSpan.FromSeconds(60);

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

    private static bool IsEvent(string line, string name) => line.StartsWith('{') && Json(line).GetProperty("event").GetString() == name;

    /// <summary>A watcher's line for the SRV record of Inkwell's "DAAP Server" (type 33), as announced or in an answer.</summary>
    private static bool IsInkwellsSrv(string line) =>
        PythonZeroconfPeer.IsEvent(line, "record") && Json(line) is var record &&
        record.GetProperty("type").GetInt32() == 33 &&
        string.Equals(record.GetProperty("name").GetString(), "DAAP Server._daap._tcp.local.", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task Avahi_Publishes_InkwellBrowsesAndResolves()
    {
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        await lab.B.StartAvahiAsync(TestContext.Current.CancellationToken, hostName: "avahi-b");
        lab.B.StartAvahiPublish("Avahi Music", "_daap._tcp", 3689, "txtvers=1", "Machine Name=Attic");
        TestProcess browse = lab.A.StartInkwell("dns-sd", "-B", "_daap._tcp", "--json");
        TestProcess resolve = lab.A.StartInkwell("dns-sd", "-L", "Avahi Music", "_daap._tcp", "--json");

        JsonElement added = Json(await browse.WaitForOutputLineAsync(l => IsEvent(l, "added"), s_generous, TestContext.Current.CancellationToken));
        JsonElement resolved = Json(await resolve.WaitForOutputLineAsync(l => IsEvent(l, "resolved"), s_generous, TestContext.Current.CancellationToken));

        Assert.Equal("Avahi Music", added.GetProperty("name").GetString());
        Assert.Equal("avahi-b.local", resolved.GetProperty("host").GetString());
        Assert.Equal(3689, resolved.GetProperty("port").GetInt32());
        Assert.Contains(resolved.GetProperty("addresses").EnumerateArray(), a => a.GetString() == lab.B.Address);
        Assert.Equal("Attic", resolved.GetProperty("txt").GetProperty("Machine Name").GetString());
    }

    [Fact]
    public async Task Inkwell_Publishes_AvahiBrowseResolvesWithTxt()
    {
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        await lab.B.StartAvahiAsync(TestContext.Current.CancellationToken, hostName: "avahi-b");
        TestProcess server = lab.A.StartInkwell("dns-sd", "-R", "Inkwell Music", "_daap._tcp", ".", "3689", "txtvers=1", "Password=false", "--json");
        await server.WaitForOutputLineAsync(l => IsEvent(l, "registered"), s_generous, TestContext.Current.CancellationToken);

        TestProcess browse = lab.B.Start("avahi-browse", ["-rpk", "_daap._tcp"]);
        string line = await browse.WaitForOutputLineAsync(l => l.StartsWith("=;", StringComparison.Ordinal) && l.Contains("Inkwell", StringComparison.Ordinal), s_generous, TestContext.Current.CancellationToken);

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
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        await lab.B.StartAvahiAsync(TestContext.Current.CancellationToken, hostName: "avahi-b");
        TestProcess publisher = lab.B.StartAvahiPublish("DAAP Server", "_daap._tcp", 3689);
        await publisher.WaitForLineAsync(l => l.Contains("Established", StringComparison.Ordinal), s_generous, TestContext.Current.CancellationToken);

        TestProcess server = lab.A.StartInkwell("dns-sd", "-R", "DAAP Server", "_daap._tcp", ".", "3690", "--json");

        JsonElement registered = Json(await server.WaitForOutputLineAsync(l => IsEvent(l, "registered"), s_generous, TestContext.Current.CancellationToken));
        Assert.Equal("DAAP Server (2)", registered.GetProperty("name").GetString());
    }

    [Fact]
    public async Task PythonZeroconf_Publishes_InkwellBrowsesAndResolves()
    {
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        TestProcess publisher = PythonZeroconfPeer.Publish(lab.B, "Py Music", "_daap._tcp", 3689, "txtvers=1", "Machine Name=Kitchen");
        await publisher.WaitForOutputLineAsync(l => IsEvent(l, "registered"), s_generous, TestContext.Current.CancellationToken);
        TestProcess resolve = lab.A.StartInkwell("dns-sd", "-L", "Py Music", "_daap._tcp", "--json");

        JsonElement resolved = Json(await resolve.WaitForOutputLineAsync(l => IsEvent(l, "resolved"), s_generous, TestContext.Current.CancellationToken));

        Assert.Equal("pyhost.local", resolved.GetProperty("host").GetString());
        Assert.Equal(3689, resolved.GetProperty("port").GetInt32());
        Assert.Contains(resolved.GetProperty("addresses").EnumerateArray(), a => a.GetString() == lab.B.Address);
        Assert.Equal("Kitchen", resolved.GetProperty("txt").GetProperty("Machine Name").GetString());
    }

    [Fact]
    public async Task Inkwell_Publishes_PythonZeroconfBrowserResolvesWithTxt()
    {
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        TestProcess server = lab.A.StartInkwell("dns-sd", "-R", "Inkwell Music", "_daap._tcp", ".", "3689", "txtvers=1", "--json", "--interface", lab.A.Interface);
        await server.WaitForOutputLineAsync(l => IsEvent(l, "registered"), s_generous, TestContext.Current.CancellationToken);

        TestProcess browse = PythonZeroconfPeer.Browse(lab.B, "_daap._tcp");
        JsonElement resolved = Json(await browse.WaitForOutputLineAsync(l => IsEvent(l, "resolved"), s_generous, TestContext.Current.CancellationToken));

        Assert.Equal("Inkwell Music._daap._tcp.local.", resolved.GetProperty("name").GetString());
        Assert.Equal(3689, resolved.GetProperty("port").GetInt32());
        Assert.Contains(resolved.GetProperty("addresses").EnumerateArray(), a => a.GetString() == lab.A.Address);
        Assert.Equal("1", resolved.GetProperty("txt").GetProperty("txtvers").GetString());
    }

    [Fact]
    public async Task PythonZeroconf_HoldsTheName_InkwellRenamesToName2()
    {
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        TestProcess publisher = PythonZeroconfPeer.Publish(lab.B, "DAAP Server", "_daap._tcp", 3689);
        await publisher.WaitForOutputLineAsync(l => IsEvent(l, "registered"), s_generous, TestContext.Current.CancellationToken);

        TestProcess server = lab.A.StartInkwell("dns-sd", "-R", "DAAP Server", "_daap._tcp", ".", "3690", "--json");

        JsonElement registered = Json(await server.WaitForOutputLineAsync(l => IsEvent(l, "registered"), s_generous, TestContext.Current.CancellationToken));
        Assert.Equal("DAAP Server (2)", registered.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Inkwell_HoldsTheName_PythonZeroconfPicksAnotherName()
    {
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        // Holding the name means announced: python-zeroconf checks for only ~350 ms, and a responder does not repeat a
        // record within 250 ms of multicasting it (RFC 6762 §6), so python-zeroconf starts once host B has heard both of
        // Inkwell's announcements (its SRV twice), and the watcher is gone before it starts.
        TestProcess server;
        using (TestProcess watcher = PythonZeroconfPeer.Watch(lab.B))
        {
            await watcher.WaitForOutputLineAsync(l => PythonZeroconfPeer.IsEvent(l, "watching"), s_generous, TestContext.Current.CancellationToken);
            server = lab.A.StartInkwell("dns-sd", "-R", "DAAP Server", "_daap._tcp", ".", "3689", "--json", "--verbose");
            await server.WaitForOutputLineAsync(l => IsEvent(l, "registered"), s_generous, TestContext.Current.CancellationToken);
            for (int announcement = 0; announcement < 2; announcement++)
            {
                await watcher.ReadOutputLineAsync(IsInkwellsSrv, s_generous, TestContext.Current.CancellationToken);
            }
        }

        TestProcess publisher = PythonZeroconfPeer.Publish(lab.B, "DAAP Server", "_daap._tcp", 3690);

        JsonElement registered = Json(await publisher.WaitForOutputLineAsync(l => IsEvent(l, "registered"), s_generous, TestContext.Current.CancellationToken));
        Assert.Equal("DAAP Server-2._daap._tcp.local.", registered.GetProperty("name").GetString());
        // And Inkwell keeps its name: a fresh browser on B resolves Inkwell's instance under it, on Inkwell's port. Inkwell
        // would have renamed on hearing python-zeroconf's probes, which came before python-zeroconf's "registered".
        TestProcess browse = PythonZeroconfPeer.Browse(lab.B, "_daap._tcp");
        JsonElement kept = Json(await browse.WaitForOutputLineAsync(l => PythonZeroconfPeer.IsEvent(l, "resolved", "DAAP Server._daap._tcp.local."), s_generous, TestContext.Current.CancellationToken));
        Assert.Equal(3689, kept.GetProperty("port").GetInt32());
        Assert.DoesNotContain("renaming", server.Errors, StringComparison.Ordinal);
    }
}
