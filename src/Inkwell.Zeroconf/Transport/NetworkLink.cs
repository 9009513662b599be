using System.Net;
using System.Net.Sockets;

namespace Inkwell.Zeroconf.Transport;

/// <summary>One network interface as mDNS sees it: a scope for records, caches and rate limits (RFC 6762 §14).</summary>
internal sealed record NetworkLink(int Index, string Name, IReadOnlyList<LinkAddress> Addresses)
{
    /// <summary>Whether <paramref name="source"/> is on this link: a subnet of ours, or IPv6 link-local (RFC 6762 §11).</summary>
    public bool IsOnLink(IPAddress source)
    {
        if (source.IsIPv4MappedToIPv6)
        {
            source = source.MapToIPv4();
        }
        if (source.AddressFamily == AddressFamily.InterNetworkV6 && source.IsIPv6LinkLocal)
        {
            return true;
        }
        for (int i = 0; i < Addresses.Count; i++) // by index: no enumerator allocated per packet
        {
            if (Addresses[i].Contains(source))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The link's addresses of one family, for the A or AAAA records sent on it (RFC 6762 §6.2).</summary>
    public IEnumerable<IPAddress> AddressesOf(AddressFamily family) =>
        Addresses.Where(a => a.Address.AddressFamily == family).Select(a => a.Address);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
