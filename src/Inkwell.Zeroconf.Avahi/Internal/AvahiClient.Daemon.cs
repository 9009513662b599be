using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Tmds.DBus.Protocol;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <content>Following the daemon: who owns <c>org.freedesktop.Avahi</c>, its server state, and the bus connection.</content>
internal sealed partial class AvahiClient
{
    private static readonly MessageValueReader<string> s_readString = (message, _) => message.GetBodyReader().ReadString();

    // Bumped by every NameOwnerChanged / server StateChanged signal, so an answer to a query sent before the
    // signal does not overwrite what the signal said.
    private long _ownerSignals;
    private long _stateSignals;

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _connection.ConnectAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DBusConnectionException exception)
        {
            throw new AvahiException($"Cannot connect to the D-Bus system bus at {_address}: {exception.Message}", exception);
        }
        Log.Connected(Logger, _address);
        _ = WatchDisconnectAsync();

        // Subscriptions first, queries second: nothing that happens in between is missed.
        _router = await AvahiSignalRouter.CreateAsync(_connection, Logger, cancellationToken).ConfigureAwait(false);
        _router.Attach(AvahiNames.ServerPath, OnServerSignal);
        var ownerRule = new MatchRule
        {
            Type = MessageType.Signal,
            Sender = AvahiNames.DBusService,
            Path = AvahiNames.DBusPath,
            Interface = AvahiNames.DBusInterface,
            Member = "NameOwnerChanged",
            Arg0 = AvahiNames.Service,
        };
        _ownerSubscription = await AvahiCall.InvokeAsync(
            _connection.AddMatchAsync(
                ownerRule,
                static (message, _) =>
                {
                    Reader reader = message.GetBodyReader();
                    _ = reader.ReadString();
                    _ = reader.ReadString();
                    return reader.ReadString();
                },
                static notification =>
                {
                    if (notification.HasValue)
                    {
                        ((AvahiClient)notification.State!).OnOwnerSignal(notification.Value);
                    }
                },
                emitOnCapturedContext: false,
                ObserverFlags.None,
                this).AsTask(),
            "AddMatch NameOwnerChanged",
            cancellationToken).ConfigureAwait(false);

        long signalsBefore = Interlocked.Read(ref _ownerSignals);
        string? owner = await GetNameOwnerAsync(cancellationToken).ConfigureAwait(false);
        if (owner is not null && Interlocked.Read(ref _ownerSignals) == signalsBefore)
        {
            SetOwner(owner);
        }
        if (Status.IsPresent)
        {
            // One bounded, non-fatal try: a daemon that does not answer must not make connecting fail; retries
            // go on in the background.
            long generation = Status.Generation;
            if (!await TryRefreshStateAsync(generation, cancellationToken).ConfigureAwait(false))
            {
                _ = RefreshStateInBackgroundAsync(generation);
            }
        }
    }

    private async Task<string?> GetNameOwnerAsync(CancellationToken cancellationToken)
    {
        MessageBuffer message;
        using (MessageWriter writer = _connection.GetMessageWriter())
        {
            writer.WriteMethodCallHeader(AvahiNames.DBusService, AvahiNames.DBusPath, AvahiNames.DBusInterface, "GetNameOwner", "s");
            writer.WriteString(AvahiNames.Service);
            message = writer.CreateMessage();
        }
        try
        {
            return await AvahiCall.InvokeAsync(_connection.CallMethodAsync(message, s_readString), "GetNameOwner", cancellationToken).ConfigureAwait(false);
        }
        catch (AvahiException exception) when (exception.ErrorName == "org.freedesktop.DBus.Error.NameHasNoOwner")
        {
            return null;
        }
    }

    private void OnOwnerSignal(string newOwner)
    {
        Interlocked.Increment(ref _ownerSignals);
        SetOwner(newOwner.Length == 0 ? null : newOwner);
        AvahiDaemonStatus status = Status;
        if (status.IsPresent)
        {
            _ = RefreshStateInBackgroundAsync(status.Generation);
        }
    }

    private void SetOwner(string? owner)
    {
        lock (_lock)
        {
            if (_status.BusLost is not null || owner == _status.Owner)
            {
                return;
            }
            if (owner is null)
            {
                Log.DaemonVanished(Logger);
            }
            Router.Owner = owner;
            Publish(new AvahiDaemonStatus(_status.Generation + 1, owner, AvahiServerState.Invalid, null));
        }
    }

    /// <summary>
    /// Asks the daemon for its server state, a few times if it does not answer: until it does, registrations
    /// wait (they need RUNNING), so one lost answer must not leave them waiting for good.
    /// </summary>
    private async Task RefreshStateInBackgroundAsync(long generation)
    {
        for (int attempt = 1; attempt <= 3 && Status.Generation == generation && Status.IsPresent; attempt++)
        {
            if (await TryRefreshStateAsync(generation, CancellationToken.None).ConfigureAwait(false)
                || Volatile.Read(ref _disposeState) != 0)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(attempt), _options.TimeProvider).ConfigureAwait(false);
        }
    }

    /// <summary>One <see cref="RefreshStateAsync"/> bounded by the call timeout; false (logged) when it failed.</summary>
    private async Task<bool> TryRefreshStateAsync(long generation, CancellationToken cancellationToken)
    {
        try
        {
            using CancellationTokenSource timeout = CreateCallTimeout(cancellationToken);
            await RefreshStateAsync(generation, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is AvahiException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.StateQueryFailed(Logger, exception);
            return false;
        }
    }

    private async Task RefreshStateAsync(long generation, CancellationToken cancellationToken)
    {
        long signalsBefore = Interlocked.Read(ref _stateSignals);
        AvahiServerState state = await Server.GetStateAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (_status.Generation == generation && _status.IsPresent && Interlocked.Read(ref _stateSignals) == signalsBefore)
            {
                Log.DaemonAppeared(Logger, _status.Owner!, state.ToString());
                if (state != _status.State)
                {
                    Publish(_status with { State = state });
                }
            }
        }
    }

    private void OnServerSignal(AvahiSignal signal)
    {
        if (signal is not AvahiStateChangedSignal changed)
        {
            return;
        }
        Interlocked.Increment(ref _stateSignals);
        var state = (AvahiServerState)changed.State;
        Log.ServerStateChanged(Logger, state.ToString(), changed.Error);
        lock (_lock)
        {
            if (_status.IsPresent && state != _status.State)
            {
                Publish(_status with { State = state });
            }
        }
    }

    private async Task WatchDisconnectAsync()
    {
        Exception? reason = await _connection.DisconnectedAsync().ConfigureAwait(false);
        if (Volatile.Read(ref _disposeState) != 0)
        {
            return;
        }
        Log.BusLost(Logger, reason);
        var lost = new AvahiException($"The D-Bus system bus connection at {_address} was lost.", reason);
        lock (_lock)
        {
            Publish(new AvahiDaemonStatus(_status.Generation + 1, null, AvahiServerState.Invalid, lost));
        }
    }

    /// <summary>Sets the status and tells every listener; call under <see cref="_lock"/>.</summary>
    private void Publish(AvahiDaemonStatus status)
    {
        _status = status;
        foreach (Action<AvahiDaemonStatus> listener in _listeners.ToArray())
        {
            listener(status);
        }
    }
}
