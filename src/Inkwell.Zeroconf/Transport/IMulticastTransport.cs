using System.Net;
using System.Net.Sockets;

namespace Inkwell.Zeroconf.Transport;

/// <summary>
/// The seam between the mDNS engine and the network: real UDP sockets per interface and family
/// (UdpMulticastTransport) or an in-memory network in virtual time for tests.
/// </summary>
internal interface IMulticastTransport : IDisposable
{
    /// <summary>The links the transport listens on.</summary>
    IReadOnlyList<NetworkLink> Links { get; }

    /// <summary>The address families the transport listens on.</summary>
    IReadOnlyList<AddressFamily> Families { get; }

    /// <summary>Starts delivering packets to <paramref name="receive"/>; it may be called on any thread.</summary>
    void Start(Action<ReceivedPacket> receive);

    /// <summary>
    /// Sends a datagram on a link: to the mDNS group of <paramref name="family"/> when
    /// <paramref name="destination"/> is null, else unicast.
    /// </summary>
    void Send(ReadOnlySpan<byte> data, NetworkLink link, AddressFamily family, IPEndPoint? destination);
}
