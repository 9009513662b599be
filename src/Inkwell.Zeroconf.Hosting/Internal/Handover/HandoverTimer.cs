namespace Inkwell.Zeroconf.Hosting.Internal.Handover;

/// <summary>
/// A timer of <see cref="HandoverTimeProvider"/>: a timer of the current target while armed, moved to the next target with the
/// time it had left. A one-shot timer lets go of its target's timer once it fired (it is armed again by <see cref="Change"/>).
/// </summary>
internal sealed class HandoverTimer(HandoverTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    private ITimer? _inner;
    private Arming? _arming;
    private long _armedAt;
    private TimeSpan _dueTime;
    private TimeSpan _period;
    private bool _disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (clock.Gate)
        {
            if (_disposed)
            {
                return false;
            }
            DisarmLocked();
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                ArmLocked(dueTime, period);
            }
            return true;
        }
    }

    /// <summary>Re-arms on the provider's new target with the time left (<see cref="HandoverTimeProvider.ForwardTo"/>).</summary>
    internal void MoveLocked()
    {
        TimeSpan elapsed = TimeSpan.FromTicks(clock.TimestampLocked() - _armedAt);
        TimeSpan left = elapsed < _dueTime ? _dueTime - elapsed
            : _period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero
            : _period - TimeSpan.FromTicks((elapsed - _dueTime).Ticks % _period.Ticks);
        TimeSpan period = _period;
        DisarmLocked();
        ArmLocked(left, period);
    }

    private void ArmLocked(TimeSpan dueTime, TimeSpan period)
    {
        _armedAt = clock.TimestampLocked();
        _dueTime = dueTime;
        _period = period;
        _arming = new Arming(this);
        _inner = clock.CreateInnerLocked(this, _arming, dueTime, period);
    }

    private void DisarmLocked()
    {
        _arming = null;
        _inner?.Dispose();
        _inner = null;
        clock.DisarmedLocked(this);
    }

    private void Fire(Arming arming)
    {
        lock (clock.Gate)
        {
            if (_disposed || arming != _arming)
            {
                return; // changed, moved or disposed since this arming
            }
            if (_period == Timeout.InfiniteTimeSpan)
            {
                DisarmLocked();
            }
        }
        callback(state);
    }

    public void Dispose()
    {
        lock (clock.Gate)
        {
            _disposed = true;
            DisarmLocked();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>One arming of the timer: a fire of an arming that was changed or moved since is ignored.</summary>
    internal sealed class Arming(HandoverTimer timer)
    {
        public void Fire() => timer.Fire(this);
    }
}
