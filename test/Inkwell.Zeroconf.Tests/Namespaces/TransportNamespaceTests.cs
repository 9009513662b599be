using System.Net.NetworkInformation;
using Inkwell.Zeroconf.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inkwell.Zeroconf.Tests.Namespaces;

/// <summary>
/// A transport opened from a thread inside another network namespace keeps following that namespace's interfaces,
/// even when the address-change callback runs on a thread of the process's own namespace (where .NET raises it).
/// Before, such a callback listed the wrong namespace's interfaces and the transport stopped listening on its link.
/// </summary>
[Collection(nameof(NamespaceCollection))]
public sealed class TransportNamespaceTests
{
    [Fact]
    public async Task Open_RunsInsideTheNamespace_AndListsOnlyItsInterfaces()
    {
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        using HomeNetworkNamespace home = HomeNetworkNamespace.Open($"/run/netns/{lab.A.Namespace}");

        List<string> names = home.Run(() => NetworkInterface.GetAllNetworkInterfaces().Select(n => n.Name).Order(StringComparer.Ordinal).ToList());

        Assert.Equal(new[] { lab.A.Interface, "lo" }.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task RefreshLinks_FromOutsideTheNamespace_KeepsTheLinkAndSeesItsNewAddress()
    {
        await using NetnsLab lab = await NetnsLab.CreateAsync(TestContext.Current.CancellationToken);
        using HomeNetworkNamespace home = HomeNetworkNamespace.Open($"/run/netns/{lab.A.Namespace}");
        using UdpMulticastTransport transport = home.Run(() => new UdpMulticastTransport(
            new DnsServiceDiscoveryOptions { Interfaces = [lab.A.Interface] }, NullLogger.Instance));
        int changes = 0;
        transport.LinksChanged += () => changes++;

        transport.RefreshLinks(); // this thread is in the machine's namespace, which has no such interface

        Assert.Equal(lab.A.Interface, Assert.Single(transport.Links).Name);
        Assert.Equal(0, changes);

        await lab.A.IpAsync(["addr", "add", "10.213.0.9/24", "dev", lab.A.Interface], TestContext.Current.CancellationToken);
        transport.RefreshLinks();

        Assert.Equal(1, changes);
        Assert.Contains(Assert.Single(transport.Links).Addresses, a => a.Address.ToString() == "10.213.0.9");
    }
}
