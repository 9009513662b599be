using Inkwell.Zeroconf.Avahi;

namespace Inkwell.Zeroconf.Hosting.Internal.Handover;

/// <summary>
/// What a host's backend is built from: a kept backend goes only to a host that would build the same one. The clock counts by
/// its type's name, not by instance: each version of an app builds its own <see cref="TimeProvider"/> (and an app's own type is
/// a new type in each version's load context), so the instance would never match and would pin the old version; the backend
/// takes time from the new one instead (<see cref="HandoverTimeProvider"/>).
/// </summary>
internal sealed record HandoverKey(
    BackendMode Backend, string Interfaces, bool UseIPv4, bool UseIPv6, string? HostName, string? BusAddress, TimeSpan ProbeTimeout, string Clock)
{
    public static HandoverKey From(ZeroconfOptions options, TimeProvider timeProvider) => new(
        options.Backend, string.Join('\n', options.Interfaces), options.UseIPv4, options.UseIPv6, options.HostName, options.BusAddress, options.ProbeTimeout,
        timeProvider.GetType().FullName ?? timeProvider.GetType().Name);
}
