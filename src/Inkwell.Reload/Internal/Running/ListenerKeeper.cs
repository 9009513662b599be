using System.Net;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Inkwell.Reload.Internal.Running;

/// <summary>
/// Keeps a web app's listening sockets open across reloads. Every version of the app builds its own host and its
/// own Kestrel (configured by that version's code), but the socket Kestrel listens on is not Kestrel's: each host
/// gets an <c>IConnectionListenerFactory</c> of ours (registered last, so Kestrel picks it over the sockets
/// transport), which binds an endpoint once and then hands every later version a listener over the same socket.
/// When the old version stops, its Kestrel stops accepting but the socket stays open, so connections made while the
/// new version starts wait in the kernel's backlog instead of being refused, and the new Kestrel accepts them.
/// A socket no version claimed by the time the next host has started (the edit changed the address) is closed then;
/// the rest close when the runner stops. The sockets come from a <c>SocketTransportFactory</c> of our own (default
/// options), so no version's container is referenced and every old version can unload. All through reflection, as
/// Inkwell.Reload references no ASP.NET Core assembly.
/// </summary>
internal sealed class ListenerKeeper : IAsyncDisposable
{
    private const string FactoryInterface = "Microsoft.AspNetCore.Connections.IConnectionListenerFactory";
    private const string SocketFactory = "Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets.SocketTransportFactory";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, KeptSocket> _sockets = new(StringComparer.Ordinal);
    private object? _socketFactory;
    private object? _factoryProxy;
    private bool _disposed;

    /// <summary>How many times a version bound an endpoint whose socket an earlier version had opened.</summary>
    public int Reused { get; private set; }

    /// <summary>Called on the <c>HostBuilding</c> event with the app's <c>IHostBuilder</c>: if the app serves with
    /// Kestrel's sockets transport, adds our listener factory to its services.</summary>
    public void Install(object hostBuilder)
    {
        MethodInfo? configureServices = hostBuilder.GetType().GetInterfaces()
            .FirstOrDefault(i => i.FullName == "Microsoft.Extensions.Hosting.IHostBuilder")
            ?.GetMethod("ConfigureServices");
        Type? callbackType = configureServices?.GetParameters().SingleOrDefault()?.ParameterType;
        if (configureServices is null || callbackType is null || !callbackType.IsGenericType)
        {
            return;
        }

        // Action<HostBuilderContext, IServiceCollection>, made from a generic method closed over HostBuilderContext.
        Type contextType = callbackType.GetGenericArguments()[0];
        MethodInfo addTo = typeof(ListenerKeeper).GetMethod(nameof(AddTo), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(contextType);
        configureServices.Invoke(hostBuilder, [Delegate.CreateDelegate(callbackType, this, addTo)]);
    }

    private void AddTo<TContext>(TContext context, IServiceCollection services)
    {
        Type? factoryType = services.Select(d => d.ServiceType).FirstOrDefault(t => t.FullName == FactoryInterface);
        Type? socketFactoryType = services.Where(d => d.ServiceType == factoryType && d.ImplementationType?.FullName == SocketFactory)
            .Select(d => d.ImplementationType).FirstOrDefault();
        if (factoryType is null || socketFactoryType is null)
        {
            return; // not Kestrel over sockets (or a transport of the app's own): leave it alone
        }

        lock (_gate)
        {
            _socketFactory ??= CreateSocketFactory(socketFactoryType);
            _factoryProxy ??= ListenerFactoryProxy.Create(factoryType, this);
        }

        services.Add(ServiceDescriptor.Singleton(factoryType, _factoryProxy));
    }

    /// <summary>Called on the <c>HostBuilt</c> event: once that host has started, sockets no version claimed again
    /// are closed.</summary>
    public void Watch(object host)
    {
        if (_factoryProxy is not null)
        {
            HostLifetime.OnStarted(host, () => _ = CloseUnclaimedAsync());
        }
    }

    /// <summary>The listener a version's Kestrel gets for <paramref name="endPoint"/>: over the socket already open
    /// for it, or over a new one.</summary>
    public async Task<object?> BindAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        string key = $"{endPoint.GetType().FullName}|{endPoint}";
        KeptSocket? socket;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_sockets.TryGetValue(key, out socket))
            {
                Reused++;
            }
        }

        if (socket is null)
        {
            // Bound without the binding version's execution context: the socket outlives that version, and nothing it
            // starts may hold the version's async locals.
            MethodInfo bind = _socketFactory!.GetType().GetMethod("BindAsync")!;
            object binding;
            using (ExecutionContext.SuppressFlow())
            {
                binding = bind.Invoke(_socketFactory, [endPoint, cancellationToken])!;
            }

            object listener = (await AwaitValueTask(binding).ConfigureAwait(false))!;
            socket = new KeptSocket(listener);
            lock (_gate)
            {
                _sockets[key] = socket;
            }
        }

        return socket.Claim();
    }

    private async Task CloseUnclaimedAsync()
    {
        List<KeyValuePair<string, KeptSocket>> unclaimed;
        lock (_gate)
        {
            unclaimed = [.. _sockets.Where(s => !s.Value.IsClaimed)];
            foreach (KeyValuePair<string, KeptSocket> socket in unclaimed)
            {
                _sockets.Remove(socket.Key);
            }
        }

        foreach (KeyValuePair<string, KeptSocket> socket in unclaimed)
        {
            await socket.Value.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes every socket (the runner has stopped, and with it the last version's Kestrel).</summary>
    public async ValueTask DisposeAsync()
    {
        List<KeptSocket> sockets;
        lock (_gate)
        {
            _disposed = true;
            sockets = [.. _sockets.Values];
            _sockets.Clear();
        }

        foreach (KeptSocket socket in sockets)
        {
            await socket.CloseAsync().ConfigureAwait(false);
        }
    }

    private static object CreateSocketFactory(Type socketFactoryType)
    {
        // new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance)
        ConstructorInfo constructor = socketFactoryType.GetConstructors().Single(c => c.GetParameters().Length == 2);
        Type optionsInterface = constructor.GetParameters()[0].ParameterType; // IOptions<SocketTransportOptions>
        Type transportOptions = optionsInterface.GetGenericArguments()[0];
        MethodInfo create = optionsInterface.Assembly.GetType("Microsoft.Extensions.Options.Options")!.GetMethod("Create")!.MakeGenericMethod(transportOptions);
        object options = create.Invoke(null, [Activator.CreateInstance(transportOptions)])!;
        return constructor.Invoke([options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance]);
    }

    /// <summary>Awaits a boxed <c>ValueTask&lt;T&gt;</c> or <c>ValueTask</c> returned through reflection.</summary>
    internal static async Task<object?> AwaitValueTask(object valueTask)
    {
        Task task = (Task)valueTask.GetType().GetMethod("AsTask")!.Invoke(valueTask, null)!;
        await task.ConfigureAwait(false);
        return task.GetType().GetProperty("Result")?.GetValue(task) ?? valueTask;
    }
}
