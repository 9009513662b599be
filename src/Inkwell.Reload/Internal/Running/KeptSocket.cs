using System.Collections.Concurrent;
using System.Reflection;

namespace Inkwell.Reload.Internal.Running;

/// <summary>One listening socket (Kestrel's sockets transport <c>IConnectionListener</c>, created by
/// <see cref="ListenerKeeper"/>) that outlives the Kestrel instances accepting from it. Each version's Kestrel gets a
/// <see cref="Claim"/>: a listener of its own over this socket, whose unbind stops that Kestrel's accepting without
/// closing the socket.</summary>
internal sealed class KeptSocket(object listener)
{
    private readonly MethodInfo _accept = listener.GetType().GetMethod("AcceptAsync")!;
    private readonly Type _listenerInterface = listener.GetType().GetInterfaces().First(i => i.FullName == "Microsoft.AspNetCore.Connections.IConnectionListener");

    // A connection the socket handed out just as the claim that asked for it was released: the next claim takes it.
    private readonly ConcurrentQueue<object> _orphans = new();
    private int _claims;

    public bool IsClaimed => Volatile.Read(ref _claims) > 0;

    /// <summary>The socket's address (with the port the system chose when bound to port 0).</summary>
    public object? EndPoint => _listenerInterface.GetProperty("EndPoint")!.GetValue(listener);

    /// <summary>A listener over this socket for one Kestrel.</summary>
    public object Claim()
    {
        Interlocked.Increment(ref _claims);
        return KeptListenerProxy.Create(_listenerInterface, new KeptListenerClaim(this));
    }

    internal void Release() => Interlocked.Decrement(ref _claims);

    /// <summary>The next connection for <paramref name="claim"/>, or null once the claim is released.</summary>
    internal async Task<object?> AcceptAsync(KeptListenerClaim claim, CancellationToken cancellationToken)
    {
        if (_orphans.TryDequeue(out object? orphan))
        {
            return orphan;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, claim.Released);
        object? connection;
        try
        {
            connection = await ListenerKeeper.AwaitValueTask(_accept.Invoke(listener, [linked.Token])!).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (claim.Released.IsCancellationRequested)
        {
            return null; // the kernel keeps the connection in the backlog for the next version
        }

        if (connection is not null && claim.Released.IsCancellationRequested)
        {
            _orphans.Enqueue(connection);
            return null;
        }

        return connection;
    }

    /// <summary>Closes the socket and drops any connection no version took.</summary>
    public async Task CloseAsync()
    {
        while (_orphans.TryDequeue(out object? orphan))
        {
            if (orphan is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
        }

        await ((IAsyncDisposable)listener).DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>One Kestrel's hold on a <see cref="KeptSocket"/>: released when that Kestrel unbinds or disposes its
/// listener.</summary>
internal sealed class KeptListenerClaim(KeptSocket socket)
{
    private readonly CancellationTokenSource _released = new();
    private int _done;

    public KeptSocket Socket => socket;

    public CancellationToken Released => _released.Token;

    public void Release()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            _released.Cancel();
            socket.Release();
        }
    }
}
