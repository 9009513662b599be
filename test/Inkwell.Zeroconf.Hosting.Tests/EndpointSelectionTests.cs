using System.Net;
using Inkwell.Zeroconf.Hosting.Internal;
using Microsoft.Extensions.ServiceDiscovery;

namespace Inkwell.Zeroconf.Hosting.Tests;

public sealed class EndpointSelectionTests
{
    private static ResolvedService Instance(string name, string? scheme, int port, params string[] addresses) =>
        new(name, "_zoo._tcp", "local", name + ".local", port, [.. addresses.Select(IPAddress.Parse)],
            scheme is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["scheme"] = scheme }, "eth0", 2);

    private static string[] Uris(IEnumerable<ServiceEndpoint> endpoints) => [.. endpoints.Select(e => ((UriEndPoint)e.EndPoint).Uri.ToString())];

    private static readonly ResolvedService[] s_mixed =
    [
        Instance("a", "http", 5000, "10.0.0.1"),
        Instance("b", "https", 5001, "10.0.0.2"),
        Instance("c", null, 5002, "fe80::1", "10.0.0.3"),
    ];

    [Fact]
    public void Select_NoScheme_TakesEveryInstanceWithItsOwnScheme() =>
        Assert.Equal(["http://10.0.0.1:5000/", "https://10.0.0.2:5001/", "http://10.0.0.3:5002/"], Uris(DnsSdServiceEndpointProvider.Select(s_mixed, [], allSchemes: true)));

    [Fact]
    public void Select_HttpsPlusHttp_PrefersHttpsInstances() =>
        Assert.Equal(["https://10.0.0.2:5001/"], Uris(DnsSdServiceEndpointProvider.Select(s_mixed, ["https", "http"], allSchemes: false)));

    [Fact]
    public void Select_HttpsPlusHttp_FallsBackToHttp() =>
        Assert.Equal(["http://10.0.0.1:5000/", "http://10.0.0.3:5002/"],
            Uris(DnsSdServiceEndpointProvider.Select([s_mixed[0], s_mixed[2]], ["https", "http"], allSchemes: false)));

    [Fact]
    public void Select_SchemeNobodyServes_TakesNone() =>
        Assert.Empty(DnsSdServiceEndpointProvider.Select(s_mixed, ["ftp"], allSchemes: false));

    [Fact]
    public void Select_InstanceWithoutAddress_IsLeftOut() =>
        Assert.Empty(DnsSdServiceEndpointProvider.Select([Instance("d", "http", 80)], [], allSchemes: true));

    [Fact]
    public void EndpointUri_IPv6LinkLocal_KeepsItsScope()
    {
        Uri uri = DnsSdServiceEndpointProvider.EndpointUri("http", new IPAddress(IPAddress.Parse("fe80::1").GetAddressBytes(), 3), 8080);
        Assert.Equal(8080, uri.Port);
        // HttpClient connects to IdnHost, which carries the scope (Host drops it).
        Assert.True(IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out IPAddress? parsed), uri.IdnHost);
        Assert.Equal(3, parsed!.ScopeId);
    }
}
