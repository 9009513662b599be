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

    /// <summary>Reads an open browse until <paramref name="kind"/> for <paramref name="name"/>, or fails the test after <see cref="Generous"/> or when it ends.</summary>
    public static async Task NextAsync(IAsyncEnumerator<ServiceBrowseEvent> browse, ServiceBrowseEventKind kind, string name)
    {
        using var deadline = new CancellationTokenSource(Generous);
        while (await browse.MoveNextAsync().AsTask().WaitAsync(deadline.Token))
        {
            if (browse.Current.Kind == kind && browse.Current.InstanceName == name)
            {
                return;
            }
        }
        Assert.Fail($"The browse ended before {kind} {name}.");
    }

    /// <summary>
    /// Waits until an <see cref="AvahiBackend"/>'s browses follow the TXT of <paramref name="count"/> instances, so that
    /// a change made now is reported as an update (one made while a watch starts is its starting point instead). The
    /// embedded backend reads its own cache, with no such window: nothing to wait for.
    /// </summary>
    public static async Task UntilTxtFollowedAsync(IServiceDiscoveryBackend backend, int count, CancellationToken cancellationToken)
    {
        if (backend is not AvahiBackend avahi)
        {
            return;
        }
        DateTime deadline = DateTime.UtcNow + Generous;
        while (avahi.FollowingTxtWatchCount < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The browse followed the TXT of {avahi.FollowingTxtWatchCount} instances, not {count}, within {Generous.TotalSeconds} s.");
            await Task.Delay(20, cancellationToken);
        }
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
