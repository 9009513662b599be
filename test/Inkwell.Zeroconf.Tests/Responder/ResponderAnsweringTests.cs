using System.Net;
using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Tests.Support;

namespace Inkwell.Zeroconf.Tests.Responder;

/// <summary>Checklist 20–27, 31, 32: answering, in virtual time.</summary>
public sealed class ResponderAnsweringTests
{
    private static readonly DnsName s_instance = ResponderProbingTests.s_instance;
    private static readonly DnsName s_daapType = DnsName.Parse("_daap._tcp.local");
    private static readonly DnsName s_host = DnsName.Parse("alpha.local");

    private static async Task<(SimulatedLan Lan, RawPeer Peer, EmbeddedBackend Inkwell, ServiceRegistration Registration)> Registered(int seed = 1, int peerPort = 5353)
    {
        var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("asker", peerPort);
        EmbeddedBackend inkwell = lan.AddInkwell("alpha", seed);
        ServiceRegistration registration = await lan.RunUntil(inkwell.RegisterAsync(ResponderProbingTests.s_daap, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(5));
        lan.Advance(TimeSpan.FromSeconds(3)); // announcements done, and more than a second since them
        peer.Clear();
        return (lan, peer, inkwell, registration);
    }

    [Fact]
    public async Task C20_UniqueRecord_IsAnsweredAtOnce()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered();
        await using SimulatedLan scope = lan;
        DateTimeOffset asked = lan.Time.GetUtcNow();

        peer.Multicast(RawPeer.Query(new DnsQuestion(s_instance, DnsRecordType.Srv)));
        lan.Advance(TimeSpan.FromMilliseconds(200));

        HeardPacket answer = Assert.Single(peer.Heard, p => p.Answers(s_instance, DnsRecordType.Srv));
        Assert.Equal(TimeSpan.FromMilliseconds(2), answer.Time - asked); // 1 ms there, 1 ms back: no added delay
        Assert.Null(answer.Message.Questions.FirstOrDefault()); // §6: no questions in responses
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task C20_SharedRecord_IsDelayed20To120ms(int seed)
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered(seed);
        await using SimulatedLan scope = lan;
        DateTimeOffset asked = lan.Time.GetUtcNow();

        peer.Multicast(RawPeer.Query(new DnsQuestion(s_daapType, DnsRecordType.Ptr)));
        lan.Advance(TimeSpan.FromMilliseconds(300));

        HeardPacket answer = Assert.Single(peer.Heard, p => p.Answers(s_daapType, DnsRecordType.Ptr));
        TimeSpan delay = answer.Time - asked - TimeSpan.FromMilliseconds(2);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(121));
    }

    [Fact]
    public async Task C20_SharedAnswersToTwoQueries_AreAggregatedIntoOneResponse()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered();
        await using SimulatedLan scope = lan;
        RawPeer other = lan.AddPeer("other");

        peer.Multicast(RawPeer.Query(new DnsQuestion(s_daapType, DnsRecordType.Ptr)));
        other.Multicast(RawPeer.Query(new DnsQuestion(ServiceRecordSetNames.Services, DnsRecordType.Ptr)));
        lan.Advance(TimeSpan.FromMilliseconds(300));

        HeardPacket response = Assert.Single(peer.Heard, p => p.Message.IsResponse);
        Assert.Contains(response.Message.Answers, r => r.Name == s_daapType);
        Assert.Contains(response.Message.Answers, r => r.Name == ServiceRecordSetNames.Services);
    }

    [Fact]
    public async Task C20_AfterTruncatedQuery_SharedAnswerWaits400To500ms()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered();
        await using SimulatedLan scope = lan;
        DateTimeOffset asked = lan.Time.GetUtcNow();

        DnsMessage query = RawPeer.Query(new DnsQuestion(s_daapType, DnsRecordType.Ptr));
        peer.Multicast(new DnsMessage { Flags = DnsMessage.TruncatedFlag, Questions = query.Questions });
        lan.Advance(TimeSpan.FromMilliseconds(700));

        HeardPacket answer = Assert.Single(peer.Heard, p => p.Answers(s_daapType, DnsRecordType.Ptr));
        Assert.InRange(answer.Time - asked, TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(505));
    }

    [Fact]
    public async Task C21_SameRecord_IsNotMulticastTwiceWithinOneSecond()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered();
        await using SimulatedLan scope = lan;

        peer.Multicast(RawPeer.Query(new DnsQuestion(s_instance, DnsRecordType.Srv)));
        lan.Advance(TimeSpan.FromMilliseconds(300));
        peer.Multicast(RawPeer.Query(new DnsQuestion(s_instance, DnsRecordType.Srv)));
        lan.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Single(peer.Heard, p => p.Answers(s_instance, DnsRecordType.Srv));

        lan.Advance(TimeSpan.FromMilliseconds(500));
        peer.Multicast(RawPeer.Query(new DnsQuestion(s_instance, DnsRecordType.Srv)));
        lan.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(2, peer.Heard.Count(p => p.Answers(s_instance, DnsRecordType.Srv)));
    }

    [Fact]
    public async Task C21_ProbeDefence_AnswersAProbeAtOnce_EvenWithinASecondOfAnnouncing()
    {
        await using var lan = new SimulatedLan();
        RawPeer prober = lan.AddPeer("prober");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        await lan.RunUntil(inkwell.RegisterAsync(ResponderProbingTests.s_daap, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(5));
        lan.Advance(TimeSpan.FromMilliseconds(300)); // announced 300 ms ago: more than 250 ms, less than 1 s
        prober.Clear();
        DateTimeOffset asked = lan.Time.GetUtcNow();

        // python-zeroconf's probe: a QU PTR question with its proposed PTR in Authority.
        prober.Multicast(new DnsMessage
        {
            Questions = [new DnsQuestion(s_daapType, DnsRecordType.Ptr, UnicastResponse: true)],
            Authorities = [new DnsRecord(s_daapType, DnsRecordType.Ptr, 4500, new PtrRecordData(s_instance))],
        });
        lan.Advance(TimeSpan.FromMilliseconds(50));

        HeardPacket answer = Assert.Single(prober.Heard, p => p.Answers(s_daapType, DnsRecordType.Ptr));
        Assert.Equal(TimeSpan.FromMilliseconds(2), answer.Time - asked);
        Assert.Null(lan.Network.Log.Last(p => p.From == "alpha").Destination); // multicast, so every prober sees it
    }

    [Fact]
    public async Task C22_QuQuestion_RecentlyMulticastRecord_IsAnsweredByUnicast()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered();
        await using SimulatedLan scope = lan;

        peer.Multicast(RawPeer.Query(new DnsQuestion(s_instance, DnsRecordType.Srv, UnicastResponse: true)));
        lan.Advance(TimeSpan.FromMilliseconds(200));

        InMemoryPacketAssert.SingleUnicastTo(lan, peer, p => p.Answers(s_instance, DnsRecordType.Srv));
    }

    [Fact]
    public async Task C22_QuQuestion_RecordNotMulticastForQuarterTtl_IsMulticast()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered();
        await using SimulatedLan scope = lan;
        lan.Advance(TimeSpan.FromSeconds(31), TimeSpan.FromMilliseconds(100)); // SRV TTL 120 s: a quarter is 30 s

        peer.Multicast(RawPeer.Query(new DnsQuestion(s_instance, DnsRecordType.Srv, UnicastResponse: true)));
        lan.Advance(TimeSpan.FromMilliseconds(200));

        Assert.Single(peer.Heard, p => p.Answers(s_instance, DnsRecordType.Srv));
        Assert.Null(lan.Network.Log.Last(p => p.From == "alpha").Destination);
    }

    [Fact]
    public async Task C23_LegacyUnicast_CopiesIdAndQuestion_TtlAtMost10_NoCacheFlush()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered(peerPort: 40000);
        await using SimulatedLan scope = lan;

        peer.Multicast(new DnsMessage { Id = 0x1234, Questions = [new DnsQuestion(s_instance, DnsRecordType.Srv)] });
        lan.Advance(TimeSpan.FromMilliseconds(200));

        HeardPacket answer = Assert.Single(peer.Heard);
        Assert.Equal(0x1234, answer.Message.Id);
        Assert.Equal(s_instance, Assert.Single(answer.Message.Questions).Name);
        Assert.All(answer.Message.AllRecords, r => Assert.True(r.Ttl <= 10 && !r.CacheFlush, r.ToString()));
        InMemoryPacket sent = lan.Network.Log.Last(p => p.From == "alpha");
        Assert.Equal(40000, sent.Destination!.Port);
    }

    [Fact]
    public async Task C24_KnownAnswerWithMoreThanHalfTtl_SuppressesTheAnswer()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered();
        await using SimulatedLan scope = lan;
        DnsRecord known = new(s_daapType, DnsRecordType.Ptr, 4000, new PtrRecordData(s_instance));

        peer.Multicast(new DnsMessage { Questions = [new DnsQuestion(s_daapType, DnsRecordType.Ptr)], Answers = [known] });
        lan.Advance(TimeSpan.FromMilliseconds(300));
        Assert.DoesNotContain(peer.Heard, p => p.Message.IsResponse);

        lan.Advance(TimeSpan.FromSeconds(1));
        peer.Multicast(new DnsMessage { Questions = [new DnsQuestion(s_daapType, DnsRecordType.Ptr)], Answers = [known with { Ttl = 2000 }] });
        lan.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Single(peer.Heard, p => p.Answers(s_daapType, DnsRecordType.Ptr));
    }

    [Fact]
    public async Task C24_KnownAnswersInTruncatedContinuation_AreCollectedBeforeAnswering()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered();
        await using SimulatedLan scope = lan;
        DnsRecord known = new(s_daapType, DnsRecordType.Ptr, 4500, new PtrRecordData(s_instance));

        peer.Multicast(new DnsMessage { Flags = DnsMessage.TruncatedFlag, Questions = [new DnsQuestion(s_daapType, DnsRecordType.Ptr)] });
        lan.Advance(TimeSpan.FromMilliseconds(100));
        peer.Multicast(new DnsMessage { Answers = [known] });
        lan.Advance(TimeSpan.FromMilliseconds(600));

        Assert.DoesNotContain(peer.Heard, p => p.Message.IsResponse);
    }

    [Fact]
    public async Task C24_DuplicateAnswerFromAnotherResponder_SuppressesOurs()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered();
        await using SimulatedLan scope = lan;
        RawPeer other = lan.AddPeer("other-responder");

        peer.Multicast(RawPeer.Query(new DnsQuestion(s_daapType, DnsRecordType.Ptr)));
        lan.Advance(TimeSpan.FromMilliseconds(5));
        other.Multicast(RawPeer.Response(new DnsRecord(s_daapType, DnsRecordType.Ptr, 4500, new PtrRecordData(s_instance))));
        lan.Advance(TimeSpan.FromMilliseconds(300));

        Assert.DoesNotContain(peer.Heard, p => p.Source.Address.Equals(IPAddress.Parse("192.168.7.11")) && p.Message.IsResponse);
    }

    [Fact]
    public async Task C25_OwnedNameWithoutAskedType_GetsNsec()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered();
        await using SimulatedLan scope = lan;

        peer.Multicast(RawPeer.Query(new DnsQuestion(s_host, DnsRecordType.Aaaa)));
        lan.Advance(TimeSpan.FromMilliseconds(200));

        HeardPacket answer = Assert.Single(peer.Heard, p => p.Message.IsResponse);
        DnsRecord nsec = Assert.Single(answer.Message.Answers);
        Assert.Equal(DnsRecordType.Nsec, nsec.Type);
        Assert.Equal(new ushort[] { (ushort)DnsRecordType.A }, ((NsecRecordData)nsec.Data).Types);
    }

    [Fact]
    public async Task C25_AddressAnswer_CarriesNsecForTheMissingFamily()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered();
        await using SimulatedLan scope = lan;

        peer.Multicast(RawPeer.Query(new DnsQuestion(s_host, DnsRecordType.A)));
        lan.Advance(TimeSpan.FromMilliseconds(200));

        HeardPacket answer = Assert.Single(peer.Heard, p => p.Message.IsResponse);
        Assert.Contains(answer.Message.Answers, r => r.Type == DnsRecordType.A);
        Assert.Contains(answer.Message.Additionals, r => r.Type == DnsRecordType.Nsec && r.Name == s_host);
    }

    [Fact]
    public async Task C26_AddressRecords_AreThoseOfTheLink()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered();
        await using SimulatedLan scope = lan;

        peer.Multicast(RawPeer.Query(new DnsQuestion(s_host, DnsRecordType.A)));
        lan.Advance(TimeSpan.FromMilliseconds(200));

        DnsRecord a = peer.Heard.Single(p => p.Message.IsResponse).Message.Answers.Single(r => r.Type == DnsRecordType.A);
        Assert.Equal(IPAddress.Parse("192.168.7.11"), ((AddressRecordData)a.Data).Address);
    }

    [Fact]
    public async Task C26_C27_ReverseAddressPtr_NamesTheHost_With120sTtl_AndSaysGoodbye()
    {
        (SimulatedLan lan, RawPeer peer, EmbeddedBackend inkwell, _) = await Registered();
        await using SimulatedLan scope = lan;
        DnsName reverse = DnsName.Parse("11.7.168.192.in-addr.arpa");

        peer.Multicast(RawPeer.Query(new DnsQuestion(reverse, DnsRecordType.Ptr), new DnsQuestion(DnsName.Parse("12.7.168.192.in-addr.arpa"), DnsRecordType.Ptr)));
        lan.Advance(TimeSpan.FromMilliseconds(200));

        DnsRecord ptr = Assert.Single(peer.Heard.Single(p => p.Message.IsResponse).Message.Answers);
        Assert.Equal(reverse, ptr.Name); // the other address is not ours: no answer for it
        Assert.Equal(s_host, ((PtrRecordData)ptr.Data).Target);
        Assert.Equal(120u, ptr.Ttl);
        Assert.True(ptr.CacheFlush);
        peer.Clear();

        await inkwell.DisposeAsync();
        lan.Advance(TimeSpan.FromMilliseconds(10));

        Assert.Contains(peer.Heard, p => p.Message.Answers.Any(r => r.Name == reverse && r.Type == DnsRecordType.Ptr && r.Ttl == 0));
    }

    [Theory]
    [InlineData("192.168.7.11", "11.7.168.192.in-addr.arpa")]
    [InlineData("4321:0:1:2:3:4:567:89ab", "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.ip6.arpa")] // RFC 3596 §2.5
    [InlineData("fe80::1%3", "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.e.f.ip6.arpa")]
    public void C27_ReverseName_OfAnAddress(string address, string expected) =>
        Assert.Equal(expected, Zeroconf.Responder.HostRecordSet.ReverseName(IPAddress.Parse(address)).ToString());

    [Fact]
    public async Task C27_Ttls_120ForHostRecords_4500Otherwise_AndGoodbyeOnDispose()
    {
        (SimulatedLan lan, RawPeer peer, _, ServiceRegistration registration) = await Registered();
        await using SimulatedLan scope = lan;
        peer.Multicast(RawPeer.Query(new DnsQuestion(s_daapType, DnsRecordType.Ptr)));
        lan.Advance(TimeSpan.FromMilliseconds(300));
        DnsMessage response = peer.Heard.Single(p => p.Message.IsResponse).Message;
        foreach (DnsRecord record in response.AllRecords)
        {
            uint expected = record.Type is DnsRecordType.A or DnsRecordType.Aaaa or DnsRecordType.Srv or DnsRecordType.Nsec ? 120u : 4500u;
            Assert.True(record.Ttl == expected, record.ToString());
        }
        peer.Clear();

        await registration.DisposeAsync();
        await registration.DisposeAsync(); // twice is fine
        lan.Advance(TimeSpan.FromMilliseconds(10));

        DnsMessage goodbye = Assert.Single(peer.Heard).Message;
        Assert.Contains(goodbye.Answers, r => r.Type == DnsRecordType.Ptr && r.Name == s_daapType && r.Ttl == 0);
        Assert.Contains(goodbye.Answers, r => r.Type == DnsRecordType.Srv && r.Ttl == 0);
    }

    [Fact]
    public async Task C31_ServiceTypeEnumeration_IsAnswered()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered();
        await using SimulatedLan scope = lan;

        peer.Multicast(RawPeer.Query(new DnsQuestion(ServiceRecordSetNames.Services, DnsRecordType.Ptr)));
        lan.Advance(TimeSpan.FromMilliseconds(300));

        DnsRecord ptr = Assert.Single(peer.Heard.Single(p => p.Message.IsResponse).Message.Answers);
        Assert.Equal(s_daapType, ((PtrRecordData)ptr.Data).Target);
    }

    [Fact]
    public async Task C32_PtrAnswer_CarriesSrvTxtAndAddresses_SrvAnswerCarriesAddresses()
    {
        (SimulatedLan lan, RawPeer peer, _, _) = await Registered();
        await using SimulatedLan scope = lan;

        peer.Multicast(RawPeer.Query(new DnsQuestion(s_daapType, DnsRecordType.Ptr)));
        lan.Advance(TimeSpan.FromMilliseconds(300));
        DnsMessage ptrResponse = peer.Heard.Single(p => p.Message.IsResponse).Message;
        Assert.Contains(ptrResponse.Additionals, r => r.Type == DnsRecordType.Srv);
        Assert.Contains(ptrResponse.Additionals, r => r.Type == DnsRecordType.Txt);
        Assert.Contains(ptrResponse.Additionals, r => r.Type == DnsRecordType.A);
        peer.Clear();
        lan.Advance(TimeSpan.FromSeconds(1)); // the SRV just went out as an additional record (§21)

        peer.Multicast(RawPeer.Query(new DnsQuestion(s_instance, DnsRecordType.Srv)));
        lan.Advance(TimeSpan.FromMilliseconds(300));
        DnsMessage srvResponse = peer.Heard.Single(p => p.Message.IsResponse).Message;
        Assert.Contains(srvResponse.Additionals, r => r.Type == DnsRecordType.A && r.Name == s_host);
    }
}
