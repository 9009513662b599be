using System.Net;
using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Tests.Querier;

/// <summary>Checklist 6–14: continuous querying and the cache, in virtual time.</summary>
public sealed class QuerierTests
{
    private static readonly DnsName s_daapType = DnsName.Parse("_daap._tcp.local");
    private static readonly DnsName s_instance = DnsName.FromLabels("Remote", "_daap", "_tcp", "local");
    private static readonly DnsName s_remoteHost = DnsName.Parse("remote.local");

    private static DnsRecord Ptr(uint ttl = 4500) => new(s_daapType, DnsRecordType.Ptr, ttl, new PtrRecordData(s_instance));

    private static DnsRecord Address(string ip, uint ttl = 120, bool flush = true) =>
        new(s_remoteHost, DnsRecordType.A, ttl, new AddressRecordData(IPAddress.Parse(ip)), CacheFlush: flush);

    /// <summary>Starts a browse or query and copies its events into a list as they come.</summary>
    private static List<T> Collect<T>(IAsyncEnumerable<T> source, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (T item in source.WithCancellation(cancellationToken))
                {
                    lock (list)
                    {
                        list.Add(item);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);
        return list;
    }

    /// <summary>The events so far, once there are at least <paramref name="atLeast"/> (the reader runs on another thread).</summary>
    private static async Task<List<T>> Snapshot<T>(List<T> list, int atLeast = 0)
    {
        List<T> Copy()
        {
            lock (list)
            {
                return [.. list];
            }
        }

        await Eventually.TrueAsync(() => Copy().Count >= atLeast, () => $"{Copy().Count} of {atLeast} events: {string.Join("; ", Copy())}", cancellationToken: TestContext.Current.CancellationToken);
        return Copy();
    }

    private static List<HeardPacket> QueriesFor(RawPeer peer, DnsName name) =>
        [.. peer.Heard.Where(p => !p.Message.IsResponse && p.Message.Questions.Any(q => q.Name == name))];

    [Fact]
    public async Task C6_C8_Browse_FirstQueryAfter20To120msWithQu_ThenOneSecond_ThenDoubling()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("observer");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        DateTimeOffset started = lan.Time.GetUtcNow();
        Collect(inkwell.BrowseAsync("_daap._tcp", stop.Token), stop.Token);
        await SimulatedLan.WaitForQueries(inkwell);

        lan.Advance(TimeSpan.FromSeconds(70), TimeSpan.FromMilliseconds(1));

        List<HeardPacket> queries = QueriesFor(peer, s_daapType);
        Assert.InRange(queries[0].Time - started, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(180));
        Assert.True(queries[0].Message.Questions[0].UnicastResponse);
        Assert.All(queries.Skip(1), q => Assert.False(q.Message.Questions[0].UnicastResponse));
        List<double> gaps = [.. queries.Zip(queries.Skip(1), (a, b) => Math.Round((b.Time - a.Time).TotalSeconds, 2))];
        Assert.Equal([1, 2, 4, 8, 16, 32], gaps);
        stop.Cancel();
    }

    [Fact]
    public async Task C8_InterfaceChange_QueriesStartOverWithQu_AndNamesAreProbedAgain()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("observer");
        InMemoryTransport transport = lan.Network.AddHost("hotplug", "192.168.7.50");
        await using EmbeddedBackend inkwell = await EmbeddedBackend.CreateAsync(new DnsServiceDiscoveryOptions { Transport = transport, TimeProvider = lan.Time, HostName = "hotplug", Random = new Random(3) }, TestContext.Current.CancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await lan.RunUntil(inkwell.RegisterAsync(new ServiceProfile("Plugged", "_daap._tcp", 1), stop.Token), TimeSpan.FromSeconds(5));
        Collect(inkwell.BrowseAsync("_daap._tcp", stop.Token), stop.Token);
        await SimulatedLan.WaitForQueries(inkwell);
        lan.Advance(TimeSpan.FromSeconds(10));
        peer.Clear();
        DateTimeOffset replugged = lan.Time.GetUtcNow();

        transport.Replug("192.168.7.51");
        lan.Advance(TimeSpan.FromSeconds(3));

        HeardPacket query = QueriesFor(peer, s_daapType).First(p => p.Message.Authorities.Count == 0);
        Assert.True(query.Message.Questions[0].UnicastResponse);
        Assert.InRange(query.Time - replugged, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(125));
        DnsName instance = DnsName.FromLabels("Plugged", "_daap", "_tcp", "local");
        Assert.Equal(3, peer.Heard.Count(p => p.IsProbeFor(instance)));
        DnsRecord address = peer.Heard.First(p => p.Answers(DnsName.Parse("hotplug.local"), DnsRecordType.A)).Message.Answers.First(r => r.Type == DnsRecordType.A);
        Assert.Equal("192.168.7.51", address.Data.ToString()); // the new address is announced
        stop.Cancel();
    }

