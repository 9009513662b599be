using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inkwell.Zeroconf;

/// <summary>
/// Wide-area DNS-SD (RFC 6763 over unicast DNS): the DNS server that holds the domain's zone, and how to
/// write to it (RFC 2136 UPDATE signed with a TSIG key). Used for every domain other than <c>local</c>.
/// </summary>
public sealed class WideAreaOptions
{
    /// <summary>
    /// The DNS server queries go to, e.g. 192.0.2.53:53: the zone's authoritative server (asked without recursion), or a
    /// recursive resolver. Null: the system resolver, the first <c>nameserver</c> of /etc/resolv.conf (asked with
    /// recursion desired).
    /// </summary>
    public IPEndPoint? Server { get; init; }

    /// <summary>
    /// The server DNS UPDATEs go to. Null: found per zone as DNS-SD clients do, by asking <see cref="Server"/> for the
    /// target of the zone's <c>_dns-update._udp.&lt;zone&gt;</c> SRV record, else the primary named by the zone's SOA
    /// (its MNAME, port 53), and then for that host's address.
    /// </summary>
    public IPEndPoint? UpdateServer { get; init; }

    /// <summary>The TSIG key updates are signed with (<see cref="TsigKey.Load"/> reads a BIND key file); null sends them unsigned.</summary>
    public TsigKey? Key { get; init; }

    /// <summary>
    /// The zone to update; null finds it from the registration's domain (its SOA, or the enclosing zone's SOA in the
    /// server's authority section: "sites.example.test" inside zone "example.test").
    /// </summary>
    public string? Zone { get; init; }

    /// <summary>
    /// The host the SRV records point to: a label ("media-pc", placed under the domain) or a full name
    /// ("media-pc.example.test."). Null: the machine's host name under the domain.
    /// </summary>
    public string? HostName { get; init; }

    /// <summary>
    /// Addresses to publish as the host's A / AAAA records with each registration (removed with the last one).
    /// Empty: publish none; the host name must then resolve already.
    /// </summary>
    public IReadOnlyList<IPAddress> HostAddresses { get; init; } = [];

    /// <summary>The TTL of the records written (RFC 6763 suggests short TTLs for dynamic data).</summary>
    public TimeSpan Ttl { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The update lease asked for (RFC 9664); registrations are refreshed at 80 % of it. Servers that ignore
    /// the option (BIND 9.18) keep the records until they are removed.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How long to wait for the first answer over UDP; each retry waits twice as long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many times a UDP request is sent before the server counts as unreachable.</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>The first interval between browse polls (and after any change).</summary>
    public TimeSpan MinPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest interval between browse polls; the interval doubles up to it while nothing changes.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The clock (TSIG time signed, timeouts, polls, lease refresh).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where log lines go.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The resolver configuration read for the system's name server and search list (tests point it elsewhere).</summary>
    internal string ResolvConfPath { get; init; } = WideArea.ResolvConf.DefaultPath;
}
