using System.Net;

namespace Inkwell.Zeroconf.Hosting.Internal;

/// <summary>
/// The innermost handler of the app's HttpClients: it sees the address Microsoft.Extensions.ServiceDiscovery put in the
/// request, and when connecting there fails (<see cref="HttpRequestError.ConnectionError"/>: refused, unreachable) it tells
/// the DNS-SD watches, which leave that instance out while asking the network whether it is still there. Everything else
/// passes through untouched.
/// </summary>
internal sealed class ConnectionFailureHandler(DnsSdServiceWatches watches) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError)
        {
            Report(request.RequestUri);
            throw;
        }
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return base.Send(request, cancellationToken);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError)
        {
            Report(request.RequestUri);
            throw;
        }
    }

    /// <summary>Reports the request's address and port, when it names an address (as the DNS-SD provider's endpoints do).</summary>
    private void Report(Uri? uri)
    {
        // IdnHost keeps an IPv6 scope ("[fe80::1%3]"), Host drops it.
        if (uri is { IsAbsoluteUri: true } && IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out IPAddress? address))
        {
            watches.ReportUnreachable(address, uri.Port);
        }
    }
}
