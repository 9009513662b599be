using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Avahi.Tests.Behaviour;

/// <summary>Generous waits for what the other host sees (a loaded 2-core machine); nothing here is timed.</summary>
internal static class BrowseWaits
{
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    /// <summary>Browses until an event matches, or fails the test after <see cref="Generous"/>.</summary>
    public static async Task<ServiceBrowseEvent> UntilAsync(
        IAsyncEnumerable<ServiceBrowseEvent> events, Func<ServiceBrowseEvent, bool> match, string what, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Generous);
        try
        {
            await foreach (ServiceBrowseEvent e in events.WithCancellation(deadline.Token))
            {
                if (match(e))
                {
                    return e;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        Assert.Fail($"No browse event for {what} within {Generous.TotalSeconds} s.");
        return null!;
    }

    /// <summary>Resolves until the answer matches (a cache may still hold an older TXT), or fails the test after <see cref="Generous"/>.</summary>
    public static async Task<ResolvedService> ResolveUntilAsync(
        IServiceDiscoveryBackend backend, string name, string type, Func<ResolvedService, bool> match, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Generous);
        ResolvedService? last = null;
        try
        {
            while (true)
            {
                last = await backend.ResolveAsync(name, type, deadline.Token);
                if (match(last))
                {
                    return last;
                }
                await Task.Delay(250, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        Assert.Fail($"'{name}' did not resolve as expected within {Generous.TotalSeconds} s; last answer: {last}.");
        return null!;
    }
}
