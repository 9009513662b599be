using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>
/// One match rule per Avahi interface, added once when the client connects — before any browser or resolver
/// exists — and signals routed to their object by path.
/// </summary>
/// <remarks>
/// Avahi 0.8 creates a browser or resolver and starts it inside the <c>…New</c> call, so <c>ItemNew</c>,
/// <c>Found</c> or <c>AllForNow</c> can be sent before the reply that names the object's path. A client that adds
/// a match rule for the path after the reply loses them. Here the rules already exist, and signals for a path
/// nobody has attached yet are held while a <c>…New</c> call is in flight (<see cref="BeginCreate"/>), then
/// handed over in order by <see cref="Attach"/>.
/// </remarks>
internal sealed class AvahiSignalRouter : IDisposable
{
    /// <summary>Bounds what is held for not-yet-attached paths, so a flood cannot grow memory without limit.</summary>
    private const int MaxEarlySignals = 4096;

    private static readonly string[] s_interfaces =
    [
        AvahiNames.Server,
        AvahiNames.EntryGroup,
        AvahiNames.ServiceBrowser,
        AvahiNames.ServiceResolver,
        AvahiNames.ServiceTypeBrowser,
        AvahiNames.RecordBrowser,
    ];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Action<AvahiSignal>> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AvahiSignal>> _early = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ILogger _logger;
    private string? _owner;
    private int _creating;
    private int _earlyCount;

    private AvahiSignalRouter(ILogger logger) => _logger = logger;

    public static async Task<AvahiSignalRouter> CreateAsync(DBusConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        var router = new AvahiSignalRouter(logger);
        try
        {
            foreach (string @interface in s_interfaces)
            {
                var rule = new MatchRule { Type = MessageType.Signal, Sender = AvahiNames.Service, Interface = @interface };
                IDisposable subscription = await AvahiCall.InvokeAsync(
                    connection.AddMatchAsync(
                        rule,
                        static (message, _) => (message.SenderAsString ?? "", message.PathAsString ?? "", AvahiSignalReader.Read(message)),
                        static notification => ((AvahiSignalRouter)notification.State!).OnSignal(notification),
                        emitOnCapturedContext: false,
                        ObserverFlags.None,
                        router).AsTask(),
                    "AddMatch " + @interface,
                    cancellationToken).ConfigureAwait(false);
                router._subscriptions.Add(subscription);
            }
            return router;
        }
        catch
        {
            router.Dispose();
            throw;
        }
    }

    /// <summary>Holds signals for unknown paths until the returned scope is disposed; wrap each <c>…New</c> call in one.</summary>
    public CreationScope BeginCreate()
    {
        lock (_lock)
        {
            _creating++;
        }
        return new CreationScope(this);
    }

    /// <summary>Routes the signals of <paramref name="path"/> to <paramref name="sink"/>, first those that came early.</summary>
    /// <remarks>The sink runs under the router's lock, in arrival order: it must only hand the signal on (a channel write).</remarks>
    public void Attach(string path, Action<AvahiSignal> sink)
    {
        lock (_lock)
        {
            _routes[path] = sink;
            if (_early.Remove(path, out List<AvahiSignal>? early))
            {
                _earlyCount -= early.Count;
                foreach (AvahiSignal signal in early)
                {
                    sink(signal);
                }
            }
        }
    }

    public void Detach(string path)
    {
        lock (_lock)
        {
            _routes.Remove(path);
        }
    }

    public void Dispose()
    {
        foreach (IDisposable subscription in _subscriptions)
        {
            subscription.Dispose();
        }
        _subscriptions.Clear();
    }

    /// <summary>
    /// The unique bus name of the daemon now owning <c>org.freedesktop.Avahi</c>. Only its signals are routed: a
    /// signal sent straight to this connection bypasses match rules, and any other client could send one with
    /// a browser's path to inject results.
    /// </summary>
    public string? Owner
    {
        get
        {
            lock (_lock)
            {
                return _owner;
            }
        }
        set
        {
            lock (_lock)
            {
                _owner = value;
            }
        }
    }

    private void OnSignal(Notification<(string Sender, string Path, AvahiSignal? Signal)> notification)
    {
        if (!notification.HasValue)
        {
            if (notification.Type == NotificationType.ReaderFailed)
            {
                Log.SignalFailed(_logger, notification.CompletionReason);
            }
            return;
        }
        (string sender, string path, AvahiSignal? signal) = notification.Value;
        if (signal is null)
        {
            return;
        }
        lock (_lock)
        {
            if (sender != _owner)
            {
                return;
            }
            if (_routes.TryGetValue(path, out Action<AvahiSignal>? sink))
            {
                sink(signal);
            }
            else if (_creating > 0 && _earlyCount < MaxEarlySignals)
            {
                if (!_early.TryGetValue(path, out List<AvahiSignal>? early))
                {
                    _early[path] = early = [];
                }
                early.Add(signal);
                _earlyCount++;
            }
        }
    }

    private void EndCreate()
    {
        lock (_lock)
        {
            // When no creation is in flight, whatever was not attached belongs to an object nobody will claim
            // (a call that was cancelled or failed): drop it.
            if (--_creating == 0)
            {
                _early.Clear();
                _earlyCount = 0;
            }
        }
    }

    /// <summary>The span of one <c>…New</c> call; see <see cref="BeginCreate"/>.</summary>
    public readonly struct CreationScope(AvahiSignalRouter router) : IDisposable
    {
        public void Dispose() => router.EndCreate();
    }
}
