using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Inkwell.Zeroconf;
using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Inkwell.Benchmarks.Zeroconf;

/// <summary>
/// Responder throughput through the whole engine (parse, match, build, send) with a transport that
/// drops what it is given. No sockets. Cases: a QU SRV query answered by unicast (SRV + A + NSEC);
/// a QM PTR query, whose shared answer waits 20–120 ms and then goes out by multicast with SRV, TXT
/// and addresses (the virtual clock is moved 1.1 s per query so every query is answered, as the
/// once-a-second multicast rule allows); the same QM PTR query listing our PTR as a known answer
/// (suppressed: nothing is sent); and moving the clock alone, the baseline of the QM case.
/// </summary>
[MemoryDiagnoser]
public class ZeroconfResponderBenchmarks
{
    private EmbeddedBackend? _backend;
    private byte[] _query = [];
    private byte[] _ptrQuery = [];
    private byte[] _knownAnswerQuery = [];
    private FakeTimeProvider? _time;
    private DiscardTransport? _transport;
    private NetworkLink? _link;
    private readonly IPEndPoint _asker = new(IPAddress.Parse("192.168.7.99"), 5353);

    [GlobalSetup]
    public void Setup()
    {
        var time = _time = new FakeTimeProvider();
        var transport = _transport = new DiscardTransport();
        _link = transport.Links[0];
        _backend = EmbeddedBackend.Open(new DnsServiceDiscoveryOptions { Transport = transport, TimeProvider = time, HostName = "bench", Random = new Random(1) });
        Task<ServiceRegistration> registering = _backend.RegisterAsync(new ServiceProfile("DAAP Server", "_daap._tcp", 3689), CancellationToken.None);
        for (int i = 0; i < 5000 && !registering.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }
        time.Advance(TimeSpan.FromSeconds(5));
        DnsName instance = DnsName.FromLabels("DAAP Server", "_daap", "_tcp", "local");
        DnsName type = DnsName.FromLabels("_daap", "_tcp", "local");
        _query = new DnsMessage { Questions = [new DnsQuestion(instance, DnsRecordType.Srv, UnicastResponse: true)] }.ToArray();
        _ptrQuery = new DnsMessage { Questions = [new DnsQuestion(type, DnsRecordType.Ptr)] }.ToArray();
        _knownAnswerQuery = new DnsMessage
        {
            Questions = [new DnsQuestion(type, DnsRecordType.Ptr)],
            Answers = [new DnsRecord(type, DnsRecordType.Ptr, 4000, new PtrRecordData(instance))],
        }.ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _backend?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public void AnswerQuery() => _backend!.Engine.OnPacket(new ReceivedPacket(_query, _asker, _link!));

    [Benchmark]
    public void AnswerSharedQuery()
    {
        _backend!.Engine.OnPacket(new ReceivedPacket(_ptrQuery, _asker, _link!));
        _time!.Advance(TimeSpan.FromMilliseconds(1100));
    }

    [Benchmark]
    public void SuppressKnownAnswer() => _backend!.Engine.OnPacket(new ReceivedPacket(_knownAnswerQuery, _asker, _link!));

    [Benchmark]
    public void AdvanceClockOnly() => _time!.Advance(TimeSpan.FromMilliseconds(1100));

    /// <summary>Packets handed to the transport, to check after a run that the answers were sent.</summary>
    public long Sent => _transport?.Sent ?? 0;

    private sealed class DiscardTransport : IMulticastTransport
    {
        public IReadOnlyList<NetworkLink> Links { get; } = [new NetworkLink(1, "bench0", [new LinkAddress(IPAddress.Parse("192.168.7.2"), 24)])];

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

        public void Send(ReadOnlySpan<byte> data, NetworkLink link, AddressFamily family, IPEndPoint? destination) => Sent++;

        public void Dispose()
        {
        }
    }
}
