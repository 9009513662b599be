using System.Net;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Testing.Zeroconf;

/// <summary>
/// One simulated link for tests: every multicast reaches every host on it (the sender too, as
/// multicast loopback does), unicast reaches the host owning the address. Delivery goes through
/// <see cref="TimeProvider"/> timers, so with a fake clock the whole network runs in virtual time,
/// deterministically, on the thread that advances the clock.
/// </summary>
internal sealed class InMemoryNetwork(TimeProvider timeProvider, TimeSpan? latency = null)
{
    private readonly Lock _gate = new();
    private readonly List<InMemoryTransport> _hosts = [];
    private readonly List<InMemoryPacket> _log = [];
    private int _nextIndex = 1;

    /// <summary>The clock the network runs on.</summary>
    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>How long a datagram takes to arrive; at least a tick, so a send never re-enters its sender.</summary>
    public TimeSpan Latency { get; } = latency is { } l && l > TimeSpan.Zero ? l : TimeSpan.FromMilliseconds(1);

    /// <summary>When set, packets for which it returns true are lost.</summary>
    public Func<InMemoryPacket, bool>? Drop { get; set; }

    /// <summary>Every packet sent so far, in order.</summary>
    public IReadOnlyList<InMemoryPacket> Log
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Adds a host with one IPv4 address in a /24, sending from <paramref name="sourcePort"/>.</summary>
    public InMemoryTransport AddHost(string name, string address, int sourcePort = MulticastDnsEndpoints.Port)
    {
        lock (_gate)
        {
            var link = new NetworkLink(_nextIndex++, "sim0", [new LinkAddress(IPAddress.Parse(address), 24)]);
            var host = new InMemoryTransport(this, name, link, sourcePort);
            _hosts.Add(host);
            return host;
        }
    }

    internal void Remove(InMemoryTransport host)
    {
        lock (_gate)
        {
            _hosts.Remove(host);
        }
    }

    internal void Send(InMemoryTransport from, byte[] data, IPEndPoint? destination)
    {
        var packet = new InMemoryPacket(TimeProvider.GetUtcNow(), from.Name, new IPEndPoint(from.Address, from.SourcePort), destination, data);
        List<InMemoryTransport> targets;
        lock (_gate)
        {
            _log.Add(packet);
            if (Drop?.Invoke(packet) == true)
            {
                return;
            }
            targets = destination is null
                ? [.. _hosts]
                : [.. _hosts.Where(h => h.Address.Equals(destination.Address) && (destination.Port == h.SourcePort || destination.Port == MulticastDnsEndpoints.Port))];
        }
        // Deliveries queue in send order and every timer drains what is due, so packets sent in the
        // same instant arrive in the order they were sent (timers due together fire in any order).
        DateTimeOffset due = packet.Time + Latency;
        lock (_gate)
        {
            foreach (InMemoryTransport target in targets)
            {
                _queue.Enqueue((due, target, new ReceivedPacket(data, packet.Source, target.Link, destination is not null)));
            }
        }
        var holder = new TimerHolder(this);
        holder.Timer = TimeProvider.CreateTimer(static state => ((TimerHolder)state!).Network.DeliverDue((TimerHolder)state!), holder, Latency, Timeout.InfiniteTimeSpan);
    }

    private readonly Queue<(DateTimeOffset Due, InMemoryTransport Target, ReceivedPacket Packet)> _queue = new();

    private void DeliverDue(TimerHolder holder)
    {
        holder.Timer?.Dispose();
        while (true)
        {
            (DateTimeOffset Due, InMemoryTransport Target, ReceivedPacket Packet) next;
            lock (_gate)
            {
                if (_queue.Count == 0 || _queue.Peek().Due > TimeProvider.GetUtcNow())
                {
                    return;
                }
                next = _queue.Dequeue();
            }
            next.Target.Deliver(next.Packet);
        }
    }

    private sealed class TimerHolder(InMemoryNetwork network)
    {
        public ITimer? Timer { get; set; }

        public InMemoryNetwork Network { get; } = network;
    }
}
