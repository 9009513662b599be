namespace Inkwell.Zeroconf.Tests.WideArea;

/// <summary>
/// Where updates go, found as DNS-SD clients find it (the zone's <c>_dns-update._udp</c> SRV, else the SOA's primary,
/// which <see cref="Namespaces.WideAreaNetnsTests"/> covers on port 53), unless configured; and the browsing domains under the
/// system's search list. Against the lab's BIND on loopback.
/// </summary>
[Collection(nameof(BindCollection))]
public sealed class UpdateServerDiscoveryTests(BindLab lab)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DnsServiceDiscovery Discovery(System.Net.IPEndPoint? updateServer = null, string? resolvConf = null) => new(new DnsServiceDiscoveryOptions
    {
        WideArea = new WideAreaOptions
        {
            Server = lab.Server,
            UpdateServer = updateServer,
            Key = lab.Key,
            HostName = "found-host",
            Timeout = TimeSpan.FromSeconds(2), // generous: BIND on a loaded machine can take this long; only unreachable cases wait it out
            Attempts = 2,
            ResolvConfPath = resolvConf ?? "/nonexistent/resolv.conf",
        },
    });

    [Fact]
    public async Task Register_WithoutUpdateServer_GoesWhereTheZonesDnsUpdateSrvPoints()
    {
        lab.Require();
        // moved.test publishes 127.0.0.1:1 as its update server, where nothing listens.
        await using DnsServiceDiscovery discovery = Discovery();

        WideAreaException e = await Assert.ThrowsAsync<WideAreaException>(async () =>
            await discovery.RegisterAsync(new ServiceProfile("Moved", "_wmoved._tcp", 1) { Domain = BindLab.MovedZone }, Token));

        Assert.Equal(WideAreaError.Unreachable, e.Error);
        Assert.Contains("127.0.0.1:1", e.Message, StringComparison.Ordinal);
        Assert.Equal("", lab.Dig("PTR", "_wmoved._tcp.moved.test"));
    }

    [Fact]
    public async Task Register_WithAConfiguredUpdateServer_IgnoresThePublishedOne()
    {
        lab.Require();
        await using DnsServiceDiscovery discovery = Discovery(updateServer: lab.Server);

        await using ServiceRegistration registration = await discovery.RegisterAsync(new ServiceProfile("Moved", "_wmoved2._tcp", 2) { Domain = BindLab.MovedZone }, Token);

        Assert.Equal("0 0 2 found-host.moved.test.", lab.Dig("SRV", "Moved._wmoved2._tcp.moved.test").Trim());
        await registration.DisposeAsync();
        Assert.Equal("", lab.Dig("SRV", "Moved._wmoved2._tcp.moved.test"));
    }

    [Fact]
    public async Task EnumerateDomains_WithoutADomain_AsksUnderEachSystemSearchDomain()
    {
        lab.Require();
        lab.NsUpdate("""
            update delete b._dns-sd._udp.example.test PTR
            update add b._dns-sd._udp.example.test 60 PTR example.test.
            update add b._dns-sd._udp.example.test 60 PTR sites.example.test.
            """);
        // The first search domain is not served (BIND refuses it): it contributes nothing, the next one answers.
        string resolvConf = Path.Combine(lab.Directory, "resolv-search.conf");
        File.WriteAllText(resolvConf, "# a comment\nnameserver 192.0.2.1\nsearch unserved.test example.test.\n");
        await using DnsServiceDiscovery discovery = Discovery(resolvConf: resolvConf);

        IReadOnlyList<string> browse = await discovery.EnumerateDomainsAsync(DomainEnumerationKind.Browse, cancellationToken: Token);

        Assert.Equal(["example.test", "sites.example.test"], browse.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EnumerateDomains_WithoutADomainOrSearchList_IsEmpty()
    {
        lab.Require();
        await using DnsServiceDiscovery discovery = Discovery();

        Assert.Empty(await discovery.EnumerateDomainsAsync(DomainEnumerationKind.Browse, cancellationToken: Token));
    }
}
