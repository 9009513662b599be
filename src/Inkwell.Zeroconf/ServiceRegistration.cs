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
    /// Raised (on a thread-pool thread) when a conflict after registration forced a new name: the embedded
    /// responder raises it once the new name is established, Avahi when the daemon picked it (it then probes it).
    /// The arguments carry the previous and the new name; the new one is also in <see cref="Name"/>.
    /// </summary>
    public event EventHandler<ServiceNameChangedEventArgs>? NameChanged;

    /// <summary>Raises <see cref="NameChanged"/>; backends call it from a thread-pool thread, never under a lock of their own.</summary>
    protected void OnNameChanged(ServiceNameChangedEventArgs e) => NameChanged?.Invoke(this, e);

    /// <summary>Replaces the TXT data and announces the change.</summary>
    public abstract ValueTask UpdateTxtAsync(IReadOnlyList<KeyValuePair<string, string?>> txt, CancellationToken cancellationToken = default);

    /// <summary>Withdraws the service; safe to call twice.</summary>
    public abstract ValueTask DisposeAsync();
}
