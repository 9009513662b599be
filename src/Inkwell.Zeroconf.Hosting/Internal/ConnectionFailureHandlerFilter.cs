using Microsoft.Extensions.Http;

namespace Inkwell.Zeroconf.Hosting.Internal;

/// <summary>
/// Adds <see cref="ConnectionFailureHandler"/> to every HttpClient the factory builds, after every handler the app
/// configured (filters run after the client's own configuration), so it is inside Microsoft.Extensions.ServiceDiscovery's
/// resolving handler whatever order the app called things in, and sees the instance's address rather than <c>http://zoo</c>.
/// </summary>
internal sealed class ConnectionFailureHandlerFilter(DnsSdServiceWatches watches) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        builder.AdditionalHandlers.Add(new ConnectionFailureHandler(watches));
    };
}
