namespace Inkwell.Zeroconf;

/// <summary>A service instance appearing, changing or disappearing on one interface.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="InstanceName">The instance's name, e.g. "DAAP Server" (empty when enumerating service types).</param>
/// <param name="ServiceType">The service type, e.g. "_daap._tcp".</param>
/// <param name="Domain">The domain, "local".</param>
/// <param name="InterfaceName">The interface it was seen on.</param>
/// <param name="InterfaceIndex">That interface's index.</param>
/// <remarks>
/// <see cref="IsLocal"/> and <see cref="IsOwn"/> mean the same over every backend (they are Avahi's LOCAL and OUR_OWN
/// lookup-result flags): a browser can skip what it offers itself, as <c>avahi-browse --ignore-local</c> does.
/// </remarks>
public sealed record ServiceBrowseEvent(ServiceBrowseEventKind Kind, string InstanceName, string ServiceType, string Domain, string InterfaceName, int InterfaceIndex)
{
    /// <summary>
    /// The instance (or type) is offered by this host: registered through this backend or by another program on the
    /// same machine (with Avahi: by any client of the host's avahi-daemon; embedded: answered from one of this host's
    /// own addresses). Always true when <see cref="IsOwn"/> is.
    /// </summary>
    public bool IsLocal { get; init; }

    /// <summary>
    /// The instance (or type) was registered through this very backend: the same <see cref="DnsServiceDiscovery"/>
    /// (with Avahi: the same D-Bus connection to the daemon).
    /// </summary>
    public bool IsOwn { get; init; }

    /// <summary>
    /// For <see cref="ServiceBrowseEventKind.Updated"/>: the instance's new TXT keys (case-insensitive) and values, a key
    /// without '=' mapping to null (RFC 6763 §6.4). Null for the other kinds: resolve the instance for its TXT.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Txt { get; init; }
}
