using System.Text.Json;

namespace Inkwell.Zeroconf.Tests.WideArea;

/// <summary>RFC 6763 §11 domain enumeration against the lab's BIND: records written by <c>nsupdate</c>, read by the library and by <c>dns-sd -E/-F</c>.</summary>
[Collection(nameof(BindCollection))]
public sealed class DomainEnumerationTests(BindLab lab)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private void WriteDomainRecords() => lab.NsUpdate("""
        update delete b._dns-sd._udp.example.test PTR
        update delete db._dns-sd._udp.example.test PTR
        update delete r._dns-sd._udp.example.test PTR
        update add b._dns-sd._udp.example.test 60 PTR example.test.
        update add b._dns-sd._udp.example.test 60 PTR sites.example.test.
        update add db._dns-sd._udp.example.test 60 PTR example.test.
        update add r._dns-sd._udp.example.test 60 PTR example.test.
        """);

    [Fact]
    public async Task EnumerateDomains_ReadsEachKindsPtrRecords()
    {
        lab.Require();
        WriteDomainRecords();
        await using var discovery = new DnsServiceDiscovery(new DnsServiceDiscoveryOptions { WideArea = new WideAreaOptions { Server = lab.Server } });

        IReadOnlyList<string> browse = await discovery.EnumerateDomainsAsync(DomainEnumerationKind.Browse, BindLab.Zone, Token);
        IReadOnlyList<string> defaultBrowse = await discovery.EnumerateDomainsAsync(DomainEnumerationKind.DefaultBrowse, BindLab.Zone, Token);
        IReadOnlyList<string> registration = await discovery.EnumerateDomainsAsync(DomainEnumerationKind.Registration, BindLab.Zone, Token);
        IReadOnlyList<string> legacy = await discovery.EnumerateDomainsAsync(DomainEnumerationKind.LegacyBrowse, BindLab.Zone, Token);

        Assert.Equal(["example.test", "sites.example.test"], browse.Order(StringComparer.Ordinal));
        Assert.Equal(["example.test"], defaultBrowse);
        Assert.Equal(["example.test"], registration);
        Assert.Empty(legacy);
    }

    [Fact]
    public async Task EnumerateDomains_OfLocal_IsAnArgumentError()
    {
        await using var discovery = new DnsServiceDiscovery(new DnsServiceDiscoveryOptions { WideArea = new WideAreaOptions { Server = new(System.Net.IPAddress.Loopback, 53) } });

        await Assert.ThrowsAsync<ArgumentException>(() => discovery.EnumerateDomainsAsync(DomainEnumerationKind.Browse, "local", Token));
    }

    [Fact]
    public async Task DnsSdF_ListsLocalAndTheServersBrowsingDomains_DefaultMarked()
    {
        lab.Require();
        WriteDomainRecords();
        (int exitCode, string output, string error) = await InkwellTool.RunAsync(["dns-sd", "-F", BindLab.Zone, "--server", $"127.0.0.1:{lab.Port}", "--json", "--timeout", "2"], cancellationToken: Token);

        Assert.True(exitCode == 0, error);
        List<(string Domain, bool Default)> domains = [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (e.GetProperty("domain").GetString()!, e.GetProperty("default").GetBoolean()))];
        Assert.Equal([("local", false), ("example.test", true), ("sites.example.test", false)], domains);
    }
}
