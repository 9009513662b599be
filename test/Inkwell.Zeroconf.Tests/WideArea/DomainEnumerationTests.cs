namespace Inkwell.Zeroconf.Tests.WideArea;

/// <summary>RFC 6763 §11 domain enumeration against the lab's BIND: records written by <c>nsupdate</c>, read by the library.</summary>
[Collection(nameof(BindCollection))]
public sealed class DomainEnumerationTests(BindLab lab)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnumerateDomains_ReadsEachKindsPtrRecords()
    {
        lab.Require();
        lab.WriteDomainEnumerationRecords();
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
}
