namespace Inkwell.Zeroconf.Transport;

/// <summary>
/// One network interface with what mDNS needs of it and nothing more: its name and index, whether it is up (administratively
/// and with a carrier) and takes multicast, whether it is the loopback, and its addresses (an IPv6 link-local one carries the
/// interface index as its scope id). Read by <see cref="InterfaceList"/>.
/// </summary>
internal sealed record InterfaceEntry(string Name, int Index, bool IsUp, bool IsLoopback, bool SupportsMulticast, IReadOnlyList<LinkAddress> Addresses);
