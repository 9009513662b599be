using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Hosting.Internal.Handover;

/// <summary>A backend handed from one host to the next (its sockets, its host name), with the registrations kept for the next host.</summary>
internal sealed class SharedBackend(HandoverKey key, IServiceDiscoveryBackend backend, ForwardingLoggerFactory logging, HandoverTimeProvider time)
{
    public HandoverKey Key => key;

    public IServiceDiscoveryBackend Backend => backend;

    /// <summary>The backend's logging, forwarded to the host holding it.</summary>
    public ForwardingLoggerFactory Logging => logging;

    /// <summary>The backend's clock: the time provider of the host holding it (or the last one, while it is kept).</summary>
    public HandoverTimeProvider Time => time;

    /// <summary>Registrations kept for the next host; guarded by <see cref="RegistrationHandover"/>'s lock.</summary>
    public List<KeptRegistration> Kept { get; } = [];
}
