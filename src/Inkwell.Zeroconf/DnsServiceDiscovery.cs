using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;
using Inkwell.Zeroconf.WideArea;

namespace Inkwell.Zeroconf;

/// <summary>
/// Bonjour / DNS-SD for .NET: register services, browse for them, resolve them. The domain picks the transport:
/// <c>local</c> (the default) goes over multicast DNS through a backend (the embedded responder by default, or a
/// system daemon); any other domain is wide-area DNS-SD over unicast DNS to the server in
/// <see cref="WideAreaOptions"/> (registration by signed DNS UPDATE). Both can be used at once.
/// </summary>
/// <example>
/// <code>
/// await using var discovery = new DnsServiceDiscovery();
/// await using ServiceRegistration registration = await discovery.RegisterAsync(new ServiceProfile("DAAP Server", "_daap._tcp", 3689));
/// await foreach (ServiceBrowseEvent e in discovery.BrowseAsync("_daap._tcp", cancellationToken: token)) { ... }
/// </code>
/// </example>
public sealed class DnsServiceDiscovery : IAsyncDisposable
{
    private readonly Lazy<IServiceDiscoveryBackend> _backend;
    private readonly WideAreaClient? _wideArea;
    private int _disposed;

    /// <summary>
    /// Uses the embedded responder with the given options (real sockets on every multicast interface by default),
    /// and <see cref="DnsServiceDiscoveryOptions.WideArea"/> for other domains. The multicast sockets are opened on the
    /// first use of a <c>local</c> domain (or of <see cref="Backend"/>), so a wide-area-only user opens none.
    /// </summary>
    public DnsServiceDiscovery(DnsServiceDiscoveryOptions? options = null)
    {
        _backend = new Lazy<IServiceDiscoveryBackend>(() => EmbeddedBackend.Open(options));
        _wideArea = options?.WideArea is { } wideArea ? new WideAreaClient(wideArea) : null;
    }

    /// <summary>Uses the given backend; the discovery object owns it and disposes it.</summary>
    public DnsServiceDiscovery(IServiceDiscoveryBackend backend)
        : this(backend, null)
    {
    }

