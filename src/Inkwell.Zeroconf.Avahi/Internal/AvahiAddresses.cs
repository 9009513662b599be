using System.Net;
using System.Net.Sockets;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>Avahi's textual addresses as <see cref="IPAddress"/>es.</summary>
internal static class AvahiAddresses
{
    /// <summary>
    /// Parses an address from a resolver's <c>Found</c>. Avahi writes an IPv6 link-local address without its zone,
    /// so the interface it was found on becomes the scope id: without it the address cannot be connected to.
    /// </summary>
    /// <exception cref="AvahiException">The daemon sent something that is not an address.</exception>
    public static IPAddress Parse(string address, int interfaceIndex)
    {
        if (!IPAddress.TryParse(address, out IPAddress? parsed))
        {
            throw new AvahiException($"avahi-daemon reported '{address}', which is not an IP address.");
        }
        if (parsed.AddressFamily == AddressFamily.InterNetworkV6 && parsed.IsIPv6LinkLocal && parsed.ScopeId == 0 && interfaceIndex > 0)
        {
            parsed.ScopeId = interfaceIndex;
        }
        return parsed;
    }
}
