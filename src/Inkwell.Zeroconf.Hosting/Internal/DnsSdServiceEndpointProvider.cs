using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.ServiceDiscovery;

namespace Inkwell.Zeroconf.Hosting.Internal;

/// <summary>
/// Answers one service-discovery query (<c>http://zoo</c>) with the live instances of its DNS-SD type, one endpoint each:
/// a <see cref="UriEndPoint"/> with the instance's scheme (TXT <c>scheme</c>, default http), address and port. The schemes a
/// query asks for filter the instances the way Microsoft.Extensions.ServiceDiscovery's configuration provider does:
/// <c>https+http://zoo</c> takes the https instances when there are any, else the http ones.
/// </summary>
internal sealed class DnsSdServiceEndpointProvider : IServiceEndpointProvider
{
    private readonly DnsSdServiceWatches _watches;
    private readonly string _browseType;
    private readonly string _serviceType;
    private readonly string[] _schemes;
    private readonly bool _allSchemes;

    public DnsSdServiceEndpointProvider(DnsSdServiceWatches watches, string browseType, string serviceType, string[] schemes, bool allSchemes)
    {
        _watches = watches;
        _browseType = browseType;
        _serviceType = serviceType;
        _schemes = schemes;
        _allSchemes = allSchemes;
    }

    public async ValueTask PopulateAsync(IServiceEndpointBuilder endpoints, CancellationToken cancellationToken)
    {
        DnsSdServiceWatch watch = _watches.Get(_browseType, _serviceType);
        if (!watch.FirstResolved.IsCompleted)
        {
            try
            {
                await watch.FirstResolved.WaitAsync(_watches.Options.InitialWait, _watches.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Log.NoInstanceYet(_watches.Logger, _browseType, _watches.Options.InitialWait);
            }
        }
        endpoints.AddChangeToken(watch.ChangeToken);
        foreach (ServiceEndpoint endpoint in Select(watch.Snapshot(), _schemes, _allSchemes))
        {
            endpoints.Endpoints.Add(endpoint);
        }
    }

    public ValueTask DisposeAsync() => default;

    public override string ToString() => "DNS-SD";

    /// <summary>The endpoints for <paramref name="instances"/>: all of them, or those of the first scheme in <paramref name="schemes"/> that any instance serves.</summary>
    internal static IEnumerable<ServiceEndpoint> Select(IReadOnlyList<ResolvedService> instances, IReadOnlyList<string> schemes, bool allSchemes)
    {
        IEnumerable<ResolvedService> chosen = instances;
        if (!allSchemes)
        {
            string? scheme = schemes.FirstOrDefault(s => instances.Any(i => string.Equals(DnsSdServiceName.SchemeOf(i.Txt), s, StringComparison.OrdinalIgnoreCase)));
            chosen = scheme is null ? [] : instances.Where(i => string.Equals(DnsSdServiceName.SchemeOf(i.Txt), scheme, StringComparison.OrdinalIgnoreCase));
        }
        foreach (ResolvedService instance in chosen)
        {
            if (DnsSdServiceWatch.PreferredAddress(instance) is { } address)
            {
                yield return ServiceEndpoint.Create(new UriEndPoint(EndpointUri(DnsSdServiceName.SchemeOf(instance.Txt), address, instance.Port)));
            }
        }
    }

    /// <summary>
    /// <c>scheme://address:port/</c>, an IPv6 address in brackets with its scope after a plain '%' (System.Uri does not decode
    /// RFC 6874's "%25"; HttpClient connects to <see cref="Uri.IdnHost"/>, which keeps the scope).
    /// </summary>
    internal static Uri EndpointUri(string scheme, IPAddress address, int port)
    {
        string host = address.AddressFamily == AddressFamily.InterNetworkV6
            ? "[" + address + "]"
            : address.ToString();
        return new Uri($"{scheme}://{host}:{port}/");
    }
}
