namespace Inkwell.Zeroconf.Hosting.Internal.Handover;

/// <summary>
/// The clock of a backend handed from host to host (<see cref="SharedBackend"/>): the <see cref="TimeProvider"/> of the host
/// holding it, switched by <see cref="ForwardTo"/> when the app's next version takes the backend over. An app's own provider
/// (a type of its own, or an instance its container builds) belongs to that version of the app: if the backend kept using it,
/// the version could never be unloaded. So armed timers move to the new clock with the time they had left, and timestamps go
/// on from where they were (counted in <see cref="TimeSpan"/> ticks, whatever the clocks' frequencies), and once the next
/// version took over nothing here refers to the previous one's provider. Two versions' providers are assumed to tell the same
/// time (<see cref="HandoverKey"/> matches them by type): wall-clock time is read from the current one.
/// </summary>
internal sealed class HandoverTimeProvider : TimeProvider
{
    private static readonly TimeSpan s_shortest = TimeSpan.FromMilliseconds(1);

    private readonly HashSet<HandoverTimer> _armed = [];
    private volatile TimeProvider _target;
    private long _targetStart;
    private long _base;

    public HandoverTimeProvider(TimeProvider target)
    {
        _target = target;
        _targetStart = target.GetTimestamp();
    }

    /// <summary>Guards the target switch and every timer's state.</summary>
    internal Lock Gate { get; } = new();

    /// <summary>The provider time comes from now.</summary>
    public TimeProvider Target => _target;

    /// <summary>How many timers are armed (tests).</summary>
    public int ArmedTimers
    {
        get
        {
            lock (Gate)
            {
                return _armed.Count;
            }
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => _target.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => _target.GetUtcNow();

    public override long GetTimestamp()
    {
        lock (Gate)
        {
            return TimestampLocked();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new HandoverTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Takes time from <paramref name="target"/> from now on, moving every armed timer to it.</summary>
    public void ForwardTo(TimeProvider target)
    {
        lock (Gate)
        {
            if (ReferenceEquals(target, _target))
            {
                return;
            }
            _base = TimestampLocked();
            _target = target;
            _targetStart = target.GetTimestamp();
            foreach (HandoverTimer timer in (HandoverTimer[])[.. _armed])
            {
                timer.MoveLocked();
            }
        }
    }

    internal long TimestampLocked() => _base + _target.GetElapsedTime(_targetStart).Ticks;

    /// <summary>
    /// A timer on the current target, firing <paramref name="timer"/>'s arming <paramref name="arming"/>. Never shorter than
    /// 1 ms: a virtual clock may fire a timer due now inside <see cref="TimeProvider.CreateTimer"/>, under <see cref="Gate"/>.
    /// </summary>
    internal ITimer CreateInnerLocked(HandoverTimer timer, object arming, TimeSpan dueTime, TimeSpan period)
    {
        _armed.Add(timer);
        return _target.CreateTimer(static s => ((HandoverTimer.Arming)s!).Fire(), arming,
            dueTime < s_shortest ? s_shortest : dueTime, period == Timeout.InfiniteTimeSpan || period >= s_shortest ? period : s_shortest);
    }

    internal void DisarmedLocked(HandoverTimer timer) => _armed.Remove(timer);
}
