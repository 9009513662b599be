using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Avahi.Tests.Behaviour;

/// <summary>The two backends, each set up on one lab host.</summary>
internal static class LabBackends
{
    /// <summary>
    /// The embedded responder with its sockets inside the host's namespace, on the veth only. It is opened on a throw-away
    /// thread moved into the namespace (the library's own <see cref="HomeNetworkNamespace"/>, which never runs it when
    /// entering fails), with <see cref="EmbeddedBackend.Open"/>: what <c>CreateAsync</c> runs, called synchronously
    /// because the work must stay on that thread. Should it ever be opened outside, no interface of that name exists and
    /// opening fails instead of sending anything.
    /// </summary>
    public static IServiceDiscoveryBackend Embedded(LabHost host)
    {
        using HomeNetworkNamespace inside = HomeNetworkNamespace.Open(Path.Combine("/run/netns", host.Namespace));
        return inside.Run<IServiceDiscoveryBackend>(() => EmbeddedBackend.Open(new DnsServiceDiscoveryOptions
        {
            Interfaces = [LabHost.InterfaceName],
            HostName = host.HostName,
        }));
    }

    /// <summary>The host's own avahi-daemon (started here) through the Avahi backend on the host's private bus.</summary>
    public static async Task<IServiceDiscoveryBackend> AvahiAsync(LabHost host, CancellationToken cancellationToken)
    {
        await host.StartAvahiAsync(cancellationToken);
        return await AvahiBackend.ConnectAsync(new AvahiBackendOptions { BusAddress = host.BusAddress }, cancellationToken);
    }
}
