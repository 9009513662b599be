using Grpc.Net.Client.Balancer;
using Inkwell.Zeroconf.Hosting;
using Inkwell.Zeroconf.Hosting.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.ServiceDiscovery;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Plugs DNS-SD into Microsoft.Extensions.ServiceDiscovery (HttpClient, YARP) and Grpc.Net.Client.</summary>
public static class DnsSdServiceDiscoveryExtensions
{
    /// <summary>
    /// Adds a Microsoft.Extensions.ServiceDiscovery endpoint provider that resolves a service name to the live instances of a
    /// DNS-SD type: an <see cref="HttpClient"/> with base address <c>http://zoo</c> (and <c>AddServiceDiscovery()</c>) sends
    /// each request to an instance of <c>_zoo._tcp</c>, and follows instances as they come and go. The mapping is described on
    /// <see cref="DnsSdServiceEndpointProviderOptions"/>, bound from <c>Zeroconf:ServiceDiscovery</c>. Also registers the app's
    /// <see cref="Inkwell.Zeroconf.DnsServiceDiscovery"/> (<see cref="ZeroconfServiceCollectionExtensions.AddZeroconf"/>).
    /// The provider is placed ahead of the pass-through provider, so a name it claims is never passed to DNS as a host name
    /// while instances exist.
    /// Every HttpClient from the app's <see cref="IHttpClientFactory"/> also gets an innermost handler that watches for
    /// failed connections: when one fails to connect to an instance (an instance killed without goodbyes), the instance is
    /// left out of the endpoints at once and the network is asked whether it is still there (RFC 6762 §10.4); it comes back
    /// as soon as it answers and is dropped when nothing answers within ten seconds.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Adjusts the options after the configuration section was bound.</param>
    public static IServiceCollection AddDnsSdServiceEndpointProvider(this IServiceCollection services, Action<DnsSdServiceEndpointProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddServiceDiscoveryCore();
        AddWatches(services, configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ConnectionFailureHandlerFilter>());
        if (!services.Any(d => d.ServiceType == typeof(IServiceEndpointProviderFactory) && d.ImplementationType == typeof(DnsSdServiceEndpointProviderFactory)))
        {
            var factory = ServiceDescriptor.Singleton<IServiceEndpointProviderFactory, DnsSdServiceEndpointProviderFactory>();
            int passThrough = services.ToList().FindIndex(d =>
                d.ServiceType == typeof(IServiceEndpointProviderFactory) && d.ImplementationType?.Name == "PassThroughServiceEndpointProviderFactory");
            if (passThrough >= 0)
            {
                services.Insert(passThrough, factory);
            }
            else
            {
                services.Add(factory);
            }
        }
        return services;
    }

    /// <summary>
    /// Registers the <c>dnssd</c> resolver for gRPC channels (a <c>Grpc.Net.Client.Balancer.ResolverFactory</c>): with
    /// <c>GrpcChannelOptions.ServiceProvider</c> set to the app's services, <c>GrpcChannel.ForAddress("dnssd:///zoo", …)</c>
    /// balances over the live instances of <c>_zoo._tcp</c>. Also registers the <see cref="DnsSdAffinityConfig"/> policy, for
    /// instances that each keep their own state. The mapping and options are those of
    /// <see cref="AddDnsSdServiceEndpointProvider"/>; it also registers the app's <see cref="Inkwell.Zeroconf.DnsServiceDiscovery"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Adjusts the options after the configuration section was bound.</param>
    public static IServiceCollection AddDnsSdGrpcResolver(this IServiceCollection services, Action<DnsSdServiceEndpointProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddWatches(services, configure);
        if (!services.Any(d => d.ServiceType == typeof(DnsSdResolverFactory)))
        {
            services.AddSingleton(sp => new DnsSdResolverFactory(sp.GetRequiredService<DnsSdServiceWatches>()));
            services.AddSingleton<ResolverFactory>(sp => sp.GetRequiredService<DnsSdResolverFactory>());
            services.AddSingleton<LoadBalancerFactory, AffinityBalancerFactory>();
        }
        return services;
    }

    /// <summary>The app's DnsServiceDiscovery, the options and the shared browses, once.</summary>
    private static void AddWatches(IServiceCollection services, Action<DnsSdServiceEndpointProviderOptions>? configure)
    {
        services.AddZeroconf();
        if (!services.Any(d => d.ServiceType == typeof(DnsSdServiceWatches)))
        {
            services.AddSingleton<IConfigureOptions<DnsSdServiceEndpointProviderOptions>>(sp => new ConfigureOptions<DnsSdServiceEndpointProviderOptions>(options =>
                sp.GetService<IConfiguration>()?.GetSection(DnsSdServiceEndpointProviderOptions.SectionName).Bind(options)));
            services.AddSingleton(sp => new DnsSdServiceWatches(
                sp.GetRequiredService<Inkwell.Zeroconf.DnsServiceDiscovery>,
                sp.GetRequiredService<IOptions<DnsSdServiceEndpointProviderOptions>>(),
                sp.GetRequiredService<Logging.ILoggerFactory>(),
                sp.GetService<TimeProvider>()));
        }
        if (configure is not null)
        {
            services.Configure(configure);
        }
    }
}
