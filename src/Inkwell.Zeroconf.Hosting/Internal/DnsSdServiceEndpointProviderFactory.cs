using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.ServiceDiscovery;

namespace Inkwell.Zeroconf.Hosting.Internal;

/// <summary>Claims the service names DNS-SD maps (<see cref="DnsSdServiceName"/>) and answers them from the network.</summary>
internal sealed class DnsSdServiceEndpointProviderFactory(DnsSdServiceWatches watches, IOptions<Microsoft.Extensions.ServiceDiscovery.ServiceDiscoveryOptions> serviceDiscoveryOptions) : IServiceEndpointProviderFactory
{
    public bool TryCreateProvider(ServiceEndpointQuery query, [NotNullWhen(true)] out IServiceEndpointProvider? provider)
    {
        if (!DnsSdServiceName.TryMap(query.ServiceName, query.EndpointName, watches.Options, out string browseType, out string serviceType))
        {
            provider = null;
            return false;
        }
        // An empty AllowedSchemes allows every scheme (Microsoft.Extensions.ServiceDiscovery's default).
        IList<string> allowed = serviceDiscoveryOptions.Value.AllowedSchemes;
        string[] schemes = [.. query.IncludedSchemes.Where(s => allowed.Count == 0 || allowed.Contains(s, StringComparer.OrdinalIgnoreCase))];
        provider = new DnsSdServiceEndpointProvider(watches, browseType, serviceType, schemes, allSchemes: query.IncludedSchemes.Count == 0);
        return true;
    }
}
