using Inkwell.Zeroconf.Avahi;

namespace Inkwell.Zeroconf.Hosting;

/// <summary>
/// How <see cref="Microsoft.Extensions.DependencyInjection.ZeroconfServiceCollectionExtensions.AddZeroconf"/> builds the app's
/// <see cref="DnsServiceDiscovery"/>; bound from the configuration section <c>Zeroconf</c> (e.g. <c>Zeroconf:Backend = embedded</c>,
/// <c>Zeroconf:Interfaces:0 = eth0</c>), then adjusted by the <c>configure</c> delegate.
/// </summary>
public sealed class ZeroconfOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string SectionName = "Zeroconf";

    /// <summary>
    /// Which responder does the work: <see cref="BackendMode.Auto"/> (avahi-daemon when it answers on the system bus, else the
    /// embedded responder; the default), <see cref="BackendMode.Avahi"/> or <see cref="BackendMode.Embedded"/>.
    /// </summary>
    public BackendMode Backend { get; set; } = BackendMode.Auto;

    /// <summary>Embedded responder: interface names to use; empty for every up, multicast-capable interface.</summary>
    public IList<string> Interfaces { get; } = [];

    /// <summary>Embedded responder: whether to use IPv4 (224.0.0.251).</summary>
    public bool UseIPv4 { get; set; } = true;

    /// <summary>Embedded responder: whether to use IPv6 (ff02::fb).</summary>
    public bool UseIPv6 { get; set; } = true;

    /// <summary>Embedded responder: the host label to claim under .local; null for the machine's host name.</summary>
    public string? HostName { get; set; }

    /// <summary>Avahi: the D-Bus address of the system bus; null for <c>DBUS_SYSTEM_BUS_ADDRESS</c> or the standard socket.</summary>
    public string? BusAddress { get; set; }

    /// <summary>How long <see cref="BackendMode.Auto"/> and <see cref="BackendMode.Avahi"/> wait for avahi-daemon to answer.
    /// Default <see cref="AvahiBackendOptions.DefaultProbeTimeout"/>.</summary>
    public TimeSpan ProbeTimeout { get; set; } = AvahiBackendOptions.DefaultProbeTimeout;

    /// <summary>
    /// How long a registration kept for the app's next version (<see cref="ZeroconfHandover"/>: the host is restarted in this
    /// process, as <c>inkwell run</c> does after an edit) waits to be taken over before it is withdrawn. Default 10 s; zero turns
    /// handing over off, so every stop withdraws (goodbyes) and the next version probes again. Configuration
    /// <c>Zeroconf:HandoverGrace = 00:00:10</c>.
    /// </summary>
    public TimeSpan HandoverGrace { get; set; } = TimeSpan.FromSeconds(10);
}
