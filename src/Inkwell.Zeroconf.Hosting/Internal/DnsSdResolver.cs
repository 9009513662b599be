using Grpc.Core;
using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.Primitives;

namespace Inkwell.Zeroconf.Hosting.Internal;

/// <summary>
/// A gRPC resolver over a <see cref="DnsSdServiceWatch"/>: pushes the live instances' addresses to the channel's load
/// balancer at start (after waiting up to <see cref="DnsSdServiceEndpointProviderOptions.InitialWait"/> for a first one) and
/// again whenever instances come or go; no polling. A refresh the balancer asks for after a failed connection reconfirms the
/// instances (<see cref="DnsSdServiceWatch.ReconfirmAll"/>).
/// </summary>
internal sealed class DnsSdResolver : Resolver
{
    private readonly DnsSdServiceWatches _watches;
    private readonly string _browseType;
    private readonly string _serviceType;
    private readonly Lock _gate = new();

    // Serializes publications (each reads the newest snapshot, so none is stale) without holding _gate while the balancer
    // runs: it may call Refresh, which takes _gate, from another thread that holds the balancer's own lock.
    private readonly Lock _publishing = new();
    private Action<ResolverResult>? _listener;
    private DnsSdServiceWatch? _watch;
    private IDisposable? _subscription;
    private bool _disposed;

    public DnsSdResolver(DnsSdServiceWatches watches, string browseType, string serviceType)
    {
        _watches = watches;
        _browseType = browseType;
        _serviceType = serviceType;
    }

    public override void Start(Action<ResolverResult> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        _listener = listener;
        _ = StartAsync();
    }

    /// <summary>
    /// The channel's load balancer asks for a refresh when a connection to an address fails or drops: every instance is
    /// reconfirmed (the balancer does not say which address failed), so a dead one leaves within ten seconds of the
    /// first query; live ones answer and stay. The addresses are published again meanwhile, from the thread pool: the
    /// balancer asks from inside its handling of a subchannel's state change, and an answer given there re-entrantly (no
    /// instance left: the balancer disposes that subchannel) makes Grpc.Net.Client log an error when it goes on to ask the
    /// disposed subchannel to connect.
    /// </summary>
    public override void Refresh()
    {
        DnsSdServiceWatch? watch;
        lock (_gate)
        {
            watch = _disposed ? null : _watch;
        }
        watch?.ReconfirmAll();
        ThreadPool.UnsafeQueueUserWorkItem(static resolver => resolver.Publish(), this, preferLocal: false);
    }

    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            _disposed = true;
            _subscription?.Dispose();
        }
        base.Dispose(disposing);
    }

    private async Task StartAsync()
    {
        DnsSdServiceWatch watch = _watches.Get(_browseType, _serviceType);
        try
        {
            await watch.FirstResolved.WaitAsync(_watches.Options.InitialWait, _watches.TimeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.NoInstanceYet(_watches.Logger, _browseType, _watches.Options.InitialWait);
        }
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _watch = watch;
            _subscription = ChangeToken.OnChange(() => watch.ChangeToken, Publish);
        }
        Publish();
    }

    private void Publish()
    {
        lock (_publishing)
        {
            DnsSdServiceWatch? watch;
            Action<ResolverResult>? listener;
            lock (_gate)
            {
                (watch, listener) = _disposed ? (null, null) : (_watch, _listener);
            }
            if (watch is null || listener is null)
            {
                return;
            }
            List<BalancerAddress> addresses = [.. Addresses(watch.Snapshot())];
            listener(addresses.Count > 0
                ? ResolverResult.ForResult(addresses)
                : ResolverResult.ForFailure(new Status(StatusCode.Unavailable, $"No instance of {_browseType} is announced on the network.")));
        }
    }

    /// <summary>One address per instance: its IPv4 address (else its first IPv6 one) and SRV port.</summary>
    internal static IEnumerable<BalancerAddress> Addresses(IReadOnlyList<ResolvedService> instances)
    {
        foreach (ResolvedService instance in instances)
        {
            if (DnsSdServiceWatch.PreferredAddress(instance) is { } address)
            {
                yield return new BalancerAddress(address.ToString(), instance.Port);
            }
        }
    }
}
