using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Hosting.Internal;
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
        await lan.RunUntil(backend.RegisterAsync(new ServiceProfile(name, "_zoo._tcp", port), TestContext.Current.CancellationToken), s_limit);

    [Fact]
    public async Task Watch_InstanceDiesSilently_IsDroppedWhenItsSrvExpires_AndFollowedWhenItComesBackOnAnotherPort()
    {
        await using var lan = new SimulatedLan();
        EmbeddedBackend server = lan.AddInkwell("zoo-host", seed: 1);
        EmbeddedBackend client = lan.AddInkwell("client-host", seed: 2);
        await RegisterAsync(lan, server, "zoo-1", 5000);
        await using var watch = new DnsSdServiceWatch(new DnsServiceDiscovery(client), "_zoo._tcp", "_zoo._tcp", TimeSpan.FromSeconds(5), lan.Time, NullLogger.Instance);
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

    /// <summary>Two instances on two hosts, both resolved by a watch on a third.</summary>
    private static async Task<(SimulatedLan Lan, EmbeddedBackend Client, DnsSdServiceWatch Watch)> TwoInstancesAsync()
    {
        var lan = new SimulatedLan();
        EmbeddedBackend first = lan.AddInkwell("zoo-host-1", seed: 1);
        EmbeddedBackend second = lan.AddInkwell("zoo-host-2", seed: 3);
        EmbeddedBackend client = lan.AddInkwell("client-host", seed: 2);
        await RegisterAsync(lan, first, "zoo-1", 5000);
        await RegisterAsync(lan, second, "zoo-2", 5001);
        var watch = new DnsSdServiceWatch(new DnsServiceDiscovery(client), "_zoo._tcp", "_zoo._tcp", TimeSpan.FromSeconds(5), lan.Time, NullLogger.Instance);
        watch.Start();
        await SimulatedLan.WaitForQueries(client);
        await lan.RunUntil(WhenAsync(watch, s => s.Count == 2), s_limit);
        return (lan, client, watch);
    }

    private static string[] Names(DnsSdServiceWatch watch) => [.. watch.Snapshot().Select(s => s.InstanceName)];

    private static readonly Dns.DnsName s_zoo1 = Dns.DnsName.Parse("zoo-1._zoo._tcp.local");

    /// <summary>Whether the client's cache holds zoo-1's SRV record, and whether it is being reconfirmed.</summary>
    private static (bool Cached, bool Reconfirming) Zoo1Srv(EmbeddedBackend client)
    {
        lock (client.Engine.Gate)
        {
            List<Querier.CachedRecord> srv = [.. client.Engine.Querier.Lookup(s_zoo1, Dns.DnsRecordType.Srv)];
            return (srv.Count > 0, srv.Any(c => c.Reconfirmations is not null));
        }
    }

    /// <summary>Waits in real time until the reconfirmation the watch started on the thread pool reached the cache, so virtual time is measured from there.</summary>
    private static Task WaitForReconfirmationAsync(EmbeddedBackend client) =>
        WaitUntilAsync(() => Zoo1Srv(client).Reconfirming, "the reconfirmation never started");

    /// <summary>Moves virtual time on in 10 ms steps, letting the engine catch up in real time after each, until zoo-1's SRV
    /// has been flushed or <paramref name="limit"/> has passed. On a loaded machine the engine
    /// can send the first query a little later than the reconfirmation started, so the flush is looked for in a window.</summary>
    private static async Task AdvanceUntilFlushedAsync(SimulatedLan lan, EmbeddedBackend client, TimeSpan limit)
    {
        TimeSpan start = lan.Elapsed;
        while (Zoo1Srv(client).Cached && lan.Elapsed - start < limit)
        {
            lan.Advance(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }
        await WaitUntilAsync(() => !Zoo1Srv(client).Cached, $"zoo-1's SRV still cached {lan.Elapsed - start} later");
    }

    /// <summary>Delivers what zoo-host-1 sent before it "died" (the network's latency is 1 ms) and gives the engines a moment
    /// to take it in: an answer landing after the reconfirmation starts would rightly confirm zoo-1 and spoil the test.</summary>
    private static async Task LetPacketsInFlightLandAsync(SimulatedLan lan)
    {
        lan.Advance(TimeSpan.FromMilliseconds(20));
        await Task.Delay(100, TestContext.Current.CancellationToken);
    }

    /// <summary>Waits in real time (virtual time standing still) until <paramref name="condition"/> holds.</summary>
    private static Task WaitUntilAsync(Func<bool> condition, string failure) =>
        Eventually.TrueAsync(condition, () => failure, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Watch_ConnectionFailsToADeadInstance_LeftOutAtOnce_FlushedTenSecondsLater()
    {
        (SimulatedLan lan, EmbeddedBackend client, DnsSdServiceWatch watch) = await TwoInstancesAsync();
        await using SimulatedLan _ = lan;
        await using DnsSdServiceWatch __ = watch;
        ResolvedService dead = watch.Snapshot().Single(s => s.InstanceName == "zoo-1");
        lan.Network.Drop = packet => packet.From == "zoo-host-1"; // killed: no goodbye, no answers
        await LetPacketsInFlightLandAsync(lan);

        Assert.True(watch.ReportUnreachable(DnsSdServiceWatch.PreferredAddress(dead)!, dead.Port));
        Assert.Equal(["zoo-2"], Names(watch));
        Assert.False(watch.ReportUnreachable(DnsSdServiceWatch.PreferredAddress(dead)!, 4999));

        await WaitForReconfirmationAsync(client);
        TimeSpan asked = lan.Elapsed;
        // The next change of the watch: zoo-1 dropped (or, wrongly, back after a failed reconfirmation).
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable registration = watch.ChangeToken.RegisterChangeCallback(_ => changed.TrySetResult(), null);
        lan.Advance(TimeSpan.FromSeconds(9), TimeSpan.FromMilliseconds(10));
        Assert.True(Zoo1Srv(client).Cached);
        await AdvanceUntilFlushedAsync(lan, client, TimeSpan.FromSeconds(5));
        Assert.InRange(lan.Elapsed - asked, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(14)); // ten seconds after the first query
        await changed.Task.WaitAsync(s_limit, TestContext.Current.CancellationToken);
        Assert.Equal(["zoo-2"], Names(watch));
    }

    [Fact]
    public async Task Watch_ConnectionFailsToALiveInstance_LeftOutUntilItAnswers()
    {
        (SimulatedLan lan, EmbeddedBackend client, DnsSdServiceWatch watch) = await TwoInstancesAsync();
        await using SimulatedLan _ = lan;
        await using DnsSdServiceWatch __ = watch;
        ResolvedService live = watch.Snapshot().Single(s => s.InstanceName == "zoo-1");

        Assert.True(watch.ReportUnreachable(DnsSdServiceWatch.PreferredAddress(live)!, live.Port));
        Assert.Equal(["zoo-2"], Names(watch));

        // Queries go out at 0, 1 and 3 s (the first may meet the responder's one-second limit on multicasting a record
        // again, RFC 6762 §6); the watch then follows in real time while virtual time stands still, so the second report
        // below is surely within ten seconds of the first.
        await WaitForReconfirmationAsync(client);
        Task<bool> back = WhenAsync(watch, s => s.Count == 2);
        lan.Advance(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));
        await back.WaitAsync(s_limit, TestContext.Current.CancellationToken);
        Assert.True(Zoo1Srv(client).Cached);
        // Asked less than ten seconds ago and it answered: another failure right away is not followed up again.
        Assert.True(watch.ReportUnreachable(DnsSdServiceWatch.PreferredAddress(live)!, live.Port));
        Assert.Equal(["zoo-1", "zoo-2"], Names(watch));
    }

    [Fact]
    public async Task Watch_ReconfirmAll_DropsTheDeadInstance_KeepsTheLiveOneListed()
    {
        (SimulatedLan lan, EmbeddedBackend client, DnsSdServiceWatch watch) = await TwoInstancesAsync();
        await using SimulatedLan _ = lan;
        await using DnsSdServiceWatch __ = watch;
        lan.Network.Drop = packet => packet.From == "zoo-host-1";
        await LetPacketsInFlightLandAsync(lan);

        watch.ReconfirmAll();
        Assert.Equal(["zoo-1", "zoo-2"], Names(watch)); // nothing left out on a guess
        await WaitForReconfirmationAsync(client);
        TimeSpan asked = lan.Elapsed;

        // Flushed ten seconds after the first query (virtual time, stepped by hand), then the watch follows in real time.
        lan.Advance(TimeSpan.FromSeconds(9), TimeSpan.FromMilliseconds(10));
        Assert.True(Zoo1Srv(client).Cached);
        await AdvanceUntilFlushedAsync(lan, client, TimeSpan.FromSeconds(5));
        Assert.InRange(lan.Elapsed - asked, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(14)); // ten seconds after the first query
        await WhenAsync(watch, s => s.Count == 1).WaitAsync(s_limit, TestContext.Current.CancellationToken);
        Assert.Equal(["zoo-2"], Names(watch));
    }
}
