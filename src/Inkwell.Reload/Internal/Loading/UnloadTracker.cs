namespace Inkwell.Reload.Internal.Loading;

/// <summary>
/// Watches unloaded contexts through weak references. A context is collected only when nothing references
/// its assemblies, types, objects or delegates any more, so one that stays alive shows a leak.
/// </summary>
internal sealed class UnloadTracker
{
    private const string Hint =
        "something still references its types, objects or delegates (a static event or callback in a shared assembly, " +
        "a timer, a thread still running old code, a ThreadStatic/AsyncLocal value, a serializer or TypeDescriptor cache)";

    private readonly Lock _gate = new();
    private readonly List<(WeakReference Context, string Unit, IReadOnlyList<string> Modules, int Version)> _pending = [];

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                _pending.RemoveAll(p => !p.Context.IsAlive);
                return _pending.Count;
            }
        }
    }

    public void Unload(LoadedUnit unit)
    {
        lock (_gate)
        {
            _pending.Add((new WeakReference(unit.Context), unit.Name, unit.Modules, unit.Version));
        }

        unit.Context.Unload();
    }

    /// <summary>
    /// Collects up to <paramref name="attempts"/> times and returns the versions still alive. After the first two
    /// collections it waits a little before each next one (10 ms, doubling, at most 200 ms): the runtime's own
    /// background work can hold an old version for a moment after its last use (tiered compilation finishing a method
    /// of the old code, a thread-pool callback returning), longer on a busy machine, and that is no leak.
    /// </summary>
    public IReadOnlyList<LeakedVersion> Verify(int attempts)
    {
        for (int i = 0; i < attempts && Pending > 0; i++)
        {
            if (i >= 2)
            {
                Thread.Sleep(Math.Min(200, 10 << (i - 2)));
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        lock (_gate)
        {
            _pending.RemoveAll(p => !p.Context.IsAlive);
            return [.. _pending.Select(p => new LeakedVersion(p.Unit, p.Modules, p.Version, Hint))];
        }
    }
}
