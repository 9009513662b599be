using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf;

/// <summary>
/// Bonjour / DNS-SD for .NET: register services, browse for them, resolve them, over multicast DNS.
/// The work is done by a backend: the embedded responder by default, or a system daemon.
/// </summary>
/// <example>
/// <code>
/// await using var discovery = new ServiceDiscovery();
/// await using ServiceRegistration registration = await discovery.RegisterAsync(new ServiceProfile("DAAP Server", "_daap._tcp", 3689));
/// await foreach (ServiceBrowseEvent e in discovery.BrowseAsync("_daap._tcp", cancellationToken: token)) { ... }
/// </code>
/// </example>
public sealed class ServiceDiscovery : IAsyncDisposable
{
    /// <summary>Uses the embedded responder with the given options (real sockets on every multicast interface by default).</summary>
    public ServiceDiscovery(ServiceDiscoveryOptions? options = null)
        : this(new EmbeddedBackend(options))
    {
    }

    /// <summary>Uses the given backend; the discovery object owns it and disposes it.</summary>
    public ServiceDiscovery(IServiceDiscoveryBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        Backend = backend;
    }

    /// <summary>The backend doing the work.</summary>
    public IServiceDiscoveryBackend Backend { get; }

    /// <summary>
    /// Announces a service. Completes once the name is established: after probing (about a second) and
    /// any renaming on conflict ("Name (2)" embedded, "Name #2" through Avahi); <see cref="ServiceRegistration.Name"/> is the final name.
    /// Dispose the registration to withdraw the service.
    /// </summary>
    public ValueTask<ServiceRegistration> RegisterAsync(ServiceProfile profile, CancellationToken cancellationToken = default)
    {
        ServiceNameRules.Validate(profile);
        return Backend.RegisterAsync(profile, cancellationToken);
    }

    /// <summary>Browses for instances of a service type (or "_subtype._sub._type._tcp") until cancelled.</summary>
    public IAsyncEnumerable<ServiceBrowseEvent> BrowseAsync(string serviceType, string? domain = null, CancellationToken cancellationToken = default)
    {
        ServiceNames.ParseServiceType(serviceType, domain, nameof(serviceType));
        return Backend.BrowseAsync(serviceType, cancellationToken);
    }

    /// <summary>Resolves an instance to its host, port, addresses and TXT data; waits until it answers or is cancelled.</summary>
    public Task<ResolvedService> ResolveAsync(string instanceName, string serviceType, string? domain = null, CancellationToken cancellationToken = default)
    {
        ServiceNames.ValidateInstance(instanceName, nameof(instanceName));
        ServiceNames.ParseServiceType(serviceType, domain, nameof(serviceType));
        return Backend.ResolveAsync(instanceName, serviceType, cancellationToken);
    }

    /// <summary>Enumerates the service types announced on the network (RFC 6763 §9); events carry the type only.</summary>
    public IAsyncEnumerable<ServiceBrowseEvent> BrowseServiceTypesAsync(string? domain = null, CancellationToken cancellationToken = default)
    {
        ServiceNames.CheckDomain(domain, nameof(domain));
        return Backend.BrowseServiceTypesAsync(cancellationToken);
    }

    /// <summary>Follows the records of one name and type (like <c>dns-sd -Q</c>) until cancelled.</summary>
    public IAsyncEnumerable<DnsRecordEvent> QueryRecordsAsync(string name, DnsRecordType type = DnsRecordType.A, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        DnsName.Parse(name);
        return Backend.QueryRecordsAsync(name, type, cancellationToken);
    }

    /// <summary>Withdraws every registration (goodbyes) and closes the backend; safe to call twice.</summary>
    public ValueTask DisposeAsync() => Backend.DisposeAsync();
}
