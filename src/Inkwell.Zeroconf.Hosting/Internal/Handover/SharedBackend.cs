using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Hosting.Internal.Handover;

/// <summary>A backend handed from one host to the next (its sockets, its host name), with the registrations kept for the next host.</summary>
internal sealed class SharedBackend(HandoverKey key, IServiceDiscoveryBackend backend, ForwardingLoggerFactory logging)
{
    public HandoverKey Key => key;

    public IServiceDiscoveryBackend Backend => backend;

    /// <summary>The backend's logging, forwarded to the host holding it.</summary>
    public ForwardingLoggerFactory Logging => logging;

    /// <summary>Registrations kept for the next host; guarded by <see cref="RegistrationHandover"/>'s lock.</summary>
    public List<KeptRegistration> Kept { get; } = [];
}
