using System.Threading.Channels;
using Inkwell.Zeroconf.Avahi.Internal.DBus;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>
/// One Avahi browser (of services or of service types) kept alive across daemon restarts, turned into a stream of
/// added / removed / all-for-now events without duplicates.
/// </summary>
/// <remarks>
/// When the daemon restarts, its browsers die with it. The session creates a new one when the daemon is back;
/// instances the new browser reports again are not reported twice, and those it does not report again are reported
/// removed once the new browser said <c>AllForNow</c> <em>and</em> the server has been RUNNING for
/// <see cref="s_staleGrace"/>: a restarted daemon probes its host name first, and its browser's <c>AllForNow</c> can come
/// before the other hosts had a chance to answer, which made instances flap (removed, then added again). While there is
/// no daemon at all nothing is removed: nobody can tell, and a restart should not make every instance flap.
/// </remarks>
internal abstract class AvahiBrowserSession<TItem> : IAsyncDisposable
    where TItem : class
{
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<AvahiBrowseEvent<TItem>> _output = Channel.CreateUnbounded<AvahiBrowseEvent<TItem>>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Dictionary<TItem, TItem> _known = [];
    private readonly HashSet<TItem> _stale = [];

    /// <summary>How long the server must have been RUNNING before instances not found again after a restart count as gone.</summary>
    internal static readonly TimeSpan s_staleGrace = TimeSpan.FromSeconds(2);

    private long? _runningSince;
    private bool _allForNowSeen;
    private bool _sweepScheduled;
    private IDisposable? _statusSubscription;
    private Task? _loop;
    private AvahiObjectProxy? _browser;
    private long _generation = -1;
    private bool _present;
    private int _disposeState;

    protected AvahiBrowserSession(AvahiClient client) => Client = client;

    protected AvahiClient Client { get; }

    /// <summary>What is browsed, for log lines and errors.</summary>
    protected abstract string What { get; }

    /// <summary>The D-Bus interface of the browser object.</summary>
    protected abstract string BrowserInterface { get; }

    public ChannelReader<AvahiBrowseEvent<TItem>> Events => _output.Reader;

    public void Start()
    {
        _statusSubscription = Client.Subscribe(status => _events.Writer.TryWrite(status));
        _loop = Task.Run(RunAsync);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeState, 1) != 0)
        {
            return;
        }
        _statusSubscription?.Dispose();
        _events.Writer.TryWrite(StopRequest.Instance);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
    }

    /// <summary>Calls <c>…BrowserNew</c>; the router already holds the signals, see <see cref="AvahiSignalRouter"/>.</summary>
    protected abstract Task<string> CreateBrowserAsync(CancellationToken cancellationToken);

    /// <summary>Reads an item signal of this browser's kind.</summary>
    protected abstract bool TryReadItem(AvahiSignal signal, out bool isNew, out TItem item);

    /// <summary>The identity of an item (without flags, which may differ between reports of the same instance).</summary>
    protected abstract TItem KeyOf(TItem item);

    private async Task RunAsync()
    {
        try
        {
            await HandleEventsAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // A bug must not leave the consumer waiting forever.
            Log.BrowseInterrupted(Client.Logger, What, exception);
            _events.Writer.TryComplete();
            _output.Writer.TryComplete(new AvahiException($"Browsing {What} stopped unexpectedly: {exception.Message}", exception));
        }
    }

    private async Task HandleEventsAsync()
    {
        await foreach (object @event in _events.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            switch (@event)
            {
                case AvahiDaemonStatus status:
                    await OnStatusAsync(status).ConfigureAwait(false);
                    break;
                case BrowserSignal signal when signal.Path == _browser?.Path:
                    OnSignal(signal.Signal);
                    break;
                case SweepCheck:
                    _sweepScheduled = false;
                    SweepStale();
                    break;
                case StopRequest:
                    await FreeBrowserAsync().ConfigureAwait(false);
                    _events.Writer.TryComplete();
                    _output.Writer.TryComplete();
                    return;
            }
        }
    }

    private async Task OnStatusAsync(AvahiDaemonStatus status)
    {
        if (status.BusLost is { } lost)
        {
            ForgetBrowser();
            _output.Writer.TryComplete(new AvahiException($"Browsing {What} stopped: {lost.Message}", lost));
            return;
        }
        _present = status.IsPresent;
        if (status.Generation != _generation)
        {
            ForgetBrowser();
            _generation = status.Generation;
            _stale.UnionWith(_known.Keys);
            _runningSince = null;
        }
        if (!status.IsRunning)
        {
            _runningSince = null;
        }
        else if (_runningSince is null)
        {
            _runningSince = Client.Options.TimeProvider.GetTimestamp();
            SweepStale();
        }
        if (status.IsPresent && _browser is null)
        {
            try
            {
                using CancellationTokenSource timeout = Client.CreateCallTimeout();
                using (Client.Router.BeginCreate())
                {
                    string path = await CreateBrowserAsync(timeout.Token).ConfigureAwait(false);
                    Client.Router.Attach(path, signal => _events.Writer.TryWrite(new BrowserSignal(path, signal)));
                    _browser = new AvahiObjectProxy(Client.Connection, path, BrowserInterface);
                    _allForNowSeen = false;
                    Log.Browsing(Client.Logger, What, "", path);
                }
            }
            catch (AvahiException exception) when (AvahiCall.IsDaemonGone(exception))
            {
                Log.BrowseInterrupted(Client.Logger, What, exception);
            }
            catch (AvahiException exception)
            {
                // Avahi refused the browser (a malformed type, say): the stream ends with the reason.
                _output.Writer.TryComplete(exception);
            }
            catch (OperationCanceledException exception)
            {
                Log.BrowseInterrupted(Client.Logger, What, exception);
            }
        }
    }

    private void OnSignal(AvahiSignal signal)
    {
        switch (signal)
        {
            case AvahiAllForNowSignal:
                _allForNowSeen = true;
                SweepStale();
                _output.Writer.TryWrite(new AvahiBrowseEvent<TItem>(AvahiBrowseEventKind.AllForNow, null));
                break;
            case AvahiFailureSignal failure:
                Log.BrowseFailed(Client.Logger, What, failure.Error);
                ForgetBrowser();
                _output.Writer.TryComplete(new AvahiException($"avahi-daemon failed browsing {What}: {failure.Error}"));
                break;
            default:
                if (TryReadItem(signal, out bool isNew, out TItem item))
                {
                    TItem key = KeyOf(item);
                    if (isNew)
                    {
                        // Seen again after a restart: already reported, so only un-mark it.
                        if (!_stale.Remove(key) && _known.TryAdd(key, item))
                        {
                            _output.Writer.TryWrite(new AvahiBrowseEvent<TItem>(AvahiBrowseEventKind.Added, item));
                        }
                    }
                    else if (_known.Remove(key))
                    {
                        _stale.Remove(key);
                        _output.Writer.TryWrite(new AvahiBrowseEvent<TItem>(AvahiBrowseEventKind.Removed, item));
                    }
                }
                break;
        }
    }

    /// <summary>Reports the instances a restarted daemon did not find again, once it had a fair chance (see the remarks).</summary>
    private void SweepStale()
    {
        if (_stale.Count == 0 || !_allForNowSeen || _runningSince is not { } since)
        {
            return;
        }
        TimeSpan running = Client.Options.TimeProvider.GetElapsedTime(since);
        if (running < s_staleGrace)
        {
            if (!_sweepScheduled)
            {
                _sweepScheduled = true;
                _ = Task.Delay(s_staleGrace - running, Client.Options.TimeProvider).ContinueWith(
                    _ => _events.Writer.TryWrite(SweepCheck.Instance), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
            return;
        }
        foreach (TItem gone in _stale)
        {
            if (_known.Remove(gone, out TItem? reported))
            {
                _output.Writer.TryWrite(new AvahiBrowseEvent<TItem>(AvahiBrowseEventKind.Removed, reported));
            }
        }
        _stale.Clear();
    }

    private async Task FreeBrowserAsync()
    {
        AvahiObjectProxy? browser = _browser;
        ForgetBrowser();
        if (browser is not null && _present)
        {
            try
            {
                using CancellationTokenSource timeout = Client.CreateCallTimeout();
                await browser.FreeAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is AvahiException or OperationCanceledException)
            {
                Log.BrowseInterrupted(Client.Logger, What, exception);
            }
        }
    }

    private void ForgetBrowser()
    {
        if (_browser is not null)
        {
            Client.Router.Detach(_browser.Path);
            _browser = null;
        }
    }

    private sealed record BrowserSignal(string Path, AvahiSignal Signal);

    private sealed record SweepCheck
    {
        public static readonly SweepCheck Instance = new();
    }

    private sealed record StopRequest
    {
        public static readonly StopRequest Instance = new();
    }
}
