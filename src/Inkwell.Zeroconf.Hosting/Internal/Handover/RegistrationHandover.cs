namespace Inkwell.Zeroconf.Hosting.Internal.Handover;

/// <summary>
/// Where a host being restarted in this process leaves its backend and registrations for the app's next version
/// (<see cref="ZeroconfHandover"/>). One per process (<see cref="Process"/>): the Inkwell.Zeroconf assemblies are loaded once,
/// into the default context, and shared by every version of an app that <c>inkwell run</c> reloads, so this outlives the
/// versions while holding none of their types. A kept backend goes to the next host built with the same options; a kept
/// registration to the next identical request through that backend. What waits longer than the grace is withdrawn (goodbyes)
/// and a backend nobody took is closed; what is still kept when the process exits is withdrawn then.
/// </summary>
internal sealed class RegistrationHandover
{
    private static readonly TimeSpan s_exitBudget = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly List<(SharedBackend Backend, ITimer Expiry)> _kept = [];
    private readonly HashSet<SharedBackend> _holdingKept = [];
    private int _exitHooked;

    /// <summary>The process's one handover.</summary>
    public static RegistrationHandover Process { get; } = new();

    /// <summary>How many backends wait for a host (tests).</summary>
    public int KeptBackends
    {
        get
        {
            lock (_gate)
            {
                return _kept.Count;
            }
        }
    }

    /// <summary>Takes the kept backend a host with <paramref name="key"/>'s options would build, or null.</summary>
    public SharedBackend? TakeBackend(HandoverKey key)
    {
        lock (_gate)
        {
            int index = _kept.FindIndex(k => k.Backend.Key == key);
            if (index < 0)
            {
                return null;
            }
            (SharedBackend backend, ITimer expiry) = _kept[index];
            _kept.RemoveAt(index);
            expiry.Dispose();
            return backend;
        }
    }

    /// <summary>
    /// Takes the registration kept on <paramref name="backend"/> that can serve <paramref name="asked"/>, or null. One kept under
    /// the same name that cannot serve it (another port or subtypes) comes back as <paramref name="stale"/>, for the caller to
    /// withdraw before registering anew (else the new registration would conflict with it).
    /// </summary>
    public KeptRegistration? TakeRegistration(SharedBackend backend, ServiceProfile asked, out KeptRegistration? stale)
    {
        stale = null;
        lock (_gate)
        {
            KeptRegistration? named = backend.Kept.Find(k => k.IsNamed(asked));
            if (named is null)
            {
                return null;
            }
            Forget(backend, named);
            if (named.CanServe(asked))
            {
                return named;
            }
            stale = named;
            return null;
        }
    }

    /// <summary>Keeps <paramref name="backend"/> and <paramref name="registrations"/> for <paramref name="grace"/>.</summary>
    public void Keep(SharedBackend backend, IReadOnlyList<KeptRegistration> registrations, TimeSpan grace)
    {
        HookProcessExit();
        // The timers must not hold the stopping version's execution context (its async locals) for the grace.
        using (FlowSuppressed())
        {
            lock (_gate)
            {
                foreach (KeptRegistration registration in registrations)
                {
                    backend.Kept.Add(registration);
                    registration.Expiry = backend.Time.CreateTimer(
                        _ => _ = ExpireAsync(backend, registration), null, grace, Timeout.InfiniteTimeSpan);
                }
                if (backend.Kept.Count > 0)
                {
                    _holdingKept.Add(backend);
                }
                _kept.Add((backend, backend.Time.CreateTimer(_ => _ = ExpireAsync(backend), null, grace, Timeout.InfiniteTimeSpan)));
            }
        }
    }

    /// <summary>Withdraws what is kept on <paramref name="backend"/> (its host stops for good).</summary>
    public async Task WithdrawKeptAsync(SharedBackend backend)
    {
        List<KeptRegistration> kept;
        lock (_gate)
        {
            kept = [.. backend.Kept];
            foreach (KeptRegistration registration in kept)
            {
                Forget(backend, registration);
            }
        }
        await WithdrawAsync(backend, kept).ConfigureAwait(false);
    }

    /// <summary>Withdraws everything kept and closes every kept backend: the process exits.</summary>
    public async Task WithdrawAllAsync()
    {
        List<SharedBackend> unclaimed;
        List<SharedBackend> holding;
        lock (_gate)
        {
            unclaimed = [.. _kept.Select(k => k.Backend)];
            foreach ((_, ITimer expiry) in _kept)
            {
                expiry.Dispose();
            }
            _kept.Clear();
            holding = [.. _holdingKept];
        }
        foreach (SharedBackend backend in holding.Union(unclaimed))
        {
            await WithdrawKeptAsync(backend).ConfigureAwait(false);
        }
        foreach (SharedBackend backend in unclaimed)
        {
            await backend.Backend.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ExpireAsync(SharedBackend backend, KeptRegistration registration)
    {
        lock (_gate)
        {
            if (!backend.Kept.Contains(registration))
            {
                return; // taken over meanwhile
            }
            Forget(backend, registration);
        }
        await WithdrawAsync(backend, [registration]).ConfigureAwait(false);
    }

    private async Task ExpireAsync(SharedBackend backend)
    {
        lock (_gate)
        {
            int index = _kept.FindIndex(k => k.Backend == backend);
            if (index < 0)
            {
                return; // taken by a host meanwhile
            }
            _kept[index].Expiry.Dispose();
            _kept.RemoveAt(index);
        }
        await WithdrawKeptAsync(backend).ConfigureAwait(false);
        await backend.Backend.DisposeAsync().ConfigureAwait(false);
    }

    private void Forget(SharedBackend backend, KeptRegistration registration)
    {
        backend.Kept.Remove(registration);
        registration.Expiry?.Dispose();
        if (backend.Kept.Count == 0)
        {
            _holdingKept.Remove(backend);
        }
    }

    private static async Task WithdrawAsync(SharedBackend backend, List<KeptRegistration> registrations)
    {
        foreach (KeptRegistration registration in registrations)
        {
            try
            {
                await registration.Registration.DisposeAsync().ConfigureAwait(false);
                Log.KeptWithdrawn(backend.Logging.CreateLogger(Log.HandoverCategory), registration.Registration.Name, registration.Profile.ServiceType);
            }
            catch (Exception exception) when (exception is ObjectDisposedException or ZeroconfException)
            {
                // The backend is gone (and with it the registration): nothing left to withdraw.
            }
        }
    }

    private void HookProcessExit()
    {
        if (Interlocked.Exchange(ref _exitHooked, 1) == 0)
        {
            // A stop for good under the runner, or an exit during a reload: what is still kept says goodbye before the process ends.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => WithdrawAllAsync().Wait(s_exitBudget);
        }
    }

    /// <summary>Suppresses the execution context's flow for a block, unless it already is.</summary>
    internal static AsyncFlowControl? FlowSuppressed() => ExecutionContext.IsFlowSuppressed() ? null : ExecutionContext.SuppressFlow();
}
