using Inkwell.Zeroconf.Avahi.Internal.DBus;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>
/// What the client knows of the daemon. <see cref="Generation"/> changes whenever the daemon leaves or joins the
/// bus: every object path of an older generation is dead. <see cref="BusLost"/> is set, for good, once the bus
/// connection itself is gone.
/// </summary>
internal readonly record struct AvahiDaemonStatus(long Generation, string? Owner, AvahiServerState State, Exception? BusLost)
{
    public bool IsPresent => Owner is not null && BusLost is null;

    public bool IsRunning => IsPresent && State == AvahiServerState.Running;
}
