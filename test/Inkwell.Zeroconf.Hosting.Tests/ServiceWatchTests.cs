using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Hosting.Internal;
using Inkwell.Zeroconf.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inkwell.Zeroconf.Hosting.Tests;

/// <summary>The service watch behind the HttpClient provider and the gRPC resolver, on the in-memory network in virtual time.</summary>
public sealed class ServiceWatchTests
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(30);

    /// <summary>Completes when <paramref name="condition"/> holds for the watch's resolved instances (checked at every change).</summary>
    private static async Task<bool> WhenAsync(DnsSdServiceWatch watch, Func<IReadOnlyList<ResolvedService>, bool> condition)
    {
        while (true)
        {
            Microsoft.Extensions.Primitives.IChangeToken token = watch.ChangeToken;
            if (condition(watch.Snapshot()))
            {
                return true;
            }
            var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using IDisposable registration = token.RegisterChangeCallback(_ => changed.TrySetResult(), null);
            await changed.Task;
        }
    }

    private static async Task<ServiceRegistration> RegisterAsync(SimulatedLan lan, EmbeddedBackend backend, string name, int port) =>
        await lan.RunUntil(backend.RegisterAsync(new ServiceProfile(name, "_zoo._tcp", port), TestContext.Current.CancellationToken).AsTask(), s_limit);

    [Fact]
    public async Task Watch_InstanceDiesSilently_IsDroppedWhenItsSrvExpires_AndFollowedWhenItComesBackOnAnotherPort()
    {
        await using var lan = new SimulatedLan();
        EmbeddedBackend server = lan.AddInkwell("zoo-host", seed: 1);
        EmbeddedBackend client = lan.AddInkwell("client-host", seed: 2);
        await RegisterAsync(lan, server, "zoo-1", 5000);
        await using var watch = new DnsSdServiceWatch(new ServiceDiscovery(client), "_zoo._tcp", "_zoo._tcp", TimeSpan.FromSeconds(5), lan.Time, NullLogger.Instance);
        watch.Start();
        await SimulatedLan.WaitForQueries(client);
        await lan.RunUntil(WhenAsync(watch, s => s.Count == 1), s_limit);
        Assert.Equal(5000, Assert.Single(watch.Snapshot()).Port);

        // The host stops answering without a goodbye (pulled plug, SIGKILL). Its PTR would stay cached for 75 minutes;
        // its SRV (TTL 120 s) expires unanswered.
        // Checked at two moments, each after letting the watch's background work settle in real time: at 60 s, before
        // the cache's first refresh query (80 % of the TTL), it is still listed; by 130 s it is gone.
        lan.Network.Drop = packet => packet.From == "zoo-host";
        lan.Advance(TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(10));
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Single(watch.Snapshot());
        Task<bool> gone = WhenAsync(watch, s => s.Count == 0);
        lan.Advance(TimeSpan.FromSeconds(70), TimeSpan.FromMilliseconds(10));
        Assert.True(await gone.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));

        // The same instance name comes back from a new process on another port (the old one stays dead): resolved again.
        EmbeddedBackend restarted = lan.AddInkwell("zoo-host-2", seed: 3);
        await RegisterAsync(lan, restarted, "zoo-1", 6000);
        await lan.RunUntil(WhenAsync(watch, s => s.Count == 1), s_limit);
        Assert.Equal(6000, Assert.Single(watch.Snapshot()).Port);
    }
}
