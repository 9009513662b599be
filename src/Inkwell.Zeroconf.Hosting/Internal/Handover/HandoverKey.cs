using Inkwell.Zeroconf.Avahi;

namespace Inkwell.Zeroconf.Hosting.Internal.Handover;

/// <summary>What a host's backend is built from: a kept backend goes only to a host that would build the same one.</summary>
internal sealed record HandoverKey(
    BackendMode Backend, string Interfaces, bool UseIPv4, bool UseIPv6, string? HostName, string? BusAddress, TimeSpan ProbeTimeout, TimeProvider TimeProvider)
{
    public static HandoverKey From(ZeroconfOptions options, TimeProvider timeProvider) => new(
        options.Backend, string.Join('\n', options.Interfaces), options.UseIPv4, options.UseIPv6, options.HostName, options.BusAddress, options.ProbeTimeout, timeProvider);
}
