using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Tests.Responder;

/// <summary>Checklist 15–19: probing, conflicts, tie-breaks, announcing, in virtual time.</summary>
public sealed class ResponderProbingTests
{
    internal static readonly DnsName s_instance = DnsName.FromLabels("DAAP Server", "_daap", "_tcp", "local");
    internal static readonly ServiceProfile s_daap = new("DAAP Server", "_daap._tcp", 3689) { Txt = [new("txtvers", "1")] };

    private static readonly TimeSpan s_latency = TimeSpan.FromMilliseconds(1);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task C15_HostProbe_ThreeQuAnyProbes250msApartWithAuthority_AfterRandom0To250ms(int seed)
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("observer");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha", seed);
        _ = inkwell.RegisterAsync(s_daap, TestContext.Current.CancellationToken);

        lan.Advance(TimeSpan.FromSeconds(3));

        DnsName host = DnsName.Parse("alpha.local");
        List<HeardPacket> probes = [.. peer.Heard.Where(p => p.IsProbeFor(host))];
        Assert.Equal(3, probes.Count);
        TimeSpan first = probes[0].Time - lan.Start - s_latency;
        Assert.InRange(first, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
        for (int i = 1; i < 3; i++)
        {
            Assert.Equal(TimeSpan.FromMilliseconds(250), probes[i].Time - probes[i - 1].Time);
        }
        foreach (HeardPacket probe in probes)
        {
            DnsQuestion question = Assert.Single(probe.Message.Questions);
            Assert.True(question.UnicastResponse);
            Assert.Contains(probe.Message.Authorities, r => r.Type == DnsRecordType.A && r.Name == host);
            Assert.Empty(probe.Message.Answers);
        }
        // The first announcement follows 250 ms after the third probe.
        HeardPacket announcement = peer.Heard.First(p => p.Answers(host, DnsRecordType.A));
        Assert.Equal(TimeSpan.FromMilliseconds(250), announcement.Time - probes[2].Time);
    }

    [Fact]
    public async Task C15_ServiceProbes_AlongsideTheHostName_WithSrvAndTxtInAuthority_NoCacheFlushInProbes()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("observer");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        Task<ServiceRegistration> registering = inkwell.RegisterAsync(s_daap, TestContext.Current.CancellationToken);

        ServiceRegistration registration = await lan.RunUntil(registering, TimeSpan.FromSeconds(5));

