
namespace Inkwell.Zeroconf.Avahi.Tests;

/// <summary>The lab itself: hosts are isolated, and a daemon started there is reachable over the host's private bus.</summary>
public sealed class LabTests
{
    [Fact(Timeout = 60_000)]
    public async Task Lab_StartsAvahiInsideTheNamespace_ReachableOverThePrivateBus()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await lab.A.StartAvahiAsync(ct);

        string hostName = await lab.A.RunAsync("avahi-resolve", ["--name", lab.A.HostName + ".local"], TimeSpan.FromSeconds(10), ct);

        Assert.Contains(lab.A.Address, hostName, StringComparison.Ordinal);
        Assert.Contains("Joining mDNS multicast group on interface veth0.IPv4", lab.A.AvahiLog, StringComparison.Ordinal);
        Assert.DoesNotContain("interface eth", lab.A.AvahiLog, StringComparison.Ordinal);
    }
}
