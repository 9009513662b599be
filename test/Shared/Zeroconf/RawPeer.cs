using System.Net;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Inkwell.Testing.Zeroconf;

/// <summary>A scripted host on the simulated LAN: records what it hears and sends what a test tells it to.</summary>
internal sealed class RawPeer
{
    private readonly List<HeardPacket> _heard = [];
    private readonly FakeTimeProvider _time;

    public RawPeer(InMemoryTransport transport, FakeTimeProvider time)
    {
        Transport = transport;
        _time = time;
        transport.Start(packet =>
        {
            if (!packet.Source.Address.Equals(transport.Address) &&
                DnsMessage.TryParse(packet.Data.Span, out DnsMessage message, out _, out _))
            {
                var heard = new HeardPacket(_time.GetUtcNow(), packet.Source, message);
                lock (_heard)
                {
                    _heard.Add(heard);
                }
                OnHeard?.Invoke(heard);
            }
        });
    }

    public InMemoryTransport Transport { get; }

    /// <summary>Called for every packet heard, on the clock's thread: a scripted reaction goes here.</summary>
    public Action<HeardPacket>? OnHeard { get; set; }

    public IReadOnlyList<HeardPacket> Heard
    {
        get
        {
            lock (_heard)
            {
                return [.. _heard];
            }
        }
    }

    public void Clear()
    {
        lock (_heard)
        {
            _heard.Clear();
        }
    }

    public void Multicast(DnsMessage message) => Transport.Send(message.ToArray(), Transport.Link, System.Net.Sockets.AddressFamily.InterNetwork, null);

    public void Unicast(DnsMessage message, IPAddress to, int port = MulticastDnsEndpoints.Port) =>
        Transport.Send(message.ToArray(), Transport.Link, System.Net.Sockets.AddressFamily.InterNetwork, new IPEndPoint(to, port));

    public void SendRaw(byte[] data) => Transport.Send(data, Transport.Link, System.Net.Sockets.AddressFamily.InterNetwork, null);

    public static DnsMessage Query(params DnsQuestion[] questions) => new() { Questions = [.. questions] };

    public static DnsMessage Response(params DnsRecord[] answers) => new() { Flags = DnsMessage.ResponseFlag | DnsMessage.AuthoritativeFlag, Answers = [.. answers] };
}
