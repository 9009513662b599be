using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inkwell.Zeroconf.Hosting.Tests;

/// <summary>
/// Where the handler that reports failed connections sits: inside Microsoft.Extensions.ServiceDiscovery's resolving handler
/// (it must see the instance's address, not <c>http://zoo</c>), whatever order the app configured things in.
/// </summary>
public sealed class ConnectionFailureHandlerTests
{
    /// <summary>A host's services (they include the configuration Microsoft.Extensions.ServiceDiscovery needs).</summary>
    private static IServiceCollection NewServices() => Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings()).Services;

    private static async Task<List<string>> Chain(IServiceCollection services, string client)
    {
        await using ServiceProvider provider = services.BuildServiceProvider();
        HttpMessageHandler? handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(client);
        var chain = new List<string>();
        while (handler is not null)
        {
            chain.Add(handler.GetType().Name);
            handler = (handler as DelegatingHandler)?.InnerHandler;
        }
        return chain;
    }

    private static void AssertInside(List<string> chain)
    {
        int resolving = chain.IndexOf("ResolvingHttpDelegatingHandler");
        int failures = chain.IndexOf("ConnectionFailureHandler");
        Assert.True(resolving >= 0 && failures > resolving, string.Join(" -> ", chain));
    }

    [Fact]
    public async Task ProviderAddedFirst_NamedClientConfiguredAfter_HandlerIsInside()
    {
        IServiceCollection services = NewServices();
        services.AddDnsSdServiceEndpointProvider();
        services.AddServiceDiscovery();
        services.AddHttpClient("zoo").AddServiceDiscovery();
        AssertInside(await Chain(services, "zoo"));
    }

    [Fact]
    public async Task ClientDefaultsConfiguredFirst_ProviderAddedAfter_HandlerIsInside()
    {
        IServiceCollection services = NewServices();
        services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        services.AddServiceDiscovery();
        services.AddDnsSdServiceEndpointProvider();
        AssertInside(await Chain(services, "any"));
    }

    [Fact]
    public async Task AddedTwice_OneHandler()
    {
        IServiceCollection services = NewServices();
        services.AddDnsSdServiceEndpointProvider().AddDnsSdServiceEndpointProvider();
        services.AddServiceDiscovery();
        services.AddHttpClient("zoo").AddServiceDiscovery();
        Assert.Single(await Chain(services, "zoo"), n => n == "ConnectionFailureHandler");
    }
}
