using System.Runtime.CompilerServices;
using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Hosting.Internal;

/// <summary>
/// A backend whose choice is still being made: <see cref="Avahi.BackendMode.Auto"/> asks the system bus (up to a second) whether
/// avahi-daemon runs, but a <see cref="DnsServiceDiscovery"/> must be handed out by dependency injection at once. Every call waits
/// for the choice, then goes to the chosen backend; a failed choice (Avahi asked for and absent) fails every call with its reason.
/// </summary>
internal sealed class SelectedBackend : IServiceDiscoveryBackend
{
    private readonly Task<IServiceDiscoveryBackend> _choice;
    private int _disposed;

    public SelectedBackend(Task<IServiceDiscoveryBackend> choice)
    {
        _choice = choice;
    }

    /// <summary>The chosen backend's name, or "choosing" while the choice is being made.</summary>
    public string Name => _choice.IsCompletedSuccessfully ? _choice.Result.Name : "choosing";

    /// <summary>The chosen backend, once chosen.</summary>
    public Task<IServiceDiscoveryBackend> Choice => _choice;

    public async Task<ServiceRegistration> RegisterAsync(ServiceProfile profile, CancellationToken cancellationToken)
    {
        IServiceDiscoveryBackend backend = await ChosenAsync(cancellationToken).ConfigureAwait(false);
        return await backend.RegisterAsync(profile, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<ServiceBrowseEvent> BrowseAsync(string serviceType, CancellationToken cancellationToken) =>
        Forward(backend => backend.BrowseAsync(serviceType, cancellationToken), cancellationToken);

    public async Task<ResolvedService> ResolveAsync(string instanceName, string serviceType, CancellationToken cancellationToken)
    {
        IServiceDiscoveryBackend backend = await ChosenAsync(cancellationToken).ConfigureAwait(false);
        return await backend.ResolveAsync(instanceName, serviceType, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<ServiceBrowseEvent> BrowseServiceTypesAsync(CancellationToken cancellationToken) =>
        Forward(backend => backend.BrowseServiceTypesAsync(cancellationToken), cancellationToken);

    public IAsyncEnumerable<DnsRecordEvent> QueryRecordsAsync(string name, DnsRecordType type, CancellationToken cancellationToken) =>
        Forward(backend => backend.QueryRecordsAsync(name, type, cancellationToken), cancellationToken);

    public async Task<bool> ReconfirmAsync(string instanceName, string serviceType, CancellationToken cancellationToken)
    {
        IServiceDiscoveryBackend backend = await ChosenAsync(cancellationToken).ConfigureAwait(false);
        return await backend.ReconfirmAsync(instanceName, serviceType, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        IServiceDiscoveryBackend backend;
        try
        {
            backend = await _choice.ConfigureAwait(false);
        }
        catch (Exception)
        {
            return; // nothing was built; the failure was reported to whoever used the backend
        }
        await backend.DisposeAsync().ConfigureAwait(false);
    }

    private Task<IServiceDiscoveryBackend> ChosenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _choice.WaitAsync(cancellationToken);
    }

    private async IAsyncEnumerable<T> Forward<T>(Func<IServiceDiscoveryBackend, IAsyncEnumerable<T>> call, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IServiceDiscoveryBackend backend = await ChosenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (T item in call(backend).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
