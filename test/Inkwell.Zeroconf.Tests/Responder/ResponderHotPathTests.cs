using System.Net;
using System.Net.Sockets;
using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Inkwell.Zeroconf.Tests.Responder;

/// <summary>
/// The responder's hot path (a plain query answered where it lies, <see cref="WireQuery"/>): it
/// answers as the full path does and allocates nothing in the steady state. Allocation is counted
/// exactly (bytes allocated on this thread), not timed.
/// </summary>
public sealed class ResponderHotPathTests
{
    private static readonly DnsName s_instance = DnsName.FromLabels("DAAP Server", "_daap", "_tcp", "local");
    private static readonly DnsName s_daapType = DnsName.FromLabels("_daap", "_tcp", "local");
    private static readonly IPEndPoint s_asker = new(IPAddress.Parse("192.168.7.99"), MulticastDnsEndpoints.Port);

    [Fact]
    public async Task PlainQuery_IsAnsweredWithoutAllocating_UnicastMulticastAndSuppressed()
    {
        await using Responding responding = await Responding.Start();
        byte[] quSrv = new DnsMessage { Questions = [new DnsQuestion(s_instance, DnsRecordType.Srv, UnicastResponse: true)] }.ToArray();
        byte[] qmPtr = new DnsMessage { Questions = [new DnsQuestion(s_daapType, DnsRecordType.Ptr)] }.ToArray();
        byte[] qmPtrKnown = new DnsMessage
        {
            Questions = [new DnsQuestion(s_daapType, DnsRecordType.Ptr)],
            Answers = [new DnsRecord(s_daapType, DnsRecordType.Ptr, 4000, new PtrRecordData(s_instance))],
        }.ToArray();

        // Warm up (JIT, dictionary growth, the link's pending-response timer), then count.
        for (int i = 0; i < 200; i++)
        {
            responding.Receive(quSrv);
            responding.Receive(qmPtr);
            responding.Time.Advance(TimeSpan.FromMilliseconds(1100));
            responding.Receive(qmPtrKnown);
        }

        long sentBefore = responding.Transport.Sent;
        long quBytes = AllocatedBy(() => responding.Receive(quSrv), 500);
        Assert.Equal(500, responding.Transport.Sent - sentBefore); // every QU query got its unicast answer
        Assert.Equal(0, quBytes / 500); // steady state: under one byte per query (a one-off timer or tier-up aside)

        sentBefore = responding.Transport.Sent;
        long knownBytes = AllocatedBy(() => responding.Receive(qmPtrKnown), 500);
        Assert.Equal(0, responding.Transport.Sent - sentBefore); // §7.1: the known answer suppressed ours
        Assert.Equal(0, knownBytes / 500);

        // QM SRV: a unique record, multicast at once; the clock moves 1.1 s each time (§6: once a
        // second per record), with no timer due, so moving it allocates nothing itself.
        byte[] qmSrv = new DnsMessage { Questions = [new DnsQuestion(s_instance, DnsRecordType.Srv)] }.ToArray();
        responding.Time.Advance(TimeSpan.FromSeconds(2)); // past the warm-up's multicasts
        sentBefore = responding.Transport.Sent;
        long uniqueBytes = AllocatedBy(() =>
        {
            responding.Receive(qmSrv);
            responding.Time.Advance(TimeSpan.FromMilliseconds(1100));
        }, 500);
        Assert.Equal(500, responding.Transport.Sent - sentBefore);
        Assert.Equal(0, uniqueBytes / 500);

        // QM PTR: a shared record, queued 20–120 ms and then multicast. Arming the delay timer is the
        // one allocation left, and most of it is FakeTimeProvider's own: its ITimer.Change allocates
        // 56 B (the system clock's allocates nothing). Bounded here so a regression shows.
        responding.Time.Advance(TimeSpan.FromSeconds(2));
        sentBefore = responding.Transport.Sent;
        long sharedBytes = AllocatedBy(() =>
        {
            responding.Receive(qmPtr);
            responding.Time.Advance(TimeSpan.FromMilliseconds(1100));
        }, 500);
        Assert.Equal(500, responding.Transport.Sent - sentBefore);
        Assert.InRange(sharedBytes / 500, 0, 96);
    }

