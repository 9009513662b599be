using Inkwell.Zeroconf.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inkwell.Zeroconf;

/// <summary>How the embedded backend listens and identifies itself.</summary>
public sealed class DnsServiceDiscoveryOptions
{
    /// <summary>Interface names to use (e.g. "eth0"); null or empty for every up, multicast-capable interface.</summary>
    public IReadOnlyList<string>? Interfaces { get; init; }

    /// <summary>Whether to use IPv4 (224.0.0.251).</summary>
    public bool UseIPv4 { get; init; } = true;

    /// <summary>Whether to use IPv6 (ff02::fb).</summary>
    public bool UseIPv6 { get; init; } = true;

    /// <summary>The host label to claim under .local; defaults to the machine's host name. Renamed "host-2" on conflict.</summary>
    public string? HostName { get; init; }

    /// <summary>The clock; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where log lines go.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>
    /// Wide-area DNS-SD: the DNS server (and TSIG key) used for every domain other than <c>local</c>. Null: only
    /// multicast DNS, and a non-local domain is an argument error.
    /// </summary>
    public WideAreaOptions? WideArea { get; init; }

    /// <summary>A transport to use instead of real sockets.</summary>
    /// <remarks>
    /// Internal on purpose: the one user is the test project's in-memory network in virtual time (and a benchmark's
    /// discarding transport), and <see cref="IMulticastTransport"/> is engine plumbing, not a promise to users. A user
    /// who wants to test against Inkwell without a network runs it in a network namespace, as the lab tests do.
    /// </remarks>
    internal IMulticastTransport? Transport { get; init; }

    /// <summary>A seeded random source for repeatable tests (internal for the same reason as <see cref="Transport"/>).</summary>
    internal Random? Random { get; init; }
}
