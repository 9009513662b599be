using System.Net;
using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Tests.Api;

/// <summary>Checklist 1–5 at the engine: what is sent where, and what is ignored.</summary>
public sealed class WireRulesTests
{
    private static readonly DnsName s_instance = DnsName.FromLabels("DAAP Server", "_daap", "_tcp", "local");

    [Fact]
    public async Task C1_C4_MulticastResponses_UseId0_AA_NoQuestions_GoToTheGroup()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("observer");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        await lan.RunUntil(inkwell.RegisterAsync(new ServiceProfile("DAAP Server", "_daap._tcp", 3689), TestContext.Current.CancellationToken), TimeSpan.FromSeconds(5));
        lan.Advance(TimeSpan.FromSeconds(2));

        List<HeardPacket> responses = [.. peer.Heard.Where(p => p.Message.IsResponse)];
        Assert.NotEmpty(responses);
        Assert.All(responses, r =>
        {
            Assert.Equal(0, r.Message.Id);
            Assert.True((r.Message.Flags & DnsMessage.AuthoritativeFlag) != 0);
            Assert.Empty(r.Message.Questions);
        });
        Assert.All(lan.Network.Log.Where(p => p.From == "alpha"), p => Assert.Null(p.Destination)); // all multicast
    }

    [Fact]
    public async Task C2_ResponseFromPortOtherThan5353_IsIgnored()
    {
        await using var lan = new SimulatedLan();
        RawPeer liar = lan.AddPeer("liar", sourcePort: 12345);
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        lan.Advance(TimeSpan.FromSeconds(1));

        liar.Multicast(RawPeer.Response(new DnsRecord(DnsName.Parse("x.local"), DnsRecordType.A, 120, new AddressRecordData(IPAddress.Parse("192.168.7.5")))));
        lan.Advance(TimeSpan.FromMilliseconds(10));

        lock (inkwell.Engine.Gate)
        {
            Assert.Empty(inkwell.Engine.Querier.Lookup(DnsName.Parse("x.local"), DnsRecordType.A));
        }
    }

    [Fact]
    public async Task C3_UnicastResponse_IsAcceptedOnlyWithinTwoSecondsOfAQuQuestion()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("peer");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        DnsRecord unsolicited = new(DnsName.Parse("x.local"), DnsRecordType.A, 120, new AddressRecordData(IPAddress.Parse("192.168.7.5")));
        IPAddress inkwellAddress = inkwell.Engine.Links[0].Addresses[0].Address;

        peer.Unicast(RawPeer.Response(unsolicited), inkwellAddress);
        lan.Advance(TimeSpan.FromMilliseconds(10));
        lock (inkwell.Engine.Gate)
        {
            Assert.Empty(inkwell.Engine.Querier.Lookup(unsolicited.Name, DnsRecordType.A)); // nobody asked
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        _ = Task.Run(async () =>
        {
            await foreach (DnsRecordEvent _ in inkwell.QueryRecordsAsync("x.local", DnsRecordType.A, stop.Token))
            {
            }
        }, CancellationToken.None);
        await SimulatedLan.WaitForQueries(inkwell);
        lan.Advance(TimeSpan.FromMilliseconds(150)); // the first query, with QU, has gone out
        peer.Unicast(RawPeer.Response(unsolicited), inkwellAddress);
        lan.Advance(TimeSpan.FromMilliseconds(10));
        lock (inkwell.Engine.Gate)
        {
            Assert.Single(inkwell.Engine.Querier.Lookup(unsolicited.Name, DnsRecordType.A));
        }
        stop.Cancel();
    }

    [Fact]
    public async Task C2_QueryFromOffLinkSource_IsNotAnswered()
    {
        await using var lan = new SimulatedLan();
        RawPeer stranger = lan.AddPeer("stranger", address: "203.0.113.9");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        await lan.RunUntil(inkwell.RegisterAsync(new ServiceProfile("DAAP Server", "_daap._tcp", 3689), TestContext.Current.CancellationToken), TimeSpan.FromSeconds(5));
        lan.Advance(TimeSpan.FromSeconds(3));
        stranger.Clear();

        stranger.Unicast(RawPeer.Query(new DnsQuestion(s_instance, DnsRecordType.Srv)), IPAddress.Parse("192.168.7.10"), 5353);
        lan.Advance(TimeSpan.FromMilliseconds(300));

        Assert.DoesNotContain(stranger.Heard, p => p.Message.IsResponse);
    }

    [Fact]
    public async Task C4_NonZeroOpcodeOrRcode_IsDropped_QuestionsInResponsesIgnored()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("peer");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        await lan.RunUntil(inkwell.RegisterAsync(new ServiceProfile("DAAP Server", "_daap._tcp", 3689), TestContext.Current.CancellationToken), TimeSpan.FromSeconds(5));
        lan.Advance(TimeSpan.FromSeconds(3));
        peer.Clear();

        peer.Multicast(new DnsMessage { Flags = 0x2000, Questions = [new DnsQuestion(s_instance, DnsRecordType.Srv)] }); // OPCODE 4
        peer.Multicast(new DnsMessage { Flags = 0x0003, Questions = [new DnsQuestion(s_instance, DnsRecordType.Srv)] }); // RCODE 3
        peer.Multicast(new DnsMessage { Flags = DnsMessage.ResponseFlag, Questions = [new DnsQuestion(s_instance, DnsRecordType.Srv)] });
        lan.Advance(TimeSpan.FromMilliseconds(300));

        Assert.DoesNotContain(peer.Heard, p => p.Message.IsResponse);
    }

    [Fact]
    public async Task C1_HostilePacketFlood_NothingEscapes_AndTheResponderStillAnswers()
    {
        await using var lan = new SimulatedLan();
        RawPeer attacker = lan.AddPeer("attacker");
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        await lan.RunUntil(inkwell.RegisterAsync(new ServiceProfile("DAAP Server", "_daap._tcp", 3689), TestContext.Current.CancellationToken), TimeSpan.FromSeconds(5));
        lan.Advance(TimeSpan.FromSeconds(3));
        var random = new Random(5);
        byte[] valid = RawPeer.Query(new DnsQuestion(s_instance, DnsRecordType.Srv)).ToArray();
        for (int i = 0; i < 2000; i++)
        {
            byte[] junk = (byte[])valid.Clone();
            junk[random.Next(junk.Length)] = (byte)random.Next(256);
            attacker.SendRaw(i % 3 == 0 ? [.. Enumerable.Range(0, random.Next(40)).Select(_ => (byte)random.Next(256))] : junk);
        }
        attacker.SendRaw([0, 0, 0x84, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1]); // self-pointer
        lan.Advance(TimeSpan.FromSeconds(2));
        attacker.Clear();

        attacker.Multicast(RawPeer.Query(new DnsQuestion(s_instance, DnsRecordType.Srv)));
        lan.Advance(TimeSpan.FromMilliseconds(10));

        Assert.Contains(attacker.Heard, p => p.Answers(s_instance, DnsRecordType.Srv));
    }

    [Fact]
    public void C5_PacketsFitIn9000BytesIncludingHeaders()
    {
        // A response with far more than 9000 bytes of answers is split, each packet within the limit.
        var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("observer");
        var network = lan.Network;
        EmbeddedBackend inkwell = lan.AddInkwell("alpha");
        List<DnsRecord> answers = [.. Enumerable.Range(0, 300).Select(i => new DnsRecord(DnsName.FromLabels($"instance {i} padded out to be long", "_x", "_tcp", "local"), DnsRecordType.Txt, 4500, new TxtRecordData([new byte[100]])))];
        lock (inkwell.Engine.Gate)
        {
            inkwell.Engine.Send(inkwell.Engine.Links[0], null, 0, DnsMessage.ResponseFlag, [], answers);
        }
        lan.Advance(TimeSpan.FromMilliseconds(5));

        List<InMemoryPacket> sent = [.. network.Log.Where(p => p.From == "alpha" && p.Data.Length > 1000)];
        Assert.True(sent.Count >= 4);
        Assert.All(sent, p => Assert.True(p.Data.Length + 48 <= 9000, p.Data.Length.ToString()));
        Assert.Equal(300, peer.Heard.Where(p => p.Message.IsResponse).Sum(p => p.Message.Answers.Count(a => a.Type == DnsRecordType.Txt)));
    }
}
