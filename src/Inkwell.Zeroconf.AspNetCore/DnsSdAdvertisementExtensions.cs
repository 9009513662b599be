using Inkwell.Zeroconf.AspNetCore;
using Inkwell.Zeroconf.AspNetCore.Internal;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Announces an ASP.NET Core app over DNS-SD.</summary>
public static class DnsSdAdvertisementExtensions
{
    /// <summary>
    /// Announces the app as <paramref name="serviceType"/> (e.g. "_zoo._tcp") once it has started: one registration per scheme
    /// and port Kestrel really bound (port 0 included; loopback-only addresses skipped), TXT <c>scheme=http</c> or
    /// <c>scheme=https</c> plus <see cref="DnsSdAdvertisementOptions.Txt"/>. Graceful shutdown sends the goodbyes before the
    /// server stops, unless the host is only being restarted in this process
    /// (<see cref="Inkwell.Zeroconf.Hosting.ZeroconfHandover"/>): then the app's next version takes the registrations over, with
    /// no goodbye, no drain and no probing. The state is in the injectable <see cref="DnsSdAdvertisement"/>. Also registers the app's
    /// <see cref="Inkwell.Zeroconf.DnsServiceDiscovery"/> (<see cref="ZeroconfServiceCollectionExtensions.AddZeroconf"/>).
    /// Call once per service type.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="serviceType">"_name._tcp", the name at most 15 characters (RFC 6763 §7).</param>
    /// <param name="configure">Sets the instance name, TXT, subtypes.</param>
    public static IServiceCollection AddDnsSdAdvertisement(this IServiceCollection services, string serviceType, Action<DnsSdAdvertisementOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(serviceType);
        var options = new DnsSdAdvertisementOptions();
        configure?.Invoke(options);
        // Misuse (a bad type, instance name, TXT key or subtype) fails here, not after the app has started.
        Inkwell.Zeroconf.ServiceNameRules.Validate(new Inkwell.Zeroconf.ServiceProfile(options.InstanceName ?? "x", serviceType, 1) { Txt = [.. options.Txt], Subtypes = [.. options.Subtypes] });
        services.AddZeroconf();
        services.TryAddSingleton(_ => new DnsSdAdvertisement());
        services.AddSingleton<IHostedService>(sp => new DnsSdAdvertiser(
            serviceType,
            options,
            sp.GetRequiredService<Inkwell.Zeroconf.DnsServiceDiscovery>(),
            sp.GetRequiredService<IServer>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<DnsSdAdvertisement>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<Inkwell.Zeroconf.Hosting.ZeroconfHandover>()));
        return services;
    }

    /// <summary>Adds <see cref="DnsSdAdvertisementHealthCheck"/>, reporting the app's DNS-SD advertisement.</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    public static IHealthChecksBuilder AddDnsSdAdvertisement(this IHealthChecksBuilder builder, string name = "dns-sd")
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(_ => new DnsSdAdvertisement());
        return builder.AddCheck<DnsSdAdvertisementHealthCheck>(name);
    }
}
