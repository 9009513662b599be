using Inkwell.Zeroconf.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.AspNetCore.Internal;

/// <summary>
/// Announces one service type for the app. The addresses Kestrel really bound (port 0 included) are known once the server has
/// started, so registering begins at <c>ApplicationStarted</c>; the goodbyes go out in <see cref="StoppingAsync"/>, which the host
/// runs before it stops any hosted service (the server among them), followed by <see cref="DnsSdAdvertisementOptions.DrainDelay"/>
/// while browsers drop the instance. When the host is only being restarted in this process (<see cref="ZeroconfHandover"/>:
/// <c>inkwell run</c> after an edit), neither: the registrations stay up for the app's next version to take over.
/// </summary>
internal sealed class DnsSdAdvertiser : IHostedLifecycleService
{
    private readonly string _serviceType;
    private readonly DnsSdAdvertisementOptions _options;
    private readonly DnsServiceDiscovery _discovery;
    private readonly IServer _server;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly string _baseName;
    private readonly DnsSdAdvertisement _state;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ZeroconfHandover? _handover;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ServiceRegistration> _registrations = [];
    private Task _registering = Task.CompletedTask;
    private CancellationTokenRegistration _started;

    public DnsSdAdvertiser(string serviceType, DnsSdAdvertisementOptions options, DnsServiceDiscovery discovery, IServer server, IHostApplicationLifetime lifetime,
        IHostEnvironment environment, DnsSdAdvertisement state, TimeProvider timeProvider, ILoggerFactory loggerFactory, ZeroconfHandover? handover)
    {
        _handover = handover;
        _serviceType = serviceType;
        _options = options;
        _discovery = discovery;
        _server = server;
        _lifetime = lifetime;
        _baseName = options.InstanceName ?? ServerEndpoints.DefaultInstanceName(environment.ApplicationName, Environment.MachineName);
        _state = state;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger("Inkwell.Zeroconf.AspNetCore.Advertisement");
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _state.SetStatus(_serviceType, DnsSdAdvertisementStatus.NotStarted);
        _started = _lifetime.ApplicationStarted.Register(() => _registering = RegisterAsync(_stop.Token));
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _started.DisposeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        await _registering.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        bool any;
        lock (_registrations)
        {
            any = _registrations.Count > 0;
        }
        if (!any)
        {
            return;
        }
        if (_handover?.IsHandingOver == true)
        {
            // No goodbyes and no drain: the registrations stay with the app's DnsServiceDiscovery, which keeps them for the next
            // version (the listening sockets stay open too, so clients keep being served).
            TakeRegistrations();
            Log.HandingOver(_logger, _serviceType);
            return;
        }
        foreach (ServiceRegistration registration in TakeRegistrations())
        {
            await registration.DisposeAsync().ConfigureAwait(false);
        }
        _state.SetStatus(_serviceType, DnsSdAdvertisementStatus.Withdrawn);
        Log.Withdrawn(_logger, _serviceType, _options.DrainDelay);
        if (_options.DrainDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(_options.DrainDelay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout ran out: stop now.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        // A host that never ran StoppingAsync (start failed half-way) still withdraws what it announced (or hands it over).
        if (_handover?.IsHandingOver == true)
        {
            TakeRegistrations();
        }
        foreach (ServiceRegistration registration in TakeRegistrations())
        {
            await registration.DisposeAsync().ConfigureAwait(false);
        }
        _stop.Dispose();
    }

    private List<ServiceRegistration> TakeRegistrations()
    {
        lock (_registrations)
        {
            List<ServiceRegistration> taken = [.. _registrations];
            _registrations.Clear();
            return taken;
        }
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        ICollection<string> addresses = _server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        List<ServerEndpoints.Endpoint> endpoints = ServerEndpoints.From(addresses, _baseName, _options.IncludeLoopback,
            (address, reason) => Log.SkippedAddress(_logger, address, reason));
        if (endpoints.Count == 0)
        {
            string reason = $"the server bound no address other hosts can reach ({(addresses.Count == 0 ? "none" : string.Join(", ", addresses))})";
            Log.Failed(_logger, _serviceType, reason);
            _state.SetStatus(_serviceType, DnsSdAdvertisementStatus.Failed, reason);
            return;
        }
        _state.SetStatus(_serviceType, DnsSdAdvertisementStatus.Registering);
        try
        {
            await Task.WhenAll(endpoints.Select(e => RegisterAsync(e, cancellationToken))).ConfigureAwait(false);
            _state.SetStatus(_serviceType, DnsSdAdvertisementStatus.Registered);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down while probing.
        }
        catch (Exception exception)
        {
            Log.Failed(_logger, _serviceType, exception.Message);
            _state.SetStatus(_serviceType, DnsSdAdvertisementStatus.Failed, exception.Message);
        }
    }

    private async Task RegisterAsync(ServerEndpoints.Endpoint endpoint, CancellationToken cancellationToken)
    {
        var profile = new ServiceProfile(endpoint.InstanceName, _serviceType, endpoint.Port)
        {
            Txt = [.. _options.Txt.Where(t => !t.Key.Equals("scheme", StringComparison.OrdinalIgnoreCase)), new("scheme", endpoint.Scheme)],
            Subtypes = [.. _options.Subtypes],
        };
        ServiceRegistration registration = await _discovery.RegisterAsync(profile, cancellationToken).ConfigureAwait(false);
        lock (_registrations)
        {
            _registrations.Add(registration);
        }
        var advertised = new AdvertisedEndpoint(_serviceType, endpoint.Scheme, endpoint.Port, endpoint.InstanceName, registration.Name);
        if (advertised.IsRenamed)
        {
            Log.RenamedWhileProbing(_logger, endpoint.InstanceName, _serviceType, registration.Name);
        }
        Log.Announced(_logger, registration.Name, _serviceType, endpoint.Scheme, endpoint.Port, _discovery.Backend.Name);
        _state.Add(advertised);

        // The endpoint is in the state before the handler can run, so a rename always finds it; one the responder made
        // between RegisterAsync's return and the subscription is caught by following the registration's name once more.
        var gate = new object();
        void Follow(string name)
        {
            string previous;
            lock (gate)
            {
                previous = advertised.Name;
                if (string.Equals(previous, name, StringComparison.Ordinal))
                {
                    return;
                }
                advertised = advertised with { Name = name };
            }
            Log.Renamed(_logger, previous, _serviceType, name);
            _state.Rename(advertised, name);
        }
        registration.NameChanged += (_, e) => Follow(e.Name);
        Follow(registration.Name);
    }
}
