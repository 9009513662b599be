namespace Inkwell.Zeroconf.Hosting.Internal.Handover;

/// <summary>
/// What one host holds of a registration that may outlive it: the host's view of the backend's registration. Disposing it
/// withdraws the service as always; <see cref="Keep"/> lets go of it for the next host instead, dropping this host's
/// <see cref="ServiceRegistration.NameChanged"/> handlers (they belong to the stopping version of the app).
/// </summary>
internal sealed class HandedRegistration : ServiceRegistration
{
    private readonly HandoverBackend _owner;
    private readonly ServiceRegistration _inner;
    private ServiceProfile _profile;
    private int _released;

    public HandedRegistration(HandoverBackend owner, ServiceRegistration inner, ServiceProfile profile)
    {
        _owner = owner;
        _inner = inner;
        _profile = profile;
        _inner.NameChanged += OnInnerNameChanged;
    }

    public override string Name => _inner.Name;

    public override string ServiceType => _inner.ServiceType;

    public override string Domain => _inner.Domain;

    public override int Port => _inner.Port;

    public override async ValueTask UpdateTxtAsync(IReadOnlyList<KeyValuePair<string, string?>> txt, CancellationToken cancellationToken = default)
    {
        await _inner.UpdateTxtAsync(txt, cancellationToken).ConfigureAwait(false);
        _profile = KeptRegistration.Copy(_profile, txt);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }
        _inner.NameChanged -= OnInnerNameChanged;
        _owner.Forget(this);
        await _inner.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Lets go of the registration, still registered, for the next host; null if it was withdrawn already.</summary>
    public KeptRegistration? Keep()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return null;
        }
        _inner.NameChanged -= OnInnerNameChanged;
        return new KeptRegistration(_profile, _inner);
    }

    private void OnInnerNameChanged(object? sender, ServiceNameChangedEventArgs e) => OnNameChanged(e);
}
