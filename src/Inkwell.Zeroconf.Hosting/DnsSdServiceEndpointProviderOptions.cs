namespace Inkwell.Zeroconf.Hosting;

/// <summary>
/// How service names (the host of <c>http://zoo</c>) map to DNS-SD service types for
/// <see cref="Microsoft.Extensions.DependencyInjection.DnsSdServiceDiscoveryExtensions.AddDnsSdServiceEndpointProvider"/>;
/// bound from the configuration section <c>Zeroconf:ServiceDiscovery</c>.
/// </summary>
/// <remarks>
/// The mapping: a name listed in <see cref="ServiceTypes"/> browses the type given there; any other name that is a valid
/// DNS-SD service name (1–15 letters, digits and hyphens, at least one letter, no hyphen at either end; not "localhost")
/// browses <c>_name._tcp</c>. An endpoint name (<c>http://_grpc.zoo</c>) selects the subtype <c>_grpc._sub._zoo._tcp</c>.
/// Every live instance of the type becomes one endpoint; the instance name itself does not appear in the service name.
/// </remarks>
public sealed class DnsSdServiceEndpointProviderOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string SectionName = "Zeroconf:ServiceDiscovery";

    /// <summary>Explicit service types by service name, e.g. <c>["zoo"] = "_zoo-api._tcp"</c>; they win over the convention.</summary>
    public IDictionary<string, string> ServiceTypes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long the first resolution of a name waits for a first instance before answering with none (later resolutions
    /// answer at once and are refreshed whenever instances come and go).
    /// </summary>
    public TimeSpan InitialWait { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long resolving one browsed instance (its SRV, TXT and addresses) may take before it is left out.</summary>
    public TimeSpan ResolveTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
