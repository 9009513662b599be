using Inkwell.Zeroconf.Hosting;
using Inkwell.Zeroconf.Hosting.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.ServiceDiscovery;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Plugs DNS-SD into Microsoft.Extensions.ServiceDiscovery.</summary>
public static class DnsSdServiceDiscoveryExtensions
{
    /// <summary>
    /// Adds a Microsoft.Extensions.ServiceDiscovery endpoint provider that resolves a service name to the live instances of a
    /// DNS-SD type: an <see cref="HttpClient"/> with base address <c>http://zoo</c> (and <c>AddServiceDiscovery()</c>) sends
    /// each request to an instance of <c>_zoo._tcp</c>, and follows instances as they come and go. The mapping is described on
    /// <see cref="DnsSdServiceEndpointProviderOptions"/>, bound from <c>Zeroconf:ServiceDiscovery</c>. Also registers the app's
    /// <see cref="Inkwell.Zeroconf.ServiceDiscovery"/> (<see cref="ZeroconfServiceCollectionExtensions.AddZeroconf"/>).
    /// The provider is placed ahead of the pass-through provider, so a name it claims is never passed to DNS as a host name
    /// while instances exist.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Adjusts the options after the configuration section was bound.</param>
    public static IServiceCollection AddDnsSdServiceEndpointProvider(this IServiceCollection services, Action<DnsSdServiceEndpointProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddServiceDiscoveryCore();
        services.AddZeroconf();
        if (!services.Any(d => d.ServiceType == typeof(DnsSdServiceWatches)))
        {
            services.AddSingleton<IConfigureOptions<DnsSdServiceEndpointProviderOptions>>(sp => new ConfigureOptions<DnsSdServiceEndpointProviderOptions>(options =>
                sp.GetService<IConfiguration>()?.GetSection(DnsSdServiceEndpointProviderOptions.SectionName).Bind(options)));
            services.TryAddSingleton(sp => new DnsSdServiceWatches(
                sp.GetRequiredService<Inkwell.Zeroconf.ServiceDiscovery>(),
                sp.GetRequiredService<IOptions<DnsSdServiceEndpointProviderOptions>>(),
                sp.GetRequiredService<Logging.ILoggerFactory>(),
                sp.GetService<TimeProvider>()));
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
        if (configure is not null)
        {
            services.Configure(configure);
        }
        return services;
    }
}
