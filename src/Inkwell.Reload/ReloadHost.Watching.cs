using Inkwell.Reload.Internal;
using Inkwell.Reload.Internal.Watching;

namespace Inkwell.Reload;

public sealed partial class ReloadHost
{
    private ChangeMonitor? _monitor;
    private ITimer? _settleTimer;
    private Thread? _worker;
    private readonly SemaphoreSlim _wake = new(0);
    private volatile bool _pending;
    private long _lastChange;
    private long _changes;

    /// <summary>Whether changes are waiting to be applied (set by the watcher, cleared when applied).</summary>
    public bool HasPendingChanges => _pending;

    /// <summary>Whether the watcher runs on file-system events (false: polling, or not watching).</summary>
    public bool UsesFileSystemEvents => _monitor?.UsesEvents ?? false;

    /// <summary>
    /// Applies pending changes on the calling thread (a game or UI loop calls this between frames), once the files
    /// have been quiet for <see cref="ReloadHostOptions.Debounce"/>.
    /// </summary>
    /// <returns>The reload's result, or null when nothing was pending, the files are still changing, or the
    /// change left every module's content as it was.</returns>
    public ReloadResult? Poll(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_pending || _time.GetElapsedTime(Interlocked.Read(ref _lastChange)) < _options.Debounce)
        {
            return null;
        }

        _pending = false;
        ReloadResult result = Reload(cancellationToken);
        return result.Status == ReloadStatus.NoChanges ? null : result;
    }

    /// <summary>Records that files may have changed (the watcher calls this; so can a host with its own signal). With
    /// <see cref="ReloadHostOptions.ApplyInBackground"/> the host starts applying at once, and a transaction already
    /// under way whose files changed again starts over.</summary>
    public void MarkChanged()
    {
        Interlocked.Exchange(ref _lastChange, _time.GetTimestamp());
        Interlocked.Increment(ref _changes);
        _pending = true;
        if (_worker is not null)
        {
            _wake.Release();
        }
    }

    private void StartWatching()
    {
        if (_options.Watch == WatchMode.None)
        {
            return;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Timers, threads and watcher callbacks carry no execution context: whatever flows at this moment must not
            // be captured for the host's lifetime (it would keep module versions alive).
            using (ExecutionContext.SuppressFlow())
            {
                if (_options.ApplyInBackground)
                {
                    _settleTimer = _time.CreateTimer(_ => MarkSettled(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    _worker = new Thread(ApplyInBackground) { IsBackground = true, Name = "inkwell reload" };
                    _worker.Start();
                }

                _monitor = new ChangeMonitor(RootDirectory, _options.Watch, _options.PollingInterval, _time, _logger, MarkChanged, WatchedInputs);
            }
        }
    }

    private static readonly IReadOnlySet<string> s_noInputs = new HashSet<string>();

    /// <summary>The project's additional files (its <c>.proto</c> files...), watched like modules.</summary>
    private IReadOnlySet<string> WatchedInputs() => _project?.AdditionalFiles ?? s_noInputs;

    private void StopWatching()
    {
        _monitor?.Dispose();
        _settleTimer?.Dispose();
        _monitor = null;
        _settleTimer = null;
        if (_worker is not null)
        {
            _wake.Release(); // it sees _disposed and ends
        }
    }

    /// <summary>
    /// The background worker: applies changes as soon as they are signalled, without waiting for the files to go
    /// quiet. A save raises two or three events (truncate, write, attributes...); the first starts the transaction,
    /// and a later one makes it start over only if the files' content moved on before the commit
    /// (<see cref="ThrowIfSuperseded"/>). Outcomes a save caught half-way may produce — a compile error, a deleted or
    /// emptied module — wait until the files have been quiet for <see cref="ReloadHostOptions.Debounce"/>.
    /// </summary>
    private void ApplyInBackground()
    {
        while (true)
        {
            _wake.Wait();
            while (_pending && !_disposed)
            {
                try
                {
                    ApplyPendingInBackground();
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (Exception exception)
                {
                    Log.BackgroundReloadFailed(_logger, exception);
                }
            }

            if (_disposed)
            {
                return;
            }
        }
    }

    private void ApplyPendingInBackground()
    {
        _pending = false;
        ReloadResult result;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var watch = new TransactionWatch(Interlocked.Read(ref _changes));
            try
            {
                result = ReloadCore(CancellationToken.None, watch);
            }
            catch (ReloadDeferredException deferred)
            {
                Log.Deferred(_logger, deferred.Message);
                if (deferred.RetryAfter > TimeSpan.Zero)
                {
                    _settleTimer?.Change(deferred.RetryAfter, Timeout.InfiniteTimeSpan);
                }
                else
                {
                    _pending = true;
                }

                return;
            }
        }

        if (result.Status != ReloadStatus.NoChanges)
        {
            Reloaded?.Invoke(this, new ReloadedEventArgs(result));
        }

        ClearFrameworkCaches();
    }

    /// <summary>The files have been quiet long enough to judge a deferred outcome: run the transaction again.</summary>
    private void MarkSettled()
    {
        if (!_disposed)
        {
            _pending = true;
            _wake.Release();
        }
    }

    /// <summary>How much longer the files must stay quiet before a doubtful outcome counts (zero: it counts now).</summary>
    private TimeSpan UntilSettled()
    {
        TimeSpan quiet = _time.GetElapsedTime(Interlocked.Read(ref _lastChange));
        return quiet < _options.Debounce ? _options.Debounce - quiet : TimeSpan.Zero;
    }
}
