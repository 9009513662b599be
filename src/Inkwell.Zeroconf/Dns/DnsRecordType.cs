namespace Inkwell.Zeroconf.Dns;

/// <summary>DNS resource record types that multicast DNS and DNS-SD use (RFC 1035, 3596, 2782, 4034).</summary>
public enum DnsRecordType : ushort
{
    /// <summary>An IPv4 address.</summary>
    A = 1,
    /// <summary>Start of authority: names a zone (the zone section of a DNS UPDATE, RFC 2136 §2.3).</summary>
    Soa = 6,
    /// <summary>A canonical name (alias); carried, never followed.</summary>
    CName = 5,
    /// <summary>A pointer to another name: DNS-SD's service instance enumeration.</summary>
    Ptr = 12,
    /// <summary>Host information.</summary>
    HInfo = 13,
    /// <summary>Text strings: DNS-SD's key=value metadata.</summary>
    Txt = 16,
    /// <summary>An IPv6 address.</summary>
    Aaaa = 28,
    /// <summary>A service location: target host, port, priority, weight.</summary>
    Srv = 33,
    /// <summary>EDNS(0) options; never cached.</summary>
    Opt = 41,
    /// <summary>Which types a name has: mDNS's negative answer (RFC 6762 §6.1).</summary>
    Nsec = 47,
    /// <summary>A question for every type (QTYPE only).</summary>
    Any = 255,
}
