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
/// Responder throughput: one QU SRV query in, one unicast answer (SRV + A) out, through the whole
/// engine (parse, match, build, send) with a transport that drops what it is given. No sockets.
/// </summary>
[MemoryDiagnoser]
public class ZeroconfResponderBenchmarks
{
    private EmbeddedBackend? _backend;
    private byte[] _query = [];
    private NetworkLink? _link;
    private readonly IPEndPoint _asker = new(IPAddress.Parse("192.168.7.99"), 5353);

    [GlobalSetup]
    public void Setup()
    {
        var time = new FakeTimeProvider();
        var transport = new DiscardTransport();
        _link = transport.Links[0];
        _backend = new EmbeddedBackend(new ServiceDiscoveryOptions { Transport = transport, TimeProvider = time, HostName = "bench", Random = new Random(1) });
        ValueTask<ServiceRegistration> registering = _backend.RegisterAsync(new ServiceProfile("DAAP Server", "_daap._tcp", 3689), CancellationToken.None);
        for (int i = 0; i < 5000 && !registering.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }
        time.Advance(TimeSpan.FromSeconds(5));
        _query = new DnsMessage { Questions = [new DnsQuestion(DnsName.FromLabels("DAAP Server", "_daap", "_tcp", "local"), DnsRecordType.Srv, UnicastResponse: true)] }.ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _backend?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public void AnswerQuery() => _backend!.Engine.OnPacket(new ReceivedPacket(_query, _asker, _link!));

    private sealed class DiscardTransport : IMulticastTransport
    {
        public IReadOnlyList<NetworkLink> Links { get; } = [new NetworkLink(1, "bench0", [new LinkAddress(IPAddress.Parse("192.168.7.2"), 24)])];

        public IReadOnlyList<AddressFamily> Families { get; } = [AddressFamily.InterNetwork];

        public long Sent { get; private set; }

        public void Start(Action<ReceivedPacket> receive)
        {
        }

        public void Send(ReadOnlySpan<byte> data, NetworkLink link, AddressFamily family, IPEndPoint? destination) => Sent++;

        public void Dispose()
        {
        }
    }
}