    [Fact]
    public async Task NoInterfaceAtStart_RegistrationWaits_ThenProbesAndAnnouncesWhenOneComesUp()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("observer");
        InMemoryTransport transport = lan.Network.AddHost("late", "192.168.7.60");
        transport.Unplug();
        await using EmbeddedBackend inkwell = await EmbeddedBackend.CreateAsync(new DnsServiceDiscoveryOptions { Transport = transport, TimeProvider = lan.Time, HostName = "late", Random = new Random(5) }, TestContext.Current.CancellationToken);
        Task<ServiceRegistration> registering = inkwell.RegisterAsync(new ServiceProfile("Late", "_daap._tcp", 1), TestContext.Current.CancellationToken);

        lan.Advance(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));

        Assert.False(registering.IsCompleted); // no name is claimed on no link
        Assert.Empty(peer.Heard);

        DateTimeOffset plugged = lan.Time.GetUtcNow();
        transport.Replug("192.168.7.60");
        ServiceRegistration registration = await lan.RunUntil(registering, TimeSpan.FromSeconds(5));

        Assert.Equal("Late", registration.Name);
        DnsName instance = DnsName.FromLabels("Late", "_daap", "_tcp", "local");
        List<HeardPacket> probes = [.. peer.Heard.Where(p => p.IsProbeFor(instance))];
        Assert.Equal(3, probes.Count);
        Assert.All(probes, p => Assert.True(p.Time >= plugged));
        lan.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Contains(peer.Heard, p => p.Answers(instance, DnsRecordType.Srv));
    }

    [Fact]
    public async Task C6_Backoff_IsCappedAtSixtyMinutes()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("observer");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Collect(inkwell.BrowseAsync("_daap._tcp", stop.Token), stop.Token);
        await SimulatedLan.WaitForQueries(inkwell);

        lan.Advance(TimeSpan.FromHours(4), TimeSpan.FromMilliseconds(100));

        List<HeardPacket> queries = QueriesFor(peer, s_daapType);
        List<TimeSpan> gaps = [.. queries.Zip(queries.Skip(1), (a, b) => b.Time - a.Time)];
        Assert.All(gaps, g => Assert.True(g <= TimeSpan.FromMinutes(60) + TimeSpan.FromMilliseconds(100), g.ToString()));
        Assert.True(gaps[^1] >= TimeSpan.FromMinutes(60) - TimeSpan.FromMilliseconds(100), gaps[^1].ToString());
        stop.Cancel();
    }

    [Fact]
    public async Task C7_C11_CachedRecord_RefreshedAt80To95Percent_ThenExpires()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("responder");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        List<DnsRecordEvent> events = Collect(inkwell.QueryRecordsAsync("remote.local", DnsRecordType.A, stop.Token), stop.Token);
        await SimulatedLan.WaitForQueries(inkwell);
        lan.Advance(TimeSpan.FromMilliseconds(200));
        DateTimeOffset answered = lan.Time.GetUtcNow();
        peer.Multicast(RawPeer.Response(Address("192.168.7.99", ttl: 100)));

        lan.Advance(TimeSpan.FromSeconds(105), TimeSpan.FromMilliseconds(5));

        List<double> refreshAt = [.. QueriesFor(peer, s_remoteHost).Select(q => (q.Time - answered).TotalSeconds).Where(t => t > 70 && t < 100)];
        Assert.Equal(4, refreshAt.Count);
        double[] starts = [80, 85, 90, 95];
        for (int i = 0; i < 4; i++)
        {
            Assert.InRange(refreshAt[i], starts[i], starts[i] + 2.1);
        }
        List<DnsRecordEvent> seen = await Snapshot(events, 2);
        Assert.Equal(DnsRecordEventKind.Added, seen[0].Kind);
        Assert.Equal(DnsRecordEventKind.Removed, seen[1].Kind); // expired at 100 s
        stop.Cancel();
    }

    [Fact]
    public async Task C9_Query_ListsKnownAnswersWithMoreThanHalfTtl_WithoutCacheFlush()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("responder");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Collect(inkwell.QueryRecordsAsync("remote.local", DnsRecordType.A, stop.Token), stop.Token);
        await SimulatedLan.WaitForQueries(inkwell);
        lan.Advance(TimeSpan.FromMilliseconds(200));
        peer.Multicast(RawPeer.Response(Address("192.168.7.99", ttl: 120)));
        peer.Clear();

        lan.Advance(TimeSpan.FromSeconds(3));

        HeardPacket query = QueriesFor(peer, s_remoteHost)[0];
        DnsRecord known = Assert.Single(query.Message.Answers);
        Assert.False(known.CacheFlush);
        Assert.InRange(known.Ttl, 60u, 120u);
        stop.Cancel();
    }

    [Fact]
    public async Task C9_ManyKnownAnswers_SpillIntoPacketsWithTc()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("responder");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Collect(inkwell.BrowseAsync("_daap._tcp", stop.Token), stop.Token);
        await SimulatedLan.WaitForQueries(inkwell);
        lan.Advance(TimeSpan.FromMilliseconds(200));
        for (int i = 0; i < 400; i++)
        {
            string name = $"Instance number {i} with a long name to fill packets";
            peer.Multicast(RawPeer.Response(new DnsRecord(s_daapType, DnsRecordType.Ptr, 4500, new PtrRecordData(s_daapType.Prepend(name)))));
        }
        lan.Advance(TimeSpan.FromMilliseconds(10));
        peer.Clear();

        lan.Advance(TimeSpan.FromSeconds(3));

        List<HeardPacket> packets = [.. peer.Heard.Where(p => !p.Message.IsResponse && p.Message.Authorities.Count == 0 &&
            p.Message.Questions.All(q => q.Name == s_daapType))];
        Assert.True(packets.Count >= 2);
        Assert.True(packets[0].Message.IsTruncated);
        Assert.Single(packets[0].Message.Questions);
        Assert.Empty(packets[1].Message.Questions);
        Assert.Equal(400, packets.TakeWhile(p => p.Message.IsTruncated).Sum(p => p.Message.Answers.Count) + packets.SkipWhile(p => p.Message.IsTruncated).First().Message.Answers.Count);
        stop.Cancel();
    }

    [Fact]
    public async Task C10_SameQuestionFromAnotherHost_SuppressesOurNextQuery()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("other-querier");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Collect(inkwell.BrowseAsync("_daap._tcp", stop.Token), stop.Token);
        await SimulatedLan.WaitForQueries(inkwell);
        lan.Advance(TimeSpan.FromMilliseconds(500)); // first query sent; the second is due 1 s after it
        int before = QueriesFor(peer, s_daapType).Count;

        peer.Multicast(RawPeer.Query(new DnsQuestion(s_daapType, DnsRecordType.Ptr)));
        lan.Advance(TimeSpan.FromMilliseconds(1000));

        Assert.Equal(before, QueriesFor(peer, s_daapType).Count(p => !p.Source.Address.Equals(peer.Transport.Address)));
        lan.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(before + 1, QueriesFor(peer, s_daapType).Count);
        stop.Cancel();
    }

    [Fact]
    public async Task C11_Goodbye_RemovesAfterOneSecond()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("responder");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        List<ServiceBrowseEvent> events = Collect(inkwell.BrowseAsync("_daap._tcp", stop.Token), stop.Token);
        await SimulatedLan.WaitForQueries(inkwell);
        peer.Multicast(RawPeer.Response(Ptr()));
        lan.Advance(TimeSpan.FromMilliseconds(10));
        Assert.Single(await Snapshot(events, 1));

        peer.Multicast(RawPeer.Response(Ptr(ttl: 0)));
        lan.Advance(TimeSpan.FromMilliseconds(900));
        Assert.Single(await Snapshot(events));
        lan.Advance(TimeSpan.FromMilliseconds(200));

        List<ServiceBrowseEvent> seen = await Snapshot(events, 2);
        Assert.Equal([ServiceBrowseEventKind.Added, ServiceBrowseEventKind.Removed], seen.Select(e => e.Kind));
        Assert.Equal("Remote", seen[1].InstanceName);
        stop.Cancel();
    }

    [Fact]
    public async Task C12_CacheFlush_ExpiresOlderRdataAfterOneSecond()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("responder");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        List<DnsRecordEvent> events = Collect(inkwell.QueryRecordsAsync("remote.local", DnsRecordType.A, stop.Token), stop.Token);
        await SimulatedLan.WaitForQueries(inkwell);
        peer.Multicast(RawPeer.Response(Address("192.168.7.98")));
        lan.Advance(TimeSpan.FromSeconds(2));

        peer.Multicast(RawPeer.Response(Address("192.168.7.99")));
        lan.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, (await Snapshot(events, 2)).Count);
        lan.Advance(TimeSpan.FromMilliseconds(600));

        List<DnsRecordEvent> seen = await Snapshot(events, 3);
        Assert.Equal(DnsRecordEventKind.Removed, seen[2].Kind);
        Assert.Equal("192.168.7.98", seen[2].Data);
        stop.Cancel();
    }

    [Fact]
    public async Task C13_Poof_TwoUnansweredQueries_FlushWithinTenSeconds()
    {
        await using var lan = new SimulatedLan();
        RawPeer responder = lan.AddPeer("responder");
        RawPeer asker = lan.AddPeer("asker");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        List<ServiceBrowseEvent> events = Collect(inkwell.BrowseAsync("_daap._tcp", stop.Token), stop.Token);
        await SimulatedLan.WaitForQueries(inkwell);
        responder.Multicast(RawPeer.Response(Ptr()));
        lan.Advance(TimeSpan.FromSeconds(1));

        asker.Multicast(RawPeer.Query(new DnsQuestion(s_daapType, DnsRecordType.Ptr)));
        lan.Advance(TimeSpan.FromSeconds(2));
        asker.Multicast(RawPeer.Query(new DnsQuestion(s_daapType, DnsRecordType.Ptr)));
        lan.Advance(TimeSpan.FromSeconds(9), TimeSpan.FromMilliseconds(10));

        List<ServiceBrowseEvent> seen = await Snapshot(events, 2);
        Assert.Equal([ServiceBrowseEventKind.Added, ServiceBrowseEventKind.Removed], seen.Select(e => e.Kind));
        stop.Cancel();
    }

    private static readonly DnsName s_otherInstance = DnsName.FromLabels("Other", "_daap", "_tcp", "local");

    private static DnsRecord Srv(ushort port = 3689) => new(s_instance, DnsRecordType.Srv, 120, new SrvRecordData(0, 0, port, s_remoteHost), CacheFlush: true);

    /// <summary>Inkwell's reconfirmation queries: those asking for the instance's SRV record.</summary>
    private static List<HeardPacket> ReconfirmQueries(RawPeer peer) =>
        [.. peer.Heard.Where(h => !h.Message.IsResponse && h.Message.Questions.Any(q => q.Name == s_instance && q.Type == DnsRecordType.Srv))];

    [Fact]
    public async Task C13_Reconfirm_UnansweredInstance_IsFlushedTenSecondsAfterTheFirstQuery()
    {
        await using var lan = new SimulatedLan();
        RawPeer responder = lan.AddPeer("responder");
        RawPeer other = lan.AddPeer("other");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        List<ServiceBrowseEvent> events = Collect(inkwell.BrowseAsync("_daap._tcp", stop.Token), stop.Token);
        await SimulatedLan.WaitForQueries(inkwell);
        responder.Multicast(RawPeer.Response(Ptr(), Srv()));
        other.Multicast(RawPeer.Response(new DnsRecord(s_daapType, DnsRecordType.Ptr, 4500, new PtrRecordData(s_otherInstance))));
        lan.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await Snapshot(events, 2)).Count);
        responder.Clear();

        TimeSpan asked = lan.Elapsed;
        Task<bool> alive = inkwell.ReconfirmAsync("Remote", "_daap._tcp", TestContext.Current.CancellationToken);
        lan.Advance(TimeSpan.FromSeconds(5));

        // §10.4: two or more queries, the disputed PTR and SRV asked for and not listed as known answers; the other
        // instance's PTR still is, so only the disputed one is drawn out.
        List<HeardPacket> queries = ReconfirmQueries(responder);
        Assert.True(queries.Count >= 2, $"{queries.Count} reconfirmation queries");
        foreach (HeardPacket query in queries)
        {
            Assert.Contains(query.Message.Questions, q => q.Name == s_daapType && q.Type == DnsRecordType.Ptr);
            Assert.DoesNotContain(query.Message.Answers, a => a.Name == s_instance || a.Data is PtrRecordData { Target: var t } && t == s_instance);
            Assert.Contains(query.Message.Answers, a => a.Data is PtrRecordData { Target: var t } && t == s_otherInstance);
        }
        Assert.False(alive.IsCompleted);

        // Flushed ten seconds after the first query: not at 9.5 s, by 11 s (the result then arrives in real time).
        lan.Advance(TimeSpan.FromSeconds(4.5), TimeSpan.FromMilliseconds(10));
        lock (inkwell.Engine.Gate)
        {
            Assert.True(inkwell.Engine.Querier.Lookup(s_instance, DnsRecordType.Srv).Any(), $"flushed before {lan.Elapsed - asked}");
        }
        lan.Advance(TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(10));
        Assert.False(await alive.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        List<ServiceBrowseEvent> seen = await Snapshot(events, 3);
        Assert.Equal(3, seen.Count);
        Assert.Equal((ServiceBrowseEventKind.Removed, "Remote"), (seen[2].Kind, seen[2].InstanceName));
        stop.Cancel();
    }

    [Fact]
    public async Task C13_Reconfirm_AnsweredInstance_StaysAndReportsAlive()
    {
        await using var lan = new SimulatedLan();
        RawPeer responder = lan.AddPeer("responder");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        List<ServiceBrowseEvent> events = Collect(inkwell.BrowseAsync("_daap._tcp", stop.Token), stop.Token);
        await SimulatedLan.WaitForQueries(inkwell);
        responder.Multicast(RawPeer.Response(Ptr(), Srv()));
        lan.Advance(TimeSpan.FromSeconds(1));
        // A live responder: answers a question for its records unless it is listed as a known answer.
        responder.OnHeard = heard =>
        {
            if (!heard.Message.IsResponse && heard.Message.Questions.Any(q => q.Name == s_instance) && !heard.Message.Answers.Any(a => a.Name == s_instance))
            {
                responder.Multicast(RawPeer.Response(Srv()));
            }
            if (!heard.Message.IsResponse && heard.Message.Questions.Any(q => q.Name == s_daapType) && !heard.Message.Answers.Any(a => a.Name == s_daapType))
            {
                responder.Multicast(RawPeer.Response(Ptr()));
            }
        };

        Assert.True(await lan.RunUntil(inkwell.ReconfirmAsync("Remote", "_daap._tcp", TestContext.Current.CancellationToken), TimeSpan.FromSeconds(2)));
        lan.Advance(TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(10));

        // Once answered, no further reconfirmation queries, and nothing is flushed.
        Assert.Single(ReconfirmQueries(responder));
        List<ServiceBrowseEvent> seen = await Snapshot(events, 1);
        Assert.Equal([ServiceBrowseEventKind.Added], seen.Select(e => e.Kind));
        stop.Cancel();
    }

    [Fact]
    public async Task C13_Reconfirm_NothingCached_ReportsGone()
    {
        await using var lan = new SimulatedLan();
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        Assert.False(await inkwell.ReconfirmAsync("Remote", "_daap._tcp", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task C14_Resolve_PrefersLowestSrvPriority()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("responder");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        peer.OnHeard = heard =>
        {
            if (!heard.Message.IsResponse && heard.Message.Questions.Any(q => q.Name == s_instance))
            {
                peer.Multicast(new DnsMessage
                {
                    Flags = DnsMessage.ResponseFlag | DnsMessage.AuthoritativeFlag,
                    Answers =
                    [
                        new DnsRecord(s_instance, DnsRecordType.Srv, 120, new SrvRecordData(10, 0, 1111, s_remoteHost)),
                        new DnsRecord(s_instance, DnsRecordType.Srv, 120, new SrvRecordData(1, 0, 2222, s_remoteHost)),
                        new DnsRecord(s_instance, DnsRecordType.Txt, 4500, new TxtRecordData(["a=1"u8.ToArray(), "flag"u8.ToArray(), "A=2"u8.ToArray()])),
                    ],
                    Additionals = [Address("192.168.7.99")],
                });
            }
        };

        ResolvedService resolved = await lan.RunUntil(inkwell.ResolveAsync("Remote", "_daap._tcp", TestContext.Current.CancellationToken), TimeSpan.FromSeconds(5));

        Assert.Equal(2222, resolved.Port);
        Assert.Equal("remote.local", resolved.HostName);
        Assert.Equal([IPAddress.Parse("192.168.7.99")], resolved.Addresses);
        Assert.Equal("1", resolved.Txt["A"]); // C30: case-insensitive keys, first duplicate wins
        Assert.Null(resolved.Txt["flag"]); // C30: no '=' is a boolean
    }

    [Fact]
    public async Task CacheFlood_IsBoundedAt4096Records()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("flooder");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        for (int i = 0; i < 5000; i++)
        {
            peer.Multicast(RawPeer.Response(new DnsRecord(DnsName.FromLabels($"host{i}", "local"), DnsRecordType.A, 120, new AddressRecordData(IPAddress.Parse("10.0.0.1")))));
        }
        lan.Advance(TimeSpan.FromMilliseconds(5));

        lock (inkwell.Engine.Gate)
        {
            Assert.Equal(Zeroconf.Querier.MdnsQuerier.MaxRecords, inkwell.Engine.Querier.Count);
        }
    }
}
