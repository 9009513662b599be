using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tmds.DBus.Protocol;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>How to reach avahi-daemon.</summary>
internal sealed record AvahiClientOptions
{
    /// <summary>The D-Bus address; by default the system bus (<c>DBUS_SYSTEM_BUS_ADDRESS</c> or the standard socket).</summary>
    public string? BusAddress { get; init; }

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>
    /// The longest a single D-Bus call may take inside the background loops that keep registrations and browsers
    /// alive, so a daemon that stops answering never stalls them for good.
    /// </summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>The clock of the client's own timers (see <see cref="AvahiBackendOptions.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public string ResolveBusAddress() => BusAddress ?? DBusAddress.System
        ?? throw new AvahiException("No D-Bus system bus address is known (DBUS_SYSTEM_BUS_ADDRESS is not set and there is no default).");
}
