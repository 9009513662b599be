namespace Inkwell.Zeroconf.AspNetCore;

/// <summary>What <see cref="Microsoft.Extensions.DependencyInjection.DnsSdAdvertisementExtensions.AddDnsSdAdvertisement(Microsoft.Extensions.DependencyInjection.IServiceCollection, string, Action{DnsSdAdvertisementOptions})"/> announces.</summary>
public sealed class DnsSdAdvertisementOptions
{
    /// <summary>The instance name asked for; null for "<c>{application name} on {machine name}</c>" (cut to 63 bytes). On a conflict the responder picks the next free name.</summary>
    public string? InstanceName { get; set; }

    /// <summary>TXT keys and values added to every registration, e.g. <c>("path", "/")</c> or <c>("version", "2")</c>; the key <c>scheme</c> is set by the advertiser.</summary>
    public IList<KeyValuePair<string, string?>> Txt { get; } = [];

    /// <summary>Subtypes, e.g. "_grpc" for <c>_grpc._sub._zoo._tcp</c> (clients ask for it as <c>http://_grpc.zoo</c>).</summary>
    public IList<string> Subtypes { get; } = [];

    /// <summary>Whether endpoints bound only to loopback addresses are announced (other hosts cannot reach them; off by default).</summary>
    public bool IncludeLoopback { get; set; }

    /// <summary>
    /// How long graceful shutdown waits after the goodbyes before the server stops: browsers drop an instance one second after
    /// its goodbye (RFC 6762 §10.1), and requests they send meanwhile should still be served. Zero to stop at once.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(1.5);
}
