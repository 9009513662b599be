using System.Runtime.CompilerServices;
using Inkwell.Zeroconf.Avahi.Internal.DBus;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <content>Register, browse, resolve and enumerate types.</content>
internal sealed partial class AvahiClient
{
    /// <summary>avahi_strerror(AVAHI_ERR_TIMEOUT): what a resolver's <c>Failure</c> says when nobody answered.</summary>
    private const string ResolverTimeoutError = "Timeout reached";

    /// <summary>Registers a service and waits until Avahi has established it (after probing and any renames).</summary>
    public Task<AvahiRegistration> RegisterAsync(AvahiServiceSpec spec, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposeState) != 0, this);
        return AvahiRegistration.RegisterAsync(this, spec, cancellationToken);
    }

    /// <summary>Browses for instances of <paramref name="type"/>; ends with an <see cref="AvahiException"/> if the bus goes away or Avahi fails the browser.</summary>
    public IAsyncEnumerable<AvahiBrowseEvent<AvahiServiceItem>> BrowseAsync(
        string type,
        string domain = "",
        int @interface = AvahiInterface.Unspecified,
        AvahiProtocol protocol = AvahiProtocol.Unspecified,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(domain);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposeState) != 0, this);
        return ReadAsync(new AvahiServiceBrowser(this, type, domain, @interface, protocol), cancellationToken);
    }

    /// <summary>Browses for the service types announced in <paramref name="domain"/>.</summary>
    public IAsyncEnumerable<AvahiBrowseEvent<AvahiServiceTypeItem>> BrowseServiceTypesAsync(
        string domain = "",
        int @interface = AvahiInterface.Unspecified,
        AvahiProtocol protocol = AvahiProtocol.Unspecified,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposeState) != 0, this);
        return ReadAsync(new AvahiServiceTypeBrowser(this, domain, @interface, protocol), cancellationToken);
    }

    /// <summary>Follows the records of one name, class (1 = IN) and type (1 = A, 16 = TXT, …), like <c>dns-sd -Q</c>.</summary>
    public IAsyncEnumerable<AvahiBrowseEvent<AvahiRecordItem>> BrowseRecordsAsync(
        string name,
        ushort type,
        ushort @class = 1,
        int @interface = AvahiInterface.Unspecified,
        AvahiProtocol protocol = AvahiProtocol.Unspecified,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposeState) != 0, this);
        return ReadAsync(new AvahiRecordBrowser(this, name, @class, type, @interface, protocol), cancellationToken);
    }

    /// <summary>
    /// Resolves an instance to its host, port, one address and TXT strings. Pass the interface and protocol a
    /// browse reported to resolve it there. Avahi gives up after about 5 s (<c>Timeout reached</c>).
    /// </summary>
    /// <exception cref="AvahiException">Not found, the daemon is not running or went away, or the bus is gone.</exception>
    public async Task<AvahiResolvedService> ResolveAsync(
        string name,
        string type,
        string domain = "",
        int @interface = AvahiInterface.Unspecified,
        AvahiProtocol protocol = AvahiProtocol.Unspecified,
        AvahiProtocol addressProtocol = AvahiProtocol.Unspecified,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(domain);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposeState) != 0, this);
        var result = new TaskCompletionSource<AvahiResolvedService>(TaskCreationOptions.RunContinuationsAsynchronously);
        AvahiDaemonStatus start = Status;
        if (start.BusLost is { } lost)
        {
            throw new AvahiException($"Cannot resolve '{name}': {lost.Message}", lost);
        }
        if (!start.IsPresent)
        {
            throw new AvahiException($"Cannot resolve '{name}' ({type}): avahi-daemon is not running on the system bus.");
        }
        using IDisposable subscription = Subscribe(status =>
        {
            if (status.Generation != start.Generation)
            {
                result.TrySetException(status.BusLost is { } busLost
                    ? new AvahiException($"Resolving '{name}' failed: {busLost.Message}", busLost)
                    : new AvahiException($"Resolving '{name}' failed: avahi-daemon went away."));
            }
        });
        string path;
        using (Router.BeginCreate())
        {
            path = await Server.ServiceResolverNewAsync(
                @interface, protocol, name, type, domain, addressProtocol, AvahiLookupFlags.None, cancellationToken).ConfigureAwait(false);
            Router.Attach(path, signal =>
            {
                switch (signal)
                {
                    case AvahiFoundSignal found:
                        result.TrySetResult(found.Service);
                        break;
                    case AvahiFailureSignal failure:
                        result.TrySetException(new AvahiException($"Resolving '{name}' ({type}) failed: {failure.Error}.")
                        {
                            IsResolverTimeout = failure.Error == ResolverTimeoutError,
                        });
                        break;
                }
            });
        }
        try
        {
            return await result.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Router.Detach(path);
            await FreeQuietlyAsync(new AvahiObjectProxy(Connection, path, AvahiNames.ServiceResolver)).ConfigureAwait(false);
        }
    }

    private async Task FreeQuietlyAsync(AvahiObjectProxy proxy)
    {
        if (!Status.IsPresent)
        {
            return;
        }
        try
        {
            using CancellationTokenSource timeout = CreateCallTimeout();
            await proxy.FreeAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AvahiException or OperationCanceledException)
        {
            // The object dies with our connection or the daemon anyway.
        }
    }

    private static async IAsyncEnumerable<AvahiBrowseEvent<TItem>> ReadAsync<TItem>(
        AvahiBrowserSession<TItem> session, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TItem : class
    {
        await using (session.ConfigureAwait(false))
        {
            session.Start();
            while (await session.Events.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (session.Events.TryRead(out AvahiBrowseEvent<TItem> @event))
                {
                    yield return @event;
                }
            }
        }
    }
}
