namespace Inkwell.Zeroconf;

/// <summary>A registered service. Disposing it withdraws the service (the responder says goodbye).</summary>
public abstract class ServiceRegistration : IAsyncDisposable
{
    /// <summary>The instance name in use: the one asked for, or after a conflict the backend's next choice ("Name (2)" from the embedded responder, "Name #2" from Avahi).</summary>
    public abstract string Name { get; }

    /// <summary>The service type, e.g. "_daap._tcp".</summary>
    public abstract string ServiceType { get; }

    /// <summary>The domain, "local".</summary>
    public abstract string Domain { get; }

    /// <summary>The port.</summary>
    public abstract int Port { get; }

    /// <summary>
    /// Raised (on a thread-pool thread) when a conflict after registration forced a new name; the
    /// argument is the new name, also in <see cref="Name"/>.
    /// </summary>
    public event EventHandler<string>? NameChanged;

    /// <summary>Raises <see cref="NameChanged"/>.</summary>
    protected void OnNameChanged(string newName) => NameChanged?.Invoke(this, newName);

    /// <summary>Replaces the TXT data and announces the change.</summary>
    public abstract ValueTask UpdateTxtAsync(IReadOnlyList<KeyValuePair<string, string?>> txt, CancellationToken cancellationToken = default);

    /// <summary>Withdraws the service; safe to call twice.</summary>
    public abstract ValueTask DisposeAsync();
}
