using Inkwell.Zeroconf.Avahi.Internal.DBus;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <content>The loop that keeps the registration alive.</content>
internal sealed partial class AvahiRegistration
{
    /// <summary>Renames after this many collisions in a row without getting established are treated as a failure.</summary>
    private const int MaxConsecutiveCollisions = 50;

    private AvahiEntryGroupProxy? _group;
    private bool _populated;
    private long _generation = -1;
    private AvahiDaemonStatus _status;
    private int _collisions;
    private AvahiException? _failure;

    private async Task RunAsync()
    {
        try
        {
            await HandleEventsAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // A bug must not leave RegisterAsync or UpdateTxtAsync waiting forever.
            Log.RegistrationInterrupted(_client.Logger, _name, _spec.Type, exception);
            Close(new AvahiException($"The registration of '{_name}' stopped unexpectedly: {exception.Message}", exception));
        }
    }

    /// <summary>Ends the loop's input and fails whoever still waits: the first registration, and TXT updates that raced with it.</summary>
    private void Close(AvahiException reason)
    {
        _events.Writer.TryComplete();
        Fail(reason);
        while (_events.Reader.TryRead(out object? late))
        {
            (late as UpdateTxtRequest)?.Done.TrySetException(new ObjectDisposedException(nameof(AvahiRegistration)));
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
                case GroupSignal { Signal: AvahiStateChangedSignal changed } signal when signal.Path == _group?.Path:
                    await OnGroupStateAsync((AvahiEntryGroupState)changed.State, changed.Error).ConfigureAwait(false);
                    break;
                case UpdateTxtRequest request:
                    await OnUpdateTxtAsync(request).ConfigureAwait(false);
                    break;
                case DisposeRequest:
                    await FreeGroupAsync().ConfigureAwait(false);
                    Log.Unregistered(_client.Logger, _name, _spec.Type);
                    Close(new AvahiException($"The registration of '{_name}' was disposed before Avahi established it."));
                    return;
            }
        }
    }

    private async Task OnStatusAsync(AvahiDaemonStatus status)
    {
        _status = status;
        if (status.BusLost is { } lost)
        {
            ForgetGroup();
            Fail(new AvahiException($"Cannot register '{_name}' ({_spec.Type}): {lost.Message}", lost));
            return;
        }
        if (status.Generation != _generation)
        {
            // Another daemon (or none): the old group died with the old daemon.
            if (_group is not null)
            {
                Log.Reregistering(_client.Logger, _name, _spec.Type);
            }
            ForgetGroup();
            _generation = status.Generation;
        }
        if (status.IsRunning)
        {
            await EstablishAsync().ConfigureAwait(false);
        }
        else if (status.IsPresent && _group is not null && _populated)
        {
            // As avahi-client's examples do: while the host name is (re-)probed (REGISTERING) or collided,
            // withdraw the services and add them again once the server is RUNNING.
            await TryAsync(async token =>
            {
                await _group.ResetAsync(token).ConfigureAwait(false);
                _populated = false;
                IsEstablished = false;
            }).ConfigureAwait(false);
        }

        if (!status.IsRunning)
        {
            Log.WaitingForServer(_client.Logger, _name, _spec.Type, status.IsPresent ? status.State.ToString() : "no daemon on the bus");
        }
    }

    private async Task OnGroupStateAsync(AvahiEntryGroupState state, string error)
    {
        switch (state)
        {
            case AvahiEntryGroupState.Established:
                IsEstablished = true;
                _collisions = 0;
                Log.Registered(_client.Logger, _name, _spec.Type);
                _firstEstablished.TrySetResult();
                break;
            case AvahiEntryGroupState.Collision:
                IsEstablished = false;
                await RenameAndRetryAsync().ConfigureAwait(false);
                break;
            case AvahiEntryGroupState.Failure:
                IsEstablished = false;
                Log.RegistrationFailed(_client.Logger, _name, _spec.Type, error);
                Fail(new AvahiException($"avahi-daemon failed to register '{_name}' ({_spec.Type}): {error}"));
                break;
        }
    }

    private async Task OnUpdateTxtAsync(UpdateTxtRequest request)
    {
        if (_status.BusLost is { } lost)
        {
            request.Done.TrySetException(new AvahiException($"Cannot update the TXT of '{_name}': {lost.Message}", lost));
            return;
        }
        AvahiServiceSpec previous = _spec;
        _spec = _spec with { Txt = request.Txt };
        if (_group is null || !_populated)
        {
            // Not registered right now (daemon away, server not RUNNING): the new TXT goes out with the next registration.
            request.Done.TrySetResult();
            return;
        }
        try
        {
            using CancellationTokenSource timeout = _client.CreateCallTimeout();
            await _group.UpdateServiceTxtAsync(
                _spec.Interface, _spec.Protocol, AvahiPublishFlags.None, _name, _spec.Type, _spec.Domain, _spec.Txt, timeout.Token).ConfigureAwait(false);
            request.Done.TrySetResult();
        }
        catch (Exception exception) when (exception is AvahiException or OperationCanceledException)
        {
            // Avahi kept the old TXT (a refused record, say): so does the registration, for later re-registrations.
            _spec = previous;
            request.Done.TrySetException(exception is AvahiException ? exception
                : new AvahiException($"avahi-daemon did not answer the TXT update of '{_name}' in time.", exception));
        }
    }

    /// <summary>Creates the group if needed, adds the service and its subtypes, and commits.</summary>
    private async Task EstablishAsync()
    {
        if (_populated && _group is not null)
        {
            return;
        }
        while (_failure is null)
        {
            try
            {
                using CancellationTokenSource timeout = _client.CreateCallTimeout();
                if (_group is null)
                {
                    string path;
                    using (_client.Router.BeginCreate())
                    {
                        path = await _client.Server.EntryGroupNewAsync(timeout.Token).ConfigureAwait(false);
                        _client.Router.Attach(path, signal => _events.Writer.TryWrite(new GroupSignal(path, signal)));
                    }
                    _group = new AvahiEntryGroupProxy(_client.Connection, path);
                }
                await _group.AddServiceAsync(
                    _spec.Interface, _spec.Protocol, AvahiPublishFlags.None, _name, _spec.Type, _spec.Domain, _spec.Host, _spec.Port,
                    _spec.Txt, timeout.Token).ConfigureAwait(false);
                foreach (string subtype in _spec.Subtypes)
                {
                    await _group.AddServiceSubtypeAsync(
                        _spec.Interface, _spec.Protocol, AvahiPublishFlags.None, _name, _spec.Type, _spec.Domain, subtype, timeout.Token).ConfigureAwait(false);
                }
                await _group.CommitAsync(timeout.Token).ConfigureAwait(false);
                _populated = true;
                return;
            }
            catch (AvahiException exception) when (exception.ErrorName == AvahiNames.CollisionError)
            {
                // Another client of this daemon already has the name: Avahi refuses at once instead of probing.
                await ResetQuietlyAsync().ConfigureAwait(false);
                if (!await PickAlternativeNameAsync().ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (AvahiException exception) when (AvahiCall.IsDaemonGone(exception) || exception.InnerException is Tmds.DBus.Protocol.DBusConnectionException)
            {
                // The daemon left in the middle; its return (a new generation) brings us back here.
                Log.RegistrationInterrupted(_client.Logger, _name, _spec.Type, exception);
                ForgetGroup();
                return;
            }
            catch (AvahiException exception)
            {
                // Invalid name, type, port or subtype, or a daemon in a bad state: the caller must know.
                await ResetQuietlyAsync().ConfigureAwait(false);
                Fail(exception);
                return;
            }
            catch (OperationCanceledException exception)
            {
                Log.RegistrationInterrupted(_client.Logger, _name, _spec.Type, exception);
                ForgetGroup();
                return;
            }
        }
    }

    private async Task RenameAndRetryAsync()
    {
        await ResetQuietlyAsync().ConfigureAwait(false);
        if (await PickAlternativeNameAsync().ConfigureAwait(false) && _status.IsRunning)
        {
            await EstablishAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> PickAlternativeNameAsync()
    {
        if (++_collisions > MaxConsecutiveCollisions)
        {
            Fail(new AvahiException($"'{_spec.Name}' ({_spec.Type}) collided {MaxConsecutiveCollisions} times in a row; giving up."));
            return false;
        }
        string oldName = _name;
        string? newName = null;
        await TryAsync(async token => newName = await _client.Server.GetAlternativeServiceNameAsync(oldName, token).ConfigureAwait(false)).ConfigureAwait(false);
        if (newName is null)
        {
            return false;
        }
        Volatile.Write(ref _name, newName);
        Log.Renamed(_client.Logger, oldName, _spec.Type, newName);
        Renamed?.Invoke(oldName, newName);
        return true;
    }

    private async Task ResetQuietlyAsync()
    {
        _populated = false;
        if (_group is not null)
        {
            await TryAsync(_group.ResetAsync).ConfigureAwait(false);
        }
    }

    private async Task FreeGroupAsync()
    {
        if (_group is null || !_status.IsPresent)
        {
            ForgetGroup();
            return;
        }
        AvahiEntryGroupProxy group = _group;
        ForgetGroup();
        await TryAsync(group.FreeAsync).ConfigureAwait(false);
    }

    private void ForgetGroup()
    {
        if (_group is not null)
        {
            _client.Router.Detach(_group.Path);
        }
        _group = null;
        _populated = false;
        IsEstablished = false;
    }

    /// <summary>Runs a call whose failure only matters to the log (the daemon's next status change repairs it).</summary>
    private async Task TryAsync(Func<CancellationToken, Task> call)
    {
        try
        {
            using CancellationTokenSource timeout = _client.CreateCallTimeout();
            await call(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AvahiException or OperationCanceledException)
        {
            Log.CallFailed(_client.Logger, _name, exception);
        }
    }

    /// <summary>Records a failure: the first registration attempt throws it; later ones only log.</summary>
    private void Fail(AvahiException exception)
    {
        if (!_firstEstablished.Task.IsCompleted)
        {
            _failure = exception;
            _firstEstablished.TrySetException(exception);
        }
    }
}
