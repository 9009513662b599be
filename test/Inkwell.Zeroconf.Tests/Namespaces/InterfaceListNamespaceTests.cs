using System.Diagnostics;
using System.Net.Sockets;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Tests.Namespaces;

/// <summary>
/// The Linux interface listing (getifaddrs(3), <see cref="LinuxInterfaceAddresses"/>) against
/// <c>NetworkInterface.GetAllNetworkInterfaces</c> as the oracle, in a namespace holding interfaces of every kind mDNS tells
/// apart: up with IPv4, an IPv4 address under a label and IPv6 (global and link-local); up without a carrier; up without
/// multicast; the loopback.
/// </summary>
[Collection(nameof(NamespaceCollection))]
public sealed class InterfaceListNamespaceTests
{
    [Fact]
    public async Task LinuxListing_EqualsNetworkInterfaces_InEveryFieldMdnsUses()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "getifaddrs(3) is read on Linux only");
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateAsync(cancellationToken);
        Task Ip(string arguments) => NetnsLab.IpAsync(arguments.Split(' '), cancellationToken);
        string ns = lab.A.Namespace;
        string full = lab.A.Interface + "f", noCarrier = lab.A.Interface + "c", noCarrierPeer = lab.A.Interface + "p";
        string noMulticast = lab.A.Interface + "m", noMulticastPeer = lab.A.Interface + "n";
        await Ip($"-n {ns} link add {full} type veth peer name {full}q");
        await Ip($"-n {ns} link add {noCarrier} type veth peer name {noCarrierPeer}");
        await Ip($"-n {ns} link add {noMulticast} type veth peer name {noMulticastPeer}");
        await Ip($"-n {ns} addr add 10.78.0.1/24 dev {full}");
        await Ip($"-n {ns} addr add 10.78.1.1/16 dev {full} label {full}:7");
        await Ip($"-n {ns} addr add fd00:78::1/64 dev {full} nodad");
        await Ip($"-n {ns} addr add 10.79.0.1/24 dev {noCarrier}");
        await Ip($"-n {ns} addr add 10.80.0.1/24 dev {noMulticast}");
        await Ip($"-n {ns} link set {full} up");
        await Ip($"-n {ns} link set {full}q up");
        await Ip($"-n {ns} link set {noCarrier} up"); // its peer stays down: no carrier
        await Ip($"-n {ns} link set {noMulticast} up multicast off");
        await Ip($"-n {ns} link set {noMulticastPeer} up");
        using HomeNetworkNamespace home = HomeNetworkNamespace.Open($"/run/netns/{ns}");

        // Carrier changes reach the flags, and bring the IPv6 link-local addresses, asynchronously (the kernel's link
        // watch): wait until the interfaces with a carrier are up with their link-local address, then compare once.
        List<InterfaceEntry> managed = [];
        var waited = Stopwatch.StartNew();
        while (true)
        {
            managed = home.Run(InterfaceList.ReadManaged);
            if (new[] { full, noMulticast, lab.A.Interface }.All(name => managed.Exists(e => e.Name == name && e.IsUp && e.Addresses.Any(a => a.Address.IsIPv6LinkLocal))))
            {
                break;
            }
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the lab's interfaces did not come up: " + Describe(managed));
            await Task.Delay(50, cancellationToken);
        }
        List<InterfaceEntry>? native = home.Run(LinuxInterfaceAddresses.TryRead);

        Assert.NotNull(native);
        Assert.Equal(Describe(managed), Describe(native));
        InterfaceEntry fullEntry = native.Single(e => e.Name == full);
        Assert.True(fullEntry.IsUp && fullEntry.SupportsMulticast && !fullEntry.IsLoopback);
        Assert.Contains(fullEntry.Addresses, a => a.ToString() == "10.78.1.1/16"); // the labelled address is the interface's
        Assert.Contains(fullEntry.Addresses, a => a.ToString() == "fd00:78::1/64");
        Assert.Contains(fullEntry.Addresses, a => a.Address.IsIPv6LinkLocal && a.Address.ScopeId == fullEntry.Index);
        Assert.False(native.Single(e => e.Name == noCarrier).IsUp);
        Assert.False(native.Single(e => e.Name == noMulticast).SupportsMulticast);
        Assert.True(native.Single(e => e.Name == "lo").IsLoopback);
        Assert.DoesNotContain(native, e => e.Name.Contains(':', StringComparison.Ordinal));
    }

    /// <summary>
    /// Every field mDNS reads, one interface a line, the addresses sorted. NetworkInterface knows no index for an interface
    /// without an IP address (it reads it from the address properties), so the index is compared where it has one.
    /// </summary>
    private static string Describe(List<InterfaceEntry> entries) => string.Join("\n", entries
        .OrderBy(e => e.Name, StringComparer.Ordinal)
        .Select(e => $"{e.Name} index={(e.Addresses.Count > 0 ? e.Index : "?")} up={e.IsUp} loopback={e.IsLoopback} multicast={e.SupportsMulticast} "
            + string.Join(" ", e.Addresses.Select(a => $"{a.Address}/{a.PrefixLength}" + (a.Address.AddressFamily == AddressFamily.InterNetworkV6 ? $" scope {a.Address.ScopeId}" : "")).Order(StringComparer.Ordinal))));
}
