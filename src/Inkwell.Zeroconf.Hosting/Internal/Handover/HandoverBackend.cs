using System.Runtime.CompilerServices;
using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Dns;
using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.Hosting.Internal.Handover;

/// <summary>
/// One host's backend when registrations may be handed over (<see cref="ZeroconfHandover"/>): the backend a previous host kept
/// (same options), or a new one, which this host holds alone until it is disposed with the host. Then, if the host is being
/// restarted in this process, its live registrations and the backend are kept in <see cref="RegistrationHandover"/> for the
/// next version; otherwise they are withdrawn and the backend closed, as disposing a backend does. A registration asked for
/// exactly as one that was kept (TXT aside) takes it over: no probing, no goodbye, browsers never see the service leave.
/// </summary>
internal sealed class HandoverBackend : IServiceDiscoveryBackend
{
    private readonly RegistrationHandover _handover;
    private readonly ZeroconfHandover _policy;
    private readonly SharedBackend _shared;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _closed = new();
    private readonly List<HandedRegistration> _registrations = [];
    private int _disposed;

    /// <param name="handover">Where backends and registrations wait between hosts.</param>
    /// <param name="policy">Whether this host's stop hands over.</param>
    /// <param name="key">The options the backend is built from.</param>
    /// <param name="hostLogging">This host's logging, which the backend uses while this host holds it.</param>
    /// <param name="hostTime">This host's clock, which the backend uses while this host holds it.</param>
    /// <param name="create">Builds a backend logging through the given factory and taking time from the given provider.</param>
    public HandoverBackend(RegistrationHandover handover, ZeroconfHandover policy, HandoverKey key, ILoggerFactory hostLogging, TimeProvider hostTime,
        Func<ILoggerFactory, TimeProvider, IServiceDiscoveryBackend> create)
    {
        _handover = handover;
        _policy = policy;
        _logger = hostLogging.CreateLogger(Log.HandoverCategory);
        SharedBackend? taken = handover.TakeBackend(key);
        if (taken is null)
        {
            var logging = new ForwardingLoggerFactory();
            var time = new HandoverTimeProvider(hostTime);
            // The backend (its threads, timers and the backend choice) outlives this host: it must not hold the execution
            // context of the version of the app that happens to build it.
            using (RegistrationHandover.FlowSuppressed())
            {
                taken = new SharedBackend(key, create(logging, time), logging, time);
            }
        }
        else
        {
            Log.BackendTakenOver(_logger);
        }
        _shared = taken;
        _shared.Logging.ForwardTo(hostLogging);
        // The timers moved to this host's clock must not hold its execution context either.
        using (RegistrationHandover.FlowSuppressed())
        {
            _shared.Time.ForwardTo(hostTime);
        }
    }

    public string Name => _shared.Backend.Name;

    public async Task<ServiceRegistration> RegisterAsync(ServiceProfile profile, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        ServiceProfile asked = KeptRegistration.Copy(profile);
        KeptRegistration? kept = _handover.TakeRegistration(_shared, asked, out KeptRegistration? stale);
        if (stale is not null)
        {
            await stale.Registration.DisposeAsync().ConfigureAwait(false);
        }
        ServiceRegistration registration;
        if (kept is not null)
        {
            registration = kept.Registration;
            bool txtChanged = !kept.Profile.Txt.SequenceEqual(asked.Txt);
            if (txtChanged)
            {
                try
                {
                    await registration.UpdateTxtAsync(asked.Txt, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await registration.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            }
            Log.TookOver(_logger, registration.Name, asked.ServiceType, txtChanged ? "; its TXT changed" : "");
        }
        else
        {
            Task<ServiceRegistration> registering;
            using (RegistrationHandover.FlowSuppressed())
            {
                registering = _shared.Backend.RegisterAsync(asked, cancellationToken);
            }
            registration = await registering.ConfigureAwait(false);
        }
        var handed = new HandedRegistration(this, registration, asked);
        lock (_registrations)
        {
            _registrations.Add(handed);
        }
        return handed;
    }

    public IAsyncEnumerable<ServiceBrowseEvent> BrowseAsync(string serviceType, CancellationToken cancellationToken) =>
        UntilClosed(token => _shared.Backend.BrowseAsync(serviceType, token), cancellationToken);

    public IAsyncEnumerable<ServiceBrowseEvent> BrowseServiceTypesAsync(CancellationToken cancellationToken) =>
        UntilClosed(token => _shared.Backend.BrowseServiceTypesAsync(token), cancellationToken);

    public IAsyncEnumerable<DnsRecordEvent> QueryRecordsAsync(string name, DnsRecordType type, CancellationToken cancellationToken) =>
        UntilClosed(token => _shared.Backend.QueryRecordsAsync(name, type, token), cancellationToken);

    public async Task<ResolvedService> ResolveAsync(string instanceName, string serviceType, CancellationToken cancellationToken)
    {
        using CancellationTokenSource linked = Link(cancellationToken);
        return await _shared.Backend.ResolveAsync(instanceName, serviceType, linked.Token).ConfigureAwait(false);
    }

    public async Task<bool> ReconfirmAsync(string instanceName, string serviceType, CancellationToken cancellationToken)
    {
        using CancellationTokenSource linked = Link(cancellationToken);
        return await _shared.Backend.ReconfirmAsync(instanceName, serviceType, linked.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// The host is disposed: ends its browses and resolves (as closing the backend would), then hands the backend and the
    /// registrations still live over to the next version if the host is being restarted, or withdraws them and closes it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _closed.CancelAsync().ConfigureAwait(false);
        List<HandedRegistration> live;
        lock (_registrations)
        {
            live = [.. _registrations];
            _registrations.Clear();
        }
        if (_policy.IsHandingOver)
        {
            List<KeptRegistration> kept = [.. live.Select(r => r.Keep()).OfType<KeptRegistration>()];
            foreach (KeptRegistration registration in kept)
            {
                Log.Kept(_logger, registration.Registration.Name, registration.Profile.ServiceType, _policy.Grace);
            }
            _shared.Logging.ForwardTo(null);
            _handover.Keep(_shared, kept, _policy.Grace);
            return;
        }
        foreach (HandedRegistration registration in live)
        {
            await registration.DisposeAsync().ConfigureAwait(false);
        }
        await _handover.WithdrawKeptAsync(_shared).ConfigureAwait(false);
        await _shared.Backend.DisposeAsync().ConfigureAwait(false);
        _shared.Logging.ForwardTo(null);
    }

    internal void Forget(HandedRegistration registration)
    {
        lock (_registrations)
        {
            _registrations.Remove(registration);
        }
    }

    private CancellationTokenSource Link(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
    }

    /// <summary>Enumerates until the caller cancels, or ends quietly when this host's backend is disposed.</summary>
    private async IAsyncEnumerable<T> UntilClosed<T>(Func<CancellationToken, IAsyncEnumerable<T>> call, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using CancellationTokenSource linked = Link(cancellationToken);
        IAsyncEnumerator<T> items = call(linked.Token).GetAsyncEnumerator(linked.Token);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_closed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    yield break;
                }
                if (!more)
                {
                    yield break;
                }
                yield return items.Current;
            }
        }
        finally
        {
            await items.DisposeAsync().ConfigureAwait(false);
        }
    }
}