    /// <summary>Uses the given backend for <c>local</c> and <paramref name="wideArea"/> (if not null) for other domains.</summary>
    public DnsServiceDiscovery(IServiceDiscoveryBackend backend, WideAreaOptions? wideArea)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _backend = new Lazy<IServiceDiscoveryBackend>(backend);
        _wideArea = wideArea is null ? null : new WideAreaClient(wideArea);
    }

    /// <summary>The backend doing the multicast work (created on first use when built from options).</summary>
    public IServiceDiscoveryBackend Backend
    {
        get
        {
            // After dispose, never open sockets for a backend that was not there.
            ObjectDisposedException.ThrowIf(_disposed != 0 && !_backend.IsValueCreated, this);
            return _backend.Value;
        }
    }

    /// <summary>
    /// Announces a service. Over multicast, completes once the name is established: after probing (about a second)
    /// and any renaming on conflict ("Name (2)" embedded, "Name #2" through Avahi). In another domain, completes once
    /// the DNS server accepted the update (renamed "Name (2)" when the name is taken). <see cref="ServiceRegistration.Name"/>
    /// is the final name. Dispose the registration to withdraw the service.
    /// </summary>
    public Task<ServiceRegistration> RegisterAsync(ServiceProfile profile, CancellationToken cancellationToken = default)
    {
        ServiceNameRules.Validate(profile);
        DnsName domain = ServiceNames.ParseDomain(profile.Domain, nameof(profile));
        return ServiceNames.IsMulticast(domain)
            ? Backend.RegisterAsync(profile, cancellationToken)
            : WideArea(profile.Domain, nameof(profile)).RegisterAsync(profile, domain, cancellationToken);
    }

    /// <summary>Browses for instances of a service type (or "_subtype._sub._type._tcp") in a domain ("local" by default) until cancelled.</summary>
    public IAsyncEnumerable<ServiceBrowseEvent> BrowseAsync(string serviceType, string? domain = null, CancellationToken cancellationToken = default)
    {
        DnsName domainName = ServiceNames.ParseDomain(domain, nameof(domain));
        DnsName typeName = ServiceNames.ParseServiceTypeIn(serviceType, domainName, nameof(serviceType));
        return ServiceNames.IsMulticast(domainName)
            ? Backend.BrowseAsync(serviceType, cancellationToken)
            : WideArea(domain, nameof(domain)).BrowseAsync(typeName, domainName, cancellationToken);
    }

    /// <summary>Resolves an instance to its host, port, addresses and TXT data; waits until it answers or is cancelled.</summary>
    public Task<ResolvedService> ResolveAsync(string instanceName, string serviceType, string? domain = null, CancellationToken cancellationToken = default)
    {
        ServiceNames.ValidateInstance(instanceName, nameof(instanceName));
        DnsName domainName = ServiceNames.ParseDomain(domain, nameof(domain));
        DnsName typeName = ServiceNames.ParseServiceTypeIn(serviceType, domainName, nameof(serviceType));
        return ServiceNames.IsMulticast(domainName)
            ? Backend.ResolveAsync(instanceName, serviceType, cancellationToken)
            : WideArea(domain, nameof(domain)).ResolveAsync(instanceName, typeName, domainName, cancellationToken);
    }

    /// <summary>
    /// Enumerates the service types announced in a domain ("local" by default; RFC 6763 §9) until cancelled; events carry
    /// the type only. In another domain, polls the <c>_services._dns-sd._udp.</c>&lt;domain&gt; PTR records that wide-area
    /// registrations write, with the browse's backoff.
    /// </summary>
    public IAsyncEnumerable<ServiceBrowseEvent> BrowseServiceTypesAsync(string? domain = null, CancellationToken cancellationToken = default)
    {
        DnsName domainName = ServiceNames.ParseDomain(domain, nameof(domain));
        return ServiceNames.IsMulticast(domainName)
            ? Backend.BrowseServiceTypesAsync(cancellationToken)
            : WideArea(domain, nameof(domain)).BrowseServiceTypesAsync(domainName, cancellationToken);
    }

    /// <summary>
    /// Asks the wide-area DNS server which domains its operator recommends for browsing or registering (RFC 6763 §11:
    /// the PTR records at <c>b</c>, <c>db</c>, <c>r</c>, <c>dr</c> or <c>lb</c> <c>._dns-sd._udp.</c><paramref name="domain"/>),
    /// e.g. "example.test" for the domain "test". Empty when there are none. Needs <see cref="DnsServiceDiscoveryOptions.WideArea"/>;
    /// over multicast the only domain is "local". A null <paramref name="domain"/> asks under each domain of the system
    /// resolver's search list (the <c>search</c> / <c>domain</c> line of /etc/resolv.conf), as RFC 6763 §11 has a host do
    /// with the domains it is configured with, and returns their union in search-list order.
    /// </summary>
    public Task<IReadOnlyList<string>> EnumerateDomainsAsync(DomainEnumerationKind kind, string? domain = null, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a domain enumeration kind.");
        }
        if (domain is null)
        {
            return WideArea("(the search list)", nameof(domain)).EnumerateSystemDomainsAsync(kind, cancellationToken);
        }
        ArgumentException.ThrowIfNullOrEmpty(domain);
        DnsName domainName = ServiceNames.ParseDomain(domain, nameof(domain));
        if (ServiceNames.IsMulticast(domainName))
        {
            throw new ArgumentException("Domain enumeration asks a unicast DNS server; over multicast DNS the only domain is 'local'.", nameof(domain));
        }
        return WideArea(domain, nameof(domain)).EnumerateDomainsAsync(kind, domainName, cancellationToken);
    }

    /// <summary>
    /// Follows the records of one name and type (like <c>dns-sd -Q</c>) until cancelled. A name under <c>local</c> is
    /// asked over multicast DNS; any other name over unicast DNS when <see cref="DnsServiceDiscoveryOptions.WideArea"/> is
    /// configured (polled with the browse's backoff; a record is added when it appears and removed when it goes), else
    /// over multicast DNS as well.
    /// </summary>
    public IAsyncEnumerable<DnsRecordEvent> QueryRecordsAsync(string name, DnsRecordType type = DnsRecordType.A, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        DnsName dnsName = DnsName.Parse(name);
        if (!ServiceNames.IsMulticast(dnsName) && _wideArea is not null)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            return _wideArea.QueryRecordsAsync(dnsName, type, cancellationToken);
        }
        return Backend.QueryRecordsAsync(name, type, cancellationToken);
    }

    /// <summary>
    /// Reports that an instance could not be reached (a connection to its address and port failed), so what the cache holds
    /// about it may be stale. The backend asks for the instance's SRV record and the PTR records that name it again, without
    /// listing them as known answers, and flushes those nobody answers for within ten seconds (RFC 6762 §10.4, the cache's
    /// "failure indication"); browses then report the instance removed. A live instance answers at once and nothing changes.
    /// Completes with true as soon as the instance answered (or it is this process's own), false once its records were
    /// flushed or when none were cached. Cancelling stops the wait, not the queries. Multicast only.
    /// </summary>
    /// <exception cref="NotSupportedException">The backend cannot reconfirm records (avahi-daemon's D-Bus API offers no way to).</exception>
    public Task<bool> ReconfirmAsync(string instanceName, string serviceType, CancellationToken cancellationToken = default)
    {
        ServiceNames.ValidateInstance(instanceName, nameof(instanceName));
        ServiceNames.ParseServiceType(serviceType, null, nameof(serviceType));
        return Backend.ReconfirmAsync(instanceName, serviceType, cancellationToken);
    }

    /// <summary>Withdraws every registration (goodbyes, DNS UPDATE deletes) and closes the backend; safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        if (_wideArea is not null)
        {
            await _wideArea.DisposeAsync().ConfigureAwait(false);
        }
        if (_backend.IsValueCreated)
        {
            await _backend.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private WideAreaClient WideArea(string? domain, string parameterName)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _wideArea ?? throw new ArgumentException(
            $"Domain '{domain}' is not served by multicast DNS, and no wide-area DNS server is configured (DnsServiceDiscoveryOptions.WideArea).", parameterName);
    }
}
