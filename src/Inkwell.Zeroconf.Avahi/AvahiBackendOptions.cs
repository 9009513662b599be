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

    /// <summary>The default <see cref="ProbeTimeout"/>: 5 s. Only a bus or daemon that accepts the call and then does not
    /// answer waits this long; a missing bus socket or an absent daemon is known at once. A daemon that answers slowly
    /// because the machine is busy is still chosen (1 s proved too short on a loaded 2-core machine).</summary>
    public static TimeSpan DefaultProbeTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the <see cref="BackendMode.Auto"/> and <see cref="BackendMode.Avahi"/> choices wait for the daemon to answer.
    /// Default <see cref="DefaultProbeTimeout"/>.</summary>
    public TimeSpan ProbeTimeout { get; init; } = DefaultProbeTimeout;

    /// <summary>
    /// The clock of the backend's own timers: how long a restarted daemon gets to find instances again before the
    /// browsers report them gone, and the pauses between retries when the daemon does not answer. As in
    /// <see cref="DnsServiceDiscoveryOptions.TimeProvider"/>, a test can pass a fake one. The timeouts of calls to the
    /// daemon stay in real time: they bound real I/O with a process that keeps real time.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
