using Inkwell.Reload.Internal;
using Inkwell.Reload.Internal.Watching;

namespace Inkwell.Reload;

public sealed partial class ReloadHost
{
    private ChangeMonitor? _monitor;
    private ITimer? _debounceTimer;
    private volatile bool _pending;
    private long _lastChange;

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

    /// <summary>Records that files may have changed (the watcher calls this; so can a host with its own signal).</summary>
    public void MarkChanged()
    {
        Interlocked.Exchange(ref _lastChange, _time.GetTimestamp());
        _pending = true;
        _debounceTimer?.Change(_options.Debounce, Timeout.InfiniteTimeSpan);
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
            // Timers and watcher callbacks carry no execution context: whatever flows at this moment must not be
            // captured for the host's lifetime (it would keep module versions alive).
            using (ExecutionContext.SuppressFlow())
            {
                if (_options.ApplyInBackground)
                {
                    _debounceTimer = _time.CreateTimer(_ => ApplyInBackground(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
        _debounceTimer?.Dispose();
        _monitor = null;
        _debounceTimer = null;
    }

    private void ApplyInBackground()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            // Events that arrived since the timer was set push it out again; apply only once things are quiet.
            TimeSpan quiet = _time.GetElapsedTime(Interlocked.Read(ref _lastChange));
            if (quiet < _options.Debounce)
            {
                _debounceTimer?.Change(_options.Debounce - quiet, Timeout.InfiniteTimeSpan);
                return;
            }

            _ = Poll();
        }
        catch (ObjectDisposedException)
        {
        }
        catch (Exception exception)
        {
            Log.BackgroundReloadFailed(_logger, exception);
        }
    }
}
