using System.Net;

namespace Inkwell.Zeroconf.Transport;

/// <summary>mDNS's well-known port and groups (RFC 6762 §3).</summary>
internal static class MulticastDnsEndpoints
{
    /// <summary>The mDNS port.</summary>
    public const int Port = 5353;

    /// <summary>224.0.0.251.</summary>
    public static readonly IPAddress GroupV4 = IPAddress.Parse("224.0.0.251");

    /// <summary>ff02::fb.</summary>
    public static readonly IPAddress GroupV6 = IPAddress.Parse("ff02::fb");
}
