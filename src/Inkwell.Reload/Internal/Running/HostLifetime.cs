namespace Inkwell.Reload.Internal.Running;

/// <summary>A <c>Microsoft.Extensions.Hosting</c> host's <c>IHostApplicationLifetime</c>, found through reflection
/// (<c>IHost</c> and <c>IHostApplicationLifetime</c> live side by side in Microsoft.Extensions.Hosting.Abstractions).</summary>
internal static class HostLifetime
{
    /// <summary>The lifetime of <paramref name="host"/> (an <c>IHost</c>), or null if it has none or is disposed.</summary>
    public static object? Get(object host)
    {
        Type? hostInterface = host.GetType().GetInterfaces().FirstOrDefault(i => i.FullName == "Microsoft.Extensions.Hosting.IHost");
        Type? lifetimeType = hostInterface?.Assembly.GetType("Microsoft.Extensions.Hosting.IHostApplicationLifetime");
        try
        {
            var services = hostInterface?.GetProperty("Services")?.GetValue(host) as IServiceProvider;
            return lifetimeType is null ? null : services?.GetService(lifetimeType);
        }
        catch (System.Reflection.TargetInvocationException exception) when (exception.InnerException is ObjectDisposedException)
        {
            return null;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>Calls <paramref name="action"/> once <paramref name="host"/> has started (<c>ApplicationStarted</c>).</summary>
    public static void OnStarted(object host, Action action)
    {
        object? lifetime = Get(host);
        if (lifetime?.GetType().GetInterfaces().Select(i => i.GetProperty("ApplicationStarted")).FirstOrDefault(p => p is not null)?.GetValue(lifetime) is CancellationToken started)
        {
            started.UnsafeRegister(static state => ((Action)state!)(), action);
        }
    }
}
