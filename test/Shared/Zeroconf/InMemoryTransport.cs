using System.Net;
using System.Net.Sockets;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Testing.Zeroconf;

/// <summary>One host's attachment to an <see cref="InMemoryNetwork"/>.</summary>
internal sealed class InMemoryTransport : IMulticastTransport
{
    private readonly InMemoryNetwork _network;
    private Action<ReceivedPacket>? _receive;

    internal InMemoryTransport(InMemoryNetwork network, string name, NetworkLink link, int sourcePort)
    {
        _network = network;
        Name = name;
        Link = link;
        SourcePort = sourcePort;
    }

    /// <summary>The host's name in the network log.</summary>
    public string Name { get; }

    /// <summary>The host's one link.</summary>
    public NetworkLink Link { get; private set; }

    /// <inheritdoc/>
    public event Action? LinksChanged;

    /// <summary>Simulates the interface going down and up again with another address (hot-plugging).</summary>
    public void Replug(string address)
    {
        Link = Link with { Addresses = [new LinkAddress(System.Net.IPAddress.Parse(address), 24)] };
        IsPlugged = true;
        LinksChanged?.Invoke();
    }

    /// <summary>Simulates the interface going away: the host has no link until <see cref="Replug"/>.</summary>
    public void Unplug()
    {
        IsPlugged = false;
        LinksChanged?.Invoke();
    }

    /// <summary>Whether the host's one interface is up; an unplugged host lists no links and hears nothing.</summary>
    public bool IsPlugged { get; private set; } = true;

    /// <summary>The host's address.</summary>
    public IPAddress Address => Link.Addresses[0].Address;

    /// <summary>The port it sends from (5353, or another to act as a legacy unicast resolver).</summary>
    public int SourcePort { get; }

    /// <inheritdoc/>
    public IReadOnlyList<NetworkLink> Links => IsPlugged ? [Link] : [];

    /// <inheritdoc/>
    public IReadOnlyList<AddressFamily> Families { get; } = [AddressFamily.InterNetwork];

    /// <inheritdoc/>
    public void Start(Action<ReceivedPacket> receive) => _receive = receive;

    /// <inheritdoc/>
    public void Send(ReadOnlySpan<byte> data, NetworkLink link, AddressFamily family, IPEndPoint? destination) =>
        _network.Send(this, data.ToArray(), destination);

    internal void Deliver(ReceivedPacket packet)
    {
        if (IsPlugged)
        {
            _receive?.Invoke(packet);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _receive = null;
        _network.Remove(this);
    }
}
