using Inkwell.Zeroconf.Avahi;
using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Hosting;
using Inkwell.Zeroconf.Hosting.Internal;
using Inkwell.Zeroconf.Hosting.Internal.Handover;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Inkwell.Zeroconf with a host's services.</summary>
public static class ZeroconfServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="Inkwell.Zeroconf.DnsServiceDiscovery"/> for the app, built on first use: the backend from
    /// <see cref="ZeroconfOptions.Backend"/> (configuration <c>Zeroconf:Backend = auto|avahi|embedded</c>), logging through the
    /// host's <see cref="ILoggerFactory"/>, time from the <see cref="TimeProvider"/> registered in the container (else the system
    /// clock). The container owns it: disposing the host withdraws every registration (goodbyes) and closes the backend, unless
    /// the host is being restarted in this process (<see cref="ZeroconfHandover"/>, also registered here): then the backend and
    /// the live registrations are kept for the app's next version, which takes them over. Calling it again only adds
    /// <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Adjusts the options after the configuration section was bound.</param>
    public static IServiceCollection AddZeroconf(this IServiceCollection services, Action<ZeroconfOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        if (!services.Any(d => d.ServiceType == typeof(Inkwell.Zeroconf.DnsServiceDiscovery)))
        {
            // Bound where the container has a configuration (every host has); a bare ServiceCollection keeps the defaults.
            services.AddSingleton<IConfigureOptions<ZeroconfOptions>>(sp => new ConfigureOptions<ZeroconfOptions>(options =>
                sp.GetService<IConfiguration>()?.GetSection(ZeroconfOptions.SectionName).Bind(options)));
            services.TryAddSingleton(sp => new ZeroconfHandover(sp.GetRequiredService<IOptions<ZeroconfOptions>>().Value.HandoverGrace));
            services.TryAddSingleton(CreateServiceDiscovery);
        }
        if (configure is not null)
        {
            services.Configure(configure);
        }
        return services;
    }

    private static Inkwell.Zeroconf.DnsServiceDiscovery CreateServiceDiscovery(IServiceProvider services)
    {
        ZeroconfOptions options = services.GetRequiredService<IOptions<ZeroconfOptions>>().Value;
        ILoggerFactory loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        TimeProvider timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        IServiceDiscoveryBackend CreateBackend(ILoggerFactory logging, TimeProvider time)
        {
            var embedded = new Inkwell.Zeroconf.DnsServiceDiscoveryOptions
            {
                Interfaces = options.Interfaces.Count > 0 ? [.. options.Interfaces] : null,
                UseIPv4 = options.UseIPv4,
                UseIPv6 = options.UseIPv6,
                HostName = options.HostName,
                TimeProvider = time,
                LoggerFactory = logging,
            };
            var avahi = new AvahiBackendOptions { BusAddress = options.BusAddress, LoggerFactory = logging, ProbeTimeout = options.ProbeTimeout, TimeProvider = time };
            // With Embedded the choice completes on this thread (the embedded responder opens its sockets here); Auto and
            // Avahi ask the bus first, and every call made meanwhile waits for the answer.
            return new SelectedBackend(AvahiBackend.CreateAsync(options.Backend, embedded, avahi));
        }

        ZeroconfHandover handover = services.GetService<ZeroconfHandover>() ?? new ZeroconfHandover(TimeSpan.Zero);
        return handover.Grace > TimeSpan.Zero
            ? new Inkwell.Zeroconf.DnsServiceDiscovery(new HandoverBackend(RegistrationHandover.Process, handover, HandoverKey.From(options, timeProvider), loggerFactory, timeProvider, CreateBackend))
            : new Inkwell.Zeroconf.DnsServiceDiscovery(CreateBackend(loggerFactory, timeProvider));
    }
}
