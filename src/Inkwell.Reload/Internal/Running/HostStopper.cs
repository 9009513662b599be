using System.Diagnostics;
using System.Reflection;

namespace Inkwell.Reload.Internal.Running;

/// <summary>
/// Gets hold of the <c>IHost</c>s a running entry builds (an ASP.NET Core or worker app whose top-level statements
/// end in <c>app.Run()</c>) and stops them for a reload. <c>Microsoft.Extensions.Hosting</c> announces every host it
/// builds on a <see cref="DiagnosticListener"/> named <c>Microsoft.Extensions.Hosting</c> (event <c>HostBuilt</c>,
/// which EF Core's design-time tools use the same way); the entry that built it is known by an
/// <see cref="AsyncLocal{T}"/> set on the entry's thread. Stopping is <c>IHostApplicationLifetime.StopApplication()</c>:
/// the server stops accepting, requests in flight finish on the old version, <c>app.Run()</c> returns, the entry
/// ends, and the new version starts its own host on the same address. The event before it, <c>HostBuilding</c>, hands
/// out the app's <c>IHostBuilder</c> while its services can still change: there a <see cref="ListenerKeeper"/> gives a
/// web app's Kestrel the listening sockets earlier versions opened. Everything goes through reflection, so
/// Inkwell.Reload needs no reference to the hosting packages.
/// </summary>
internal static class HostStopper
{
    private const string ListenerName = "Microsoft.Extensions.Hosting";

    private static readonly AsyncLocal<EntryHosts?> s_current = new();
    private static readonly Lazy<IDisposable> s_subscription = new(() => DiagnosticListener.AllListeners.Subscribe(new AllListenersObserver()));

    /// <summary>Marks the calling thread (and what flows from it) as running <paramref name="hosts"/>' entry.</summary>
    public static void Attach(EntryHosts hosts)
    {
        _ = s_subscription.Value;
        s_current.Value = hosts;
    }

    private sealed class AllListenersObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == ListenerName)
            {
                value.Subscribe(new HostingObserver());
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class HostingObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is not { } payload || s_current.Value is not { } hosts)
            {
                return;
            }

            if (value.Key == "HostBuilding")
            {
                hosts.Keeper?.Install(payload);
            }
            else if (value.Key == "HostBuilt")
            {
                hosts.Add(payload);
                hosts.Keeper?.Watch(payload);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

/// <summary>The hosts one run of an entry built. Cleared when stopped, so it never keeps an old version alive
/// through an execution context that captured it.</summary>
/// <param name="keeper">Keeps the listening sockets of the hosts across runs, or null to let each host open and close
/// its own.</param>
/// <param name="started">Called when a host has started (its <c>ApplicationStarted</c>).</param>
internal sealed class EntryHosts(ListenerKeeper? keeper = null, Action? started = null)
{
    private readonly Lock _gate = new();
    private List<object> _hosts = [];

    public ListenerKeeper? Keeper => keeper;

    public void Add(object host)
    {
        lock (_gate)
        {
            _hosts.Add(host);
        }

        if (started is not null)
        {
            HostLifetime.OnStarted(host, started);
        }
    }

    /// <summary>Asks every host to stop (<c>IHostApplicationLifetime.StopApplication()</c>) and forgets them.</summary>
    /// <returns>How many were asked.</returns>
    public int StopAll()
    {
        List<object> hosts;
        lock (_gate)
        {
            (hosts, _hosts) = (_hosts, []);
        }

        foreach (object host in hosts)
        {
            object? lifetime = HostLifetime.Get(host);
            try
            {
                lifetime?.GetType().GetInterfaces().Select(i => i.GetMethod("StopApplication", BindingFlags.Public | BindingFlags.Instance))
                    .FirstOrDefault(m => m is not null)?.Invoke(lifetime, null);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is ObjectDisposedException)
            {
                // Already stopped and disposed.
            }
        }

        return hosts.Count;
    }
}
