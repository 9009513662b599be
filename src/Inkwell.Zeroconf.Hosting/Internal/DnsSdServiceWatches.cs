using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inkwell.Zeroconf.Hosting.Internal;

/// <summary>
/// One <see cref="DnsSdServiceWatch"/> per browsed type for the whole app, started when a name is first resolved and kept
/// until the host is disposed: Microsoft.Extensions.ServiceDiscovery creates and drops providers per client, but the
/// instances on the network are the same for all of them.
/// </summary>
internal sealed class DnsSdServiceWatches : IAsyncDisposable
{
    private readonly Lazy<Inkwell.Zeroconf.DnsServiceDiscovery> _discovery;
    private readonly DnsSdServiceEndpointProviderOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Lazy<DnsSdServiceWatch>> _watches = new(StringComparer.OrdinalIgnoreCase);
    private int _disposed;

    /// <summary>
    /// The app's <paramref name="discovery"/> is asked for on the first watch only, so a component that merely reports
    /// failures (the HttpClient handler) does not bring up multicast DNS in an app that never resolved a name through it.
    /// </summary>
    public DnsSdServiceWatches(Func<Inkwell.Zeroconf.DnsServiceDiscovery> discovery, IOptions<DnsSdServiceEndpointProviderOptions> options, ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
    {
        _discovery = new Lazy<Inkwell.Zeroconf.DnsServiceDiscovery>(discovery);
        _options = options.Value;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = loggerFactory.CreateLogger("Inkwell.Zeroconf.Hosting.ServiceDiscovery");
    }

    public DnsSdServiceEndpointProviderOptions Options => _options;

    public TimeProvider TimeProvider => _timeProvider;

    public ILogger Logger => _logger;

    /// <summary>The running watch of <paramref name="browseType"/>, started on first use.</summary>
    public DnsSdServiceWatch Get(string browseType, string serviceType)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _watches.GetOrAdd(browseType, type => new Lazy<DnsSdServiceWatch>(() =>
        {
            var watch = new DnsSdServiceWatch(_discovery.Value, type, serviceType, _options.ResolveTimeout, _timeProvider, _logger);
            watch.Start();
            return watch;
        })).Value;
    }

    /// <summary>
    /// A connection to <paramref name="address"/>:<paramref name="port"/> failed: passed to every running watch
    /// (<see cref="DnsSdServiceWatch.ReportUnreachable"/>). Returns whether a DNS-SD instance is there.
    /// </summary>
    public bool ReportUnreachable(System.Net.IPAddress address, int port)
    {
        bool found = false;
        foreach (Lazy<DnsSdServiceWatch> watch in _watches.Values)
        {
            if (watch.IsValueCreated && _disposed == 0)
            {
                found |= watch.Value.ReportUnreachable(address, port);
            }
        }
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        foreach (Lazy<DnsSdServiceWatch> watch in _watches.Values)
        {
            if (watch.IsValueCreated)
            {
                await watch.Value.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
