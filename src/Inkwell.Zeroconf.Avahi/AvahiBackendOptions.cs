using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inkwell.Zeroconf.Avahi;

/// <summary>How <see cref="AvahiBackend"/> reaches avahi-daemon.</summary>
public sealed class AvahiBackendOptions
{
    /// <summary>The D-Bus address; null for the system bus (<c>DBUS_SYSTEM_BUS_ADDRESS</c> or the standard socket).</summary>
    public string? BusAddress { get; init; }

    /// <summary>Where log lines go (the backend choice, the daemon coming and going, renames).</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>How long the <see cref="BackendMode.Auto"/> and <see cref="BackendMode.Avahi"/> choices wait for the daemon to answer.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(1);
}