    [Fact]
    public async Task HotPath_AnswersLikeTheFullPath_CompressedKnownAnswerAndCaseInsensitiveNames()
    {
        await using Responding responding = await Responding.Start();
        responding.Time.Advance(TimeSpan.FromSeconds(2));

        // Upper-case question name (RFC 6762 §16) is still ours.
        responding.Receive(new DnsMessage { Questions = [new DnsQuestion(DnsName.Parse("daap server._DAAP._TCP.LOCAL"), DnsRecordType.Srv, UnicastResponse: true)] }.ToArray());
        DnsMessage answer = responding.Transport.LastMessage();
        Assert.Equal(DnsRecordType.Srv, Assert.Single(answer.Answers).Type);

        // A known answer whose PTR target is compressed against the question name suppresses it; one
        // with under half our TTL left does not (§7.1).
        long sent = responding.Transport.Sent;
        responding.Receive(new DnsMessage { Questions = [new DnsQuestion(s_daapType, DnsRecordType.Ptr)], Answers = [new DnsRecord(s_daapType, DnsRecordType.Ptr, 2250, new PtrRecordData(s_instance))] }.ToArray());
        responding.Time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(sent, responding.Transport.Sent);
        responding.Receive(new DnsMessage { Questions = [new DnsQuestion(s_daapType, DnsRecordType.Ptr)], Answers = [new DnsRecord(s_daapType, DnsRecordType.Ptr, 2249, new PtrRecordData(s_instance))] }.ToArray());
        responding.Time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(sent + 1, responding.Transport.Sent);
        Assert.Contains(responding.Transport.LastMessage().Answers, r => r.Type == DnsRecordType.Ptr && ((PtrRecordData)r.Data).Target == s_instance);

        // Another instance's PTR as a known answer suppresses nothing of ours.
        responding.Time.Advance(TimeSpan.FromSeconds(2));
        responding.Receive(new DnsMessage { Questions = [new DnsQuestion(s_daapType, DnsRecordType.Ptr)], Answers = [new DnsRecord(s_daapType, DnsRecordType.Ptr, 4500, new PtrRecordData(s_daapType.Prepend("Other")))] }.ToArray());
        responding.Time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(sent + 2, responding.Transport.Sent);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 12, 0, 1 })] // self pointer in the question name
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 12, 0, 1, 0, 0, 0, 12, 0, 1, 0, 0, 0, 1, 0, 9, 1 })] // rdata past the end
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x40, 1, 0, 0, 12, 0, 1 })] // label type 0x40
    public async Task HotPath_MalformedQuery_IsLeftToTheFullParser_AndNotAnswered(byte[] packet)
    {
        await using Responding responding = await Responding.Start();
        Span<WireQuestion> questions = stackalloc WireQuestion[WireQuery.MaxQuestions];
        Assert.False(WireQuery.TryScan(packet, questions, out _));
        Assert.False(DnsMessage.TryParse(packet, out _, out _, out _));
        long sent = responding.Transport.Sent;
        responding.Receive(packet);
        responding.Time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(sent, responding.Transport.Sent);
    }

    private static long AllocatedBy(Action action, int times)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < times; i++)
        {
            action();
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>An embedded backend with "DAAP Server" registered, on a transport that counts and keeps the last packet.</summary>
    private sealed class Responding : IAsyncDisposable
    {
        private Responding(EmbeddedBackend backend, FakeTimeProvider time, CountingTransport transport)
        {
            Backend = backend;
            Time = time;
            Transport = transport;
        }

        public EmbeddedBackend Backend { get; }

        public FakeTimeProvider Time { get; }

        public CountingTransport Transport { get; }

        public static async Task<Responding> Start()
        {
            var time = new FakeTimeProvider();
            var transport = new CountingTransport();
            EmbeddedBackend backend = await EmbeddedBackend.CreateAsync(new DnsServiceDiscoveryOptions { Transport = transport, TimeProvider = time, HostName = "bench", Random = new Random(1) }, TestContext.Current.CancellationToken);
            Task<ServiceRegistration> registering = backend.RegisterAsync(new ServiceProfile("DAAP Server", "_daap._tcp", 3689), TestContext.Current.CancellationToken);
            for (int i = 0; i < 5000 && !registering.IsCompleted; i++)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
            }
            await registering.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromSeconds(5));
            return new Responding(backend, time, transport);
        }

        public void Receive(byte[] packet) => Backend.Engine.OnPacket(new ReceivedPacket(packet, s_asker, Transport.Links[0]));

        public ValueTask DisposeAsync() => Backend.DisposeAsync();
    }

    private sealed class CountingTransport : IMulticastTransport
    {
        private readonly byte[] _last = new byte[DnsMessage.MaxLength];
        private int _lastLength;

        public IReadOnlyList<NetworkLink> Links { get; } = [new NetworkLink(1, "test0", [new LinkAddress(IPAddress.Parse("192.168.7.2"), 24)])];

        public IReadOnlyList<AddressFamily> Families { get; } = [AddressFamily.InterNetwork];

        public long Sent { get; private set; }

        public event Action? LinksChanged
        {
            add { }
            remove { }
        }

        public void Start(Action<ReceivedPacket> receive)
        {
        }

        public void Send(ReadOnlySpan<byte> data, NetworkLink link, AddressFamily family, IPEndPoint? destination)
        {
            Sent++;
            data.CopyTo(_last);
            _lastLength = data.Length;
        }

        public DnsMessage LastMessage()
        {
            Assert.True(DnsMessage.TryParse(_last.AsSpan(0, _lastLength), out DnsMessage message, out _, out string? error), error);
            return message;
        }

        public void Dispose()
        {
        }
    }
}
