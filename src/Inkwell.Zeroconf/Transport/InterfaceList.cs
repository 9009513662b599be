using System.Net.NetworkInformation;

namespace Inkwell.Zeroconf.Transport;

/// <summary>
/// Lists the network interfaces of the calling thread's network namespace. On Linux through getifaddrs(3) directly
/// (<see cref="LinuxInterfaceAddresses"/>): <c>NetworkInterface.GetAllNetworkInterfaces</c> makes the same call, but also
/// reads /proc/net/route, /proc/net/ipv6_route and /etc/resolv.conf, asks ethtool for every interface's speed and sets up
/// per-interface property objects mDNS never uses, which cost a cold <c>inkwell dns-sd</c> a noticeable part of its start
/// (docs/benchmarks.md). Elsewhere, and if the native call is unavailable, through <see cref="NetworkInterface"/>.
/// </summary>
internal static class InterfaceList
{
    /// <summary>The interfaces, in the order the system lists them.</summary>
    public static List<InterfaceEntry> Read()
    {
        if (OperatingSystem.IsLinux() && LinuxInterfaceAddresses.TryRead() is { } entries)
        {
            return entries;
        }
        return ReadManaged();
    }

    /// <summary>The interfaces as <see cref="NetworkInterface"/> reports them (the portable path, and the Linux path's oracle in tests).</summary>
    public static List<InterfaceEntry> ReadManaged()
    {
        var entries = new List<InterfaceEntry>();
        foreach (NetworkInterface nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            IPInterfaceProperties properties = nic.GetIPProperties();
            int index = nic.Supports(NetworkInterfaceComponent.IPv4) ? properties.GetIPv4Properties().Index
                : nic.Supports(NetworkInterfaceComponent.IPv6) ? properties.GetIPv6Properties().Index : -1;
            // A loop rather than LINQ: LINQ's generic code over this value type is JIT-compiled at every process start.
            var addresses = new List<LinkAddress>();
            foreach (UnicastIPAddressInformation unicast in properties.UnicastAddresses)
            {
                addresses.Add(new LinkAddress(unicast.Address, unicast.PrefixLength));
            }
            entries.Add(new InterfaceEntry(nic.Name, index, nic.OperationalStatus == OperationalStatus.Up,
                nic.NetworkInterfaceType == NetworkInterfaceType.Loopback, nic.SupportsMulticast, addresses));
        }
        return entries;
    }
}