        Assert.Equal("DAAP Server", registration.Name);
        List<HeardPacket> probes = [.. peer.Heard.Where(p => p.IsProbeFor(s_instance))];
        Assert.Equal(3, probes.Count);
        // One probing round for both names: the service does not wait for the host name.
        List<HeardPacket> hostProbes = [.. peer.Heard.Where(p => p.IsProbeFor(DnsName.Parse("alpha.local")))];
        Assert.Equal(3, hostProbes.Count);
        Assert.True(probes[0].Time < hostProbes[2].Time);
        lan.Advance(TimeSpan.FromMilliseconds(10));
        TimeSpan announced = peer.Heard.First(p => p.Answers(s_instance, DnsRecordType.Srv)).Time - lan.Start;
        Assert.True(announced <= TimeSpan.FromMilliseconds(1001), announced.ToString()); // ≤ 250 + 3 × 250 ms, + 1 ms on the wire
        Assert.Contains(probes[0].Message.Authorities, r => r.Type == DnsRecordType.Srv && ((SrvRecordData)r.Data).Port == 3689);
        Assert.Contains(probes[0].Message.Authorities, r => r.Type == DnsRecordType.Txt);
        // Checklist (Bonjour Conformance Test): cache-flush is set in responses, never in probes.
        Assert.All(probes.SelectMany(p => p.Message.Authorities), r => Assert.False(r.CacheFlush));
    }

    [Fact]
    public async Task C16_ConflictWhileProbing_RenamesToName2()
    {
        await using var lan = new SimulatedLan();
        RawPeer defender = lan.AddPeer("defender");
        DnsRecord theirs = new(s_instance, DnsRecordType.Srv, 120, new SrvRecordData(0, 0, 9999, DnsName.Parse("other.local")), CacheFlush: true);
        defender.OnHeard = heard =>
        {
            if (heard.IsProbeFor(s_instance))
            {
                defender.Multicast(RawPeer.Response(theirs));
            }
        };
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");

        ServiceRegistration registration = await lan.RunUntil(inkwell.RegisterAsync(s_daap, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(10));

        Assert.Equal("DAAP Server (2)", registration.Name);
        lan.Advance(TimeSpan.FromSeconds(2));
        DnsName renamed = DnsName.FromLabels("DAAP Server (2)", "_daap", "_tcp", "local");
        Assert.Equal(3, defender.Heard.Count(p => p.IsProbeFor(renamed)));
        Assert.Contains(defender.Heard, p => p.Answers(renamed, DnsRecordType.Srv));
        Assert.DoesNotContain(defender.Heard, p => p.Answers(s_instance, DnsRecordType.Srv));
    }

    [Fact]
    public async Task C16_FifteenConflictsInTenSeconds_WaitFiveSecondsBeforeProbingAgain()
    {
        await using var lan = new SimulatedLan();
        RawPeer defender = lan.AddPeer("defender");
        // Claims every name that starts with "DAAP Server": every probe conflicts.
        defender.OnHeard = heard =>
        {
            if (!heard.Message.IsResponse && heard.Message.Authorities.Count > 0)
            {
                DnsName name = heard.Message.Questions[0].Name;
                if (name.Labels[0].StartsWith("DAAP Server", StringComparison.Ordinal))
                {
                    defender.Multicast(RawPeer.Response(new DnsRecord(name, DnsRecordType.Txt, 4500, new TxtRecordData([[1]]), CacheFlush: true)));
                }
            }
        };
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        _ = inkwell.RegisterAsync(s_daap, TestContext.Current.CancellationToken);

        lan.Advance(TimeSpan.FromSeconds(20));

        List<HeardPacket> probes = [.. defender.Heard.Where(p => !p.Message.IsResponse && p.Message.Authorities.Count > 0 && p.Message.Questions[0].Name.Labels.Count == 4)];
        List<TimeSpan> gaps = [.. probes.Zip(probes.Skip(1), (a, b) => b.Time - a.Time)];
        // The 15th conflict within 10 s makes the next probe wait at least 5 s.
        Assert.Contains(gaps, g => g >= TimeSpan.FromSeconds(5));
        int firstLongGap = gaps.FindIndex(g => g >= TimeSpan.FromSeconds(5));
        Assert.True(firstLongGap >= 14, $"long gap after probe {firstLongGap}");
    }

    [Fact]
    public async Task C17_SimultaneousProbe_LexicographicallyLaterWins_LoserWaitsOneSecond()
    {
        await using var lan = new SimulatedLan();
        RawPeer rival = lan.AddPeer("rival");
        // The rival proposes the same TXT and an SRV with a higher port: its records sort later, so it wins.
        DnsRecord rivalSrv = new(s_instance, DnsRecordType.Srv, 120, new SrvRecordData(0, 0, 65000, DnsName.Parse("rival.local")));
        DnsRecord rivalTxt = new(s_instance, DnsRecordType.Txt, 4500, new TxtRecordData(["txtvers=1"u8.ToArray()]));
        bool sent = false;
        rival.OnHeard = heard =>
        {
            if (heard.IsProbeFor(s_instance) && !sent)
            {
                sent = true;
                rival.Multicast(new DnsMessage { Questions = [new DnsQuestion(s_instance, DnsRecordType.Any, true)], Authorities = [rivalSrv, rivalTxt] });
            }
        };
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        ServiceRegistration registration = await lan.RunUntil(inkwell.RegisterAsync(s_daap, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(10));

        List<HeardPacket> probes = [.. rival.Heard.Where(p => p.IsProbeFor(s_instance))];
        // First probe, lost tie-break, one second's wait, then three fresh probes.
        Assert.Equal(4, probes.Count);
        // Our probe reaches the rival after 1 ms and its probe reaches us 1 ms later; then we wait 1 s.
        Assert.Equal(TimeSpan.FromMilliseconds(1002), probes[1].Time - probes[0].Time);
        Assert.Equal("DAAP Server", registration.Name);
    }

    [Fact]
    public async Task C17_SimultaneousProbe_WhenOursSortsLater_WeIgnoreTheirs()
    {
        await using var lan = new SimulatedLan();
        RawPeer rival = lan.AddPeer("rival");
        // Same TXT, SRV with a lower port: ours sorts later and wins.
        DnsRecord rivalSrv = new(s_instance, DnsRecordType.Srv, 120, new SrvRecordData(0, 0, 1, DnsName.Parse("rival.local")));
        DnsRecord rivalTxt = new(s_instance, DnsRecordType.Txt, 4500, new TxtRecordData(["txtvers=1"u8.ToArray()]));
        rival.OnHeard = heard =>
        {
            if (heard.IsProbeFor(s_instance))
            {
                rival.Multicast(new DnsMessage { Questions = [new DnsQuestion(s_instance, DnsRecordType.Any, true)], Authorities = [rivalSrv, rivalTxt] });
            }
        };
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        ServiceRegistration registration = await lan.RunUntil(inkwell.RegisterAsync(s_daap, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(10));

        List<HeardPacket> probes = [.. rival.Heard.Where(p => p.IsProbeFor(s_instance))];
        Assert.Equal(3, probes.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(250), probes[2].Time - probes[1].Time);
        Assert.Equal("DAAP Server", registration.Name);
    }

    [Fact]
    public void C17_TieBreakOrder_ClassThenTypeThenRdata_LongerListLater()
    {
        DnsRecord a = new(s_instance, DnsRecordType.A, 120, new AddressRecordData(System.Net.IPAddress.Parse("10.0.0.1")));
        DnsRecord b = new(s_instance, DnsRecordType.A, 120, new AddressRecordData(System.Net.IPAddress.Parse("10.0.0.2")));
        DnsRecord srv = new(s_instance, DnsRecordType.Srv, 120, new SrvRecordData(0, 0, 1, s_instance));
        Assert.True(Zeroconf.Responder.MdnsResponder.CompareForTieBreak([b], [a]) > 0);
        Assert.True(Zeroconf.Responder.MdnsResponder.CompareForTieBreak([a], [srv]) < 0);
        Assert.True(Zeroconf.Responder.MdnsResponder.CompareForTieBreak([srv, a], [a]) > 0);
        Assert.Equal(0, Zeroconf.Responder.MdnsResponder.CompareForTieBreak([srv, a], [a, srv]));
    }

    [Fact]
    public async Task C18_Announce_TwiceOneSecondApart_CacheFlushOnUniqueRecordsOnly()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("observer");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        await lan.RunUntil(inkwell.RegisterAsync(s_daap, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(5));
        lan.Advance(TimeSpan.FromSeconds(5));

        List<HeardPacket> announcements = [.. peer.Heard.Where(p => p.Answers(s_instance, DnsRecordType.Srv))];
        Assert.Equal(2, announcements.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), announcements[1].Time - announcements[0].Time);
        foreach (DnsRecord record in announcements[0].Message.Answers)
        {
            Assert.Equal(record.Type is DnsRecordType.Srv or DnsRecordType.Txt, record.CacheFlush);
        }
        Assert.Equal(0, announcements[0].Message.Id);
        Assert.True((announcements[0].Message.Flags & DnsMessage.AuthoritativeFlag) != 0);
    }

    [Fact]
    public async Task C18_TxtUpdate_IsReannouncedTwice()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("observer");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        ServiceRegistration registration = await lan.RunUntil(inkwell.RegisterAsync(s_daap, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(5));
        lan.Advance(TimeSpan.FromSeconds(5));
        peer.Clear();

        await registration.UpdateTxtAsync([new("txtvers", "2")], TestContext.Current.CancellationToken);
        lan.Advance(TimeSpan.FromSeconds(3));

        List<HeardPacket> updates = [.. peer.Heard.Where(p => p.Answers(s_instance, DnsRecordType.Txt))];
        Assert.Equal(2, updates.Count);
        DnsRecord txt = updates[0].Message.Answers.Single(r => r.Type == DnsRecordType.Txt);
        Assert.True(txt.CacheFlush);
        Assert.Equal("txtvers=2", txt.Data.ToString());
    }

    [Fact]
    public async Task C19_ConflictingResponseAfterRegistration_ProbesAgainAndRenames()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("intruder");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        ServiceRegistration registration = await lan.RunUntil(inkwell.RegisterAsync(s_daap, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(5));
        var renamed = new TaskCompletionSource<ServiceNameChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        registration.NameChanged += (sender, e) =>
        {
            Assert.Same(registration, sender);
            renamed.TrySetResult(e);
        };
        lan.Advance(TimeSpan.FromSeconds(3));
        DnsRecord theirs = new(s_instance, DnsRecordType.Srv, 120, new SrvRecordData(0, 0, 1234, DnsName.Parse("intruder.local")), CacheFlush: true);
        peer.OnHeard = heard =>
        {
            if (heard.IsProbeFor(s_instance))
            {
                peer.Multicast(RawPeer.Response(theirs));
            }
        };

        peer.Multicast(RawPeer.Response(theirs));
        lan.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("DAAP Server (2)", registration.Name);
        ServiceNameChangedEventArgs change = await renamed.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal("DAAP Server", change.PreviousName);
        Assert.Equal("DAAP Server (2)", change.Name);
    }

    [Fact]
    public async Task C19_IdenticalRecordFromAnotherHost_IsNoConflict()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("mirror");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        ServiceRegistration registration = await lan.RunUntil(inkwell.RegisterAsync(s_daap, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(5));
        DnsRecord identical = new(s_instance, DnsRecordType.Srv, 120, new SrvRecordData(0, 0, 3689, DnsName.Parse("alpha.local")), CacheFlush: true);
        peer.Clear();

        peer.Multicast(RawPeer.Response(identical));
        lan.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal("DAAP Server", registration.Name);
        Assert.DoesNotContain(peer.Heard, p => p.IsProbeFor(s_instance));
    }
}
