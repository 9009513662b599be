using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Inkwell.Zeroconf.Hosting.Internal;

/// <summary>
/// The live, resolved instances of one DNS-SD type: a browse that runs for the app's lifetime, each added instance resolved
/// (SRV, TXT, addresses), each removed one dropped (a goodbye removes it one second later, RFC 6762 §10.1).
/// Each instance's SRV record is followed as well: its PTR lives 75 minutes, its SRV two (RFC 6762 §10), and the querier
/// keeps asking for a followed record near the end of its TTL, so an instance that died silently is dropped when its SRV
/// expires unanswered (within about 120 s), and one restarted under the same name on another port is resolved again.
/// A client that fails to connect to an instance says so (<see cref="ReportUnreachable"/>, <see cref="ReconfirmAll"/>): the
/// network is asked whether the instance is still there (RFC 6762 §10.4), and an instance nobody answers for is dropped ten
/// seconds after the first query instead of two minutes.
/// <see cref="ChangeToken"/> fires whenever the set changes, which is how Microsoft.Extensions.ServiceDiscovery learns to ask again.
/// </summary>
internal sealed class DnsSdServiceWatch : IAsyncDisposable
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The least time between two reconfirmations of one instance: a client that keeps failing (a gRPC channel retrying
    /// with backoff, every request of a busy HttpClient) asks the network once, not once per failure.
    /// </summary>
    private static readonly TimeSpan s_reconfirmInterval = TimeSpan.FromSeconds(10);

    private readonly Inkwell.Zeroconf.DnsServiceDiscovery _discovery;
    private readonly string _browseType;
    private readonly string _serviceType;
    private readonly TimeSpan _resolveTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Instance> _instances = new(StringComparer.OrdinalIgnoreCase);
    private readonly TaskCompletionSource _firstResolved = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource _changed = new();
    private Task _browse = Task.CompletedTask;
    private bool _cannotReconfirm;

    public DnsSdServiceWatch(Inkwell.Zeroconf.DnsServiceDiscovery discovery, string browseType, string serviceType, TimeSpan resolveTimeout, TimeProvider timeProvider, ILogger logger)
    {
        _discovery = discovery;
        _browseType = browseType;
        _serviceType = serviceType;
        _resolveTimeout = resolveTimeout;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Completes when the first instance has been resolved.</summary>
    public Task FirstResolved => _firstResolved.Task;

    /// <summary>Fires at the next change of the resolved set; take it before <see cref="Snapshot"/> so no change falls between.</summary>
    public IChangeToken ChangeToken
    {
        get
        {
            lock (_gate)
            {
                return new CancellationChangeToken(_changed.Token);
            }
        }
    }

    public void Start()
    {
        Log.Browsing(_logger, _browseType);
        _browse = Task.Run(BrowseLoopAsync);
    }

    /// <summary>The resolved instances now, ordered by name.</summary>
    public IReadOnlyList<ResolvedService> Snapshot()
    {
        lock (_gate)
        {
            return [.. _instances.Values.Where(i => i.Resolved is not null && !i.Suspect).Select(i => i.Resolved!).OrderBy(r => r.InstanceName, StringComparer.OrdinalIgnoreCase)];
        }
    }

    /// <summary>
    /// A connection to <paramref name="address"/>:<paramref name="port"/> failed. If an instance is there, it is left out of
    /// <see cref="Snapshot"/> at once while the network is asked whether it is still there: back as soon as it answers,
    /// dropped when nothing answers within ten seconds (until it is announced again). Not when the backend cannot ask, or
    /// the instance answered such a question less than ten seconds ago. Returns whether an instance is there.
    /// </summary>
    public bool ReportUnreachable(IPAddress address, int port)
    {
        bool found = false;
        CancellationTokenSource? changed = null;
        lock (_gate)
        {
            foreach (Instance instance in _instances.Values)
            {
                if (instance.Resolved is { } resolved && resolved.Port == port && PreferredAddress(resolved) is { } preferred && preferred.Equals(address))
                {
                    found = true;
                    if (StartReconfirm(instance) && !instance.Suspect)
                    {
                        Log.InstanceUnreachable(_logger, instance.Name, _browseType, $"{address}:{port}");
                        instance.Suspect = true;
                        changed ??= SwapChangeSource();
                    }
                }
            }
        }
        changed?.Cancel();
        return found;
    }

    /// <summary>
    /// Some instance could not be reached, and the client cannot say which (a gRPC channel only asks its resolver to refresh):
    /// every instance is reconfirmed, none left out meanwhile. Live ones answer; the dead one goes ten seconds later.
    /// </summary>
    public void ReconfirmAll()
    {
        lock (_gate)
        {
            foreach (Instance instance in _instances.Values)
            {
                if (instance.Resolved is not null)
                {
                    StartReconfirm(instance);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        await _browse.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_gate)
        {
            foreach (Instance instance in _instances.Values)
            {
                instance.Resolving.Cancel();
                instance.Following.Cancel();
            }
            _instances.Clear();
        }
    }

    private async Task BrowseLoopAsync()
    {
        CancellationToken stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await foreach (ServiceBrowseEvent e in _discovery.BrowseAsync(_browseType, cancellationToken: stop).ConfigureAwait(false))
                {
                    Handle(e);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                Log.BrowseFailed(_logger, _browseType, exception.Message, s_retryDelay);
                try
                {
                    await Task.Delay(s_retryDelay, _timeProvider, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Handle(ServiceBrowseEvent e)
    {
        CancellationTokenSource? changed = null;
        lock (_gate)
        {
            switch (e.Kind)
            {
                case ServiceBrowseEventKind.Added:
                    if (!_instances.TryGetValue(e.InstanceName, out Instance? instance))
                    {
                        instance = new Instance(e.InstanceName);
                        _instances.Add(e.InstanceName, instance);
                        StartResolve(instance);
                        CancellationToken following = instance.Following.Token;
                        _ = Task.Run(() => FollowSrvAsync(instance, following), CancellationToken.None);
                    }
                    instance.Interfaces.Add(e.InterfaceIndex);
                    break;
                case ServiceBrowseEventKind.Updated when _instances.TryGetValue(e.InstanceName, out Instance? updated):
                    // New TXT (perhaps a new scheme): resolve again; the old answer stays until the new one arrives.
                    StartResolve(updated);
                    break;
                case ServiceBrowseEventKind.Removed when _instances.TryGetValue(e.InstanceName, out Instance? removed):
                    removed.Interfaces.Remove(e.InterfaceIndex);
                    if (removed.Interfaces.Count == 0)
                    {
                        _instances.Remove(e.InstanceName);
                        removed.Resolving.Cancel();
                        removed.Following.Cancel();
                        Log.InstanceRemoved(_logger, e.InstanceName, _browseType);
                        if (removed.Resolved is not null)
                        {
                            changed = SwapChangeSource();
                        }
                    }
                    break;
            }
        }
        changed?.Cancel();
    }

    /// <summary>Resolves <paramref name="instance"/> in the background (under the gate; cancels an earlier resolve of it).</summary>
    private void StartResolve(Instance instance)
    {
        instance.Resolving.Cancel();
        instance.Resolving = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        CancellationToken token = instance.Resolving.Token;
        _ = Task.Run(() => ResolveAsync(instance, token), CancellationToken.None);
    }

    private async Task ResolveAsync(Instance instance, CancellationToken cancellationToken)
    {
        ResolvedService resolved;
        try
        {
            using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_resolveTimeout);
            resolved = await _discovery.ResolveAsync(instance.Name, _serviceType, cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            Log.ResolveFailed(_logger, instance.Name, _browseType, exception is OperationCanceledException ? $"no answer within {_resolveTimeout}" : exception.Message);
            return;
        }
        CancellationTokenSource changed;
        lock (_gate)
        {
            if (cancellationToken.IsCancellationRequested || !_instances.TryGetValue(instance.Name, out Instance? current) || current != instance)
            {
                return;
            }
            instance.Resolved = resolved;
            changed = SwapChangeSource();
        }
        Log.InstanceResolved(_logger, resolved.InstanceName, _browseType, resolved.HostName, resolved.Port,
            string.Join(", ", resolved.Addresses), DnsSdServiceName.SchemeOf(resolved.Txt));
        changed.Cancel();
        _firstResolved.TrySetResult();
    }

    /// <summary>Starts reconfirming <paramref name="instance"/> (under the gate); false when that is not done now.</summary>
    private bool StartReconfirm(Instance instance)
    {
        if (_cannotReconfirm)
        {
            return false;
        }
        if (instance.Reconfirming)
        {
            return true;
        }
        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (now - instance.LastReconfirmed < s_reconfirmInterval)
        {
            return false;
        }
        instance.Reconfirming = true;
        instance.LastReconfirmed = now;
        CancellationToken following = instance.Following.Token;
        _ = Task.Run(() => ReconfirmAsync(instance, following), CancellationToken.None);
        return true;
    }

    private async Task ReconfirmAsync(Instance instance, CancellationToken cancellationToken)
    {
        bool alive = true;
        try
        {
            alive = await _discovery.ReconfirmAsync(instance.Name, _serviceType, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // the instance is gone, or the watch stopped
        }
        catch (NotSupportedException exception)
        {
            lock (_gate)
            {
                if (!_cannotReconfirm)
                {
                    _cannotReconfirm = true;
                    Log.CannotReconfirm(_logger, _browseType, exception.Message);
                }
            }
        }
        catch (Exception exception)
        {
            Log.ReconfirmFailed(_logger, instance.Name, _browseType, exception.Message);
        }
        CancellationTokenSource? changed = null;
        lock (_gate)
        {
            instance.Reconfirming = false;
            bool wasSuspect = instance.Suspect;
            instance.Suspect = false;
            if (!alive && instance.Resolved is not null)
            {
                // Its records were flushed; the SRV follower may not have seen it yet.
                Log.InstanceGone(_logger, instance.Name, _browseType);
                instance.Resolving.Cancel();
                instance.Resolved = null;
                instance.Dropped = true;
                changed = SwapChangeSource();
            }
            else if (wasSuspect && instance.Resolved is not null)
            {
                Log.InstanceAnswered(_logger, instance.Name, _browseType);
                changed = SwapChangeSource();
            }
        }
        changed?.Cancel();
    }

    /// <summary>
    /// Follows the instance's SRV record: when the last copy leaves the cache (expired unanswered, or flushed after a failed
    /// reconfirmation: the host died without a goodbye) the instance is dropped from the endpoints; when one arrives with another port, it is resolved again.
    /// </summary>
    private async Task FollowSrvAsync(Instance instance, CancellationToken cancellationToken)
    {
        string name = instance.Name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(".", "\\.", StringComparison.Ordinal) + "." + _serviceType + ".local";
        var present = new HashSet<(int Interface, string Data)>();
        try
        {
            await foreach (DnsRecordEvent record in _discovery.QueryRecordsAsync(name, Dns.DnsRecordType.Srv, cancellationToken).ConfigureAwait(false))
            {
                CancellationTokenSource? changed = null;
                lock (_gate)
                {
                    if (record.Kind == DnsRecordEventKind.Added)
                    {
                        present.Add((record.InterfaceIndex, record.Data));
                        if (instance.Resolved is null ? instance.Dropped : SrvPort(record.Data) is int port && port != instance.Resolved.Port)
                        {
                            instance.Dropped = false;
                            StartResolve(instance);
                        }
                    }
                    else if (present.Remove((record.InterfaceIndex, record.Data)) && present.Count == 0 && instance.Resolved is not null)
                    {
                        Log.InstanceExpired(_logger, instance.Name, _browseType);
                        instance.Resolving.Cancel();
                        instance.Resolved = null;
                        instance.Dropped = true;
                        changed = SwapChangeSource();
                    }
                }
                changed?.Cancel();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            Log.FollowFailed(_logger, instance.Name, _browseType, exception.Message);
        }
    }

    /// <summary>The port of an SRV record in presentation form ("priority weight port target").</summary>
    private static int? SrvPort(string data)
    {
        string[] parts = data.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) ? port : null;
    }

    /// <summary>Replaces the change source (under the gate) and returns the old one, to be cancelled outside it.</summary>
    private CancellationTokenSource SwapChangeSource()
    {
        CancellationTokenSource old = _changed;
        _changed = new CancellationTokenSource();
        return old;
    }

    /// <summary>The address an endpoint for <paramref name="service"/> uses: IPv4 first (it needs no scope), else the first IPv6 one.</summary>
    public static IPAddress? PreferredAddress(ResolvedService service) =>
        service.Addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? service.Addresses.FirstOrDefault();

    private sealed class Instance(string name)
    {
        public string Name { get; } = name;

        public HashSet<int> Interfaces { get; } = [];

        public CancellationTokenSource Resolving { get; set; } = new();

        public CancellationTokenSource Following { get; } = new();

        /// <summary>Its SRV expired: left out until an SRV is announced again.</summary>
        public bool Dropped { get; set; }

        /// <summary>A connection to it failed: left out while it is being reconfirmed.</summary>
        public bool Suspect { get; set; }

        public bool Reconfirming { get; set; }

        public DateTimeOffset LastReconfirmed { get; set; } = DateTimeOffset.MinValue;

        public ResolvedService? Resolved { get; set; }
    }
}
