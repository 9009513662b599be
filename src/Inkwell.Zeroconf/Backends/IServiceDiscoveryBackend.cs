using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Backends;

/// <summary>
/// What <see cref="DnsServiceDiscovery"/> needs from an mDNS implementation: the embedded responder
/// (<see cref="EmbeddedBackend"/>), or a system daemon (Avahi over D-Bus, mDNSResponder's dns_sd)
/// so that only one responder owns the host's names. Arguments arrive validated.
/// </summary>
public interface IServiceDiscoveryBackend : IAsyncDisposable
{
    /// <summary>A short name for logs and the CLI, e.g. "embedded" or "avahi".</summary>
    string Name { get; }

    /// <summary>Registers a service; completes once its name is established (after probing and any rename).</summary>
    Task<ServiceRegistration> RegisterAsync(ServiceProfile profile, CancellationToken cancellationToken);

    /// <summary>Browses for instances of a type ("_daap._tcp" or "_sub._sub._daap._tcp") until cancelled.</summary>
    IAsyncEnumerable<ServiceBrowseEvent> BrowseAsync(string serviceType, CancellationToken cancellationToken);

    /// <summary>Resolves one instance to host, port, addresses and TXT.</summary>
    Task<ResolvedService> ResolveAsync(string instanceName, string serviceType, CancellationToken cancellationToken);

    /// <summary>Enumerates the service types on the network (RFC 6763 §9) until cancelled.</summary>
    IAsyncEnumerable<ServiceBrowseEvent> BrowseServiceTypesAsync(CancellationToken cancellationToken);

    /// <summary>Follows the records of one name and type until cancelled.</summary>
    IAsyncEnumerable<DnsRecordEvent> QueryRecordsAsync(string name, DnsRecordType type, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the network whether an instance that could not be reached is still there (RFC 6762 §10.4); see
    /// <see cref="DnsServiceDiscovery.ReconfirmAsync"/>. Backends that cannot (avahi-daemon offers no way to) fail with
    /// <see cref="NotSupportedException"/>, which is what this default does.
    /// </summary>
    Task<bool> ReconfirmAsync(string instanceName, string serviceType, CancellationToken cancellationToken) =>
        Task.FromException<bool>(new NotSupportedException(
            $"The {Name} backend cannot reconfirm records; an instance that died without goodbyes stays until its records expire."));
}
