using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Inkwell.Zeroconf.Internal;
using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.Transport;

/// <summary>
/// Real mDNS sockets: one per address family bound to port 5353 with address reuse (so it runs beside
/// Avahi or mDNSResponder), joined to the group on each chosen interface, receiving with packet
/// information to know the arrival interface, and sending with IP TTL / hop limit 255 (RFC 6762 §11)
/// out of the interface named per send. One socket per family rather than per interface, as Avahi
/// does: several sockets bound to the same port would each receive every multicast, and unicast
/// would reach only one of them.
/// </summary>
internal sealed class UdpMulticastTransport : IMulticastTransport
{
    private readonly ILogger _logger;
    private readonly List<(AddressFamily Family, Socket Socket)> _sockets = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly IReadOnlyList<string>? _names;
    private readonly HomeNetworkNamespace? _home = HomeNetworkNamespace.OfCurrentThread();
    private volatile List<NetworkLink> _links;

    public UdpMulticastTransport(ServiceDiscoveryOptions options, ILogger logger)
    {
        _logger = logger;
        _names = options.Interfaces;
        _links = ChooseLinks(options.Interfaces);
        if (_links.Count == 0)
        {
            throw new ZeroconfException(options.Interfaces is { Count: > 0 }
                ? $"None of the interfaces {string.Join(", ", options.Interfaces)} is up with multicast and an address."
                : "No network interface is up with multicast and an address.");
        }
        if (options.UseIPv4)
        {
            TryOpen(AddressFamily.InterNetwork);
        }
        if (options.UseIPv6)
        {
            TryOpen(AddressFamily.InterNetworkV6);
        }
        if (_sockets.Count == 0)
        {
            throw new ZeroconfException("Could not open an mDNS socket for any address family; see the log for why.");
        }
        foreach (NetworkLink link in _links)
        {
            Log.Listening(_logger, link.Name, string.Join(",", Families));
        }
    }

    public IReadOnlyList<NetworkLink> Links => _links;

    public event Action? LinksChanged;

    public IReadOnlyList<AddressFamily> Families => [.. _sockets.Select(s => s.Family)];

    public void Start(Action<ReceivedPacket> receive)
    {
        NetworkChange.NetworkAddressChanged += OnNetworkAddressChanged;
        foreach ((AddressFamily family, Socket socket) in _sockets)
        {
            _ = Task.Run(() => ReceiveLoopAsync(socket, family, receive));
        }
    }

    public void Send(ReadOnlySpan<byte> data, NetworkLink link, AddressFamily family, IPEndPoint? destination)
    {
        Socket? socket = _sockets.Find(s => s.Family == family).Socket;
        if (socket is null)
        {
            return;
        }
        if (destination is null)
        {
            if (family == AddressFamily.InterNetwork)
            {
                if (!link.AddressesOf(AddressFamily.InterNetwork).Any())
                {
                    return;
                }
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, IPAddress.HostToNetworkOrder(link.Index));
                destination = new IPEndPoint(MulticastDnsEndpoints.GroupV4, MulticastDnsEndpoints.Port);
            }
            else
            {
                socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastInterface, link.Index);
                destination = new IPEndPoint(MulticastDnsEndpoints.GroupV6, MulticastDnsEndpoints.Port);
            }
        }
        else if (destination.Address.IsIPv6LinkLocal && destination.Address.ScopeId == 0)
        {
            destination = new IPEndPoint(new IPAddress(destination.Address.GetAddressBytes(), link.Index), destination.Port);
        }
        socket.SendTo(data, SocketFlags.None, destination);
    }

    private void TryOpen(AddressFamily family)
    {
        Socket? socket = null;
        try
        {
            socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            if (family == AddressFamily.InterNetwork)
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 255);
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.IpTimeToLive, 255);
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
                socket.Bind(new IPEndPoint(IPAddress.Any, MulticastDnsEndpoints.Port));
            }
            else
            {
                socket.DualMode = false;
                socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastTimeToLive, 255);
                socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.IpTimeToLive, 255);
                socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastLoopback, true);
                socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.PacketInformation, true);
                socket.Bind(new IPEndPoint(IPAddress.IPv6Any, MulticastDnsEndpoints.Port));
            }
            int joined = 0;
            foreach (NetworkLink link in _links)
            {
                try
                {
                    if (family == AddressFamily.InterNetwork)
                    {
                        if (!link.AddressesOf(AddressFamily.InterNetwork).Any())
                        {
                            continue;
                        }
                        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(MulticastDnsEndpoints.GroupV4, link.Index));
                    }
                    else
                    {
                        socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(MulticastDnsEndpoints.GroupV6, link.Index));
                    }
                    joined++;
                }
                catch (SocketException exception)
                {
                    Log.InterfaceFailed(_logger, link.Name, family.ToString(), exception.Message);
                }
            }
            if (joined == 0)
            {
                socket.Dispose();
                return;
            }
            _sockets.Add((family, socket));
        }
        catch (SocketException exception)
        {
            Log.InterfaceFailed(_logger, "*", family.ToString(), exception.Message);
            socket?.Dispose();
        }
    }

    private async Task ReceiveLoopAsync(Socket socket, AddressFamily family, Action<ReceivedPacket> receive)
    {
        // 9000 is the mDNS maximum; anything longer is truncated, then rejected by the parser's length check.
        byte[] buffer = new byte[9216];
        EndPoint any = family == AddressFamily.InterNetwork ? new IPEndPoint(IPAddress.Any, 0) : new IPEndPoint(IPAddress.IPv6Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveMessageFromResult result;
            try
            {
                result = await socket.ReceiveMessageFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.MessageSize or SocketError.ConnectionReset)
            {
                continue;
            }
            catch (SocketException exception)
            {
                Log.ReceiveFailed(_logger, family.ToString(), exception.Message);
                return;
            }
            NetworkLink? link = _links.Find(l => l.Index == result.PacketInformation.Interface);
            if (link is null || result.RemoteEndPoint is not IPEndPoint source)
            {
                continue; // an interface we were not asked to use
            }
            bool unicast = !result.PacketInformation.Address.Equals(MulticastDnsEndpoints.GroupV4) && !result.PacketInformation.Address.Equals(MulticastDnsEndpoints.GroupV6);
            receive(new ReceivedPacket(buffer.AsMemory(0, result.ReceivedBytes), source, link, unicast));
        }
    }

    private static List<NetworkLink> ChooseLinks(IReadOnlyList<string>? names)
    {
        var links = new List<NetworkLink>();
        foreach (NetworkInterface nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            bool named = names is { Count: > 0 };
            if (named && !names!.Contains(nic.Name, StringComparer.Ordinal))
            {
                continue;
            }
            if (!named && (nic.NetworkInterfaceType == NetworkInterfaceType.Loopback || nic.OperationalStatus != OperationalStatus.Up || !nic.SupportsMulticast))
            {
                continue;
            }
            IPInterfaceProperties properties = nic.GetIPProperties();
            int index = nic.Supports(NetworkInterfaceComponent.IPv4) ? properties.GetIPv4Properties().Index
                : nic.Supports(NetworkInterfaceComponent.IPv6) ? properties.GetIPv6Properties().Index : -1;
            List<LinkAddress> addresses = [.. properties.UnicastAddresses.Select(a => new LinkAddress(a.Address, a.PrefixLength))];
            if (index < 0 || addresses.Count == 0)
            {
                continue;
            }
            links.Add(new NetworkLink(index, nic.Name, addresses));
        }
        return links;
    }

    /// <summary>
    /// Follows interfaces coming, going and changing addresses: joins the group on new links, and
    /// tells the engine, which probes and announces again and restarts its queries with QU (§8, §5.4).
    /// </summary>
    private void OnNetworkAddressChanged(object? sender, EventArgs e) => RefreshLinks();

    /// <summary>Lists the interfaces again, in the sockets' namespace, and acts on what changed.</summary>
    internal void RefreshLinks()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        List<NetworkLink> now;
        try
        {
            now = _home is null ? ChooseLinks(_names) : _home.Run(() => ChooseLinks(_names));
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or NetworkInformationException)
        {
            Log.InterfaceScanFailed(_logger, exception.Message);
            return; // keep listening where we listen rather than act on a list we could not read
        }
        List<NetworkLink> before = _links;
        bool changed = now.Count != before.Count || now.Any(l => !before.Exists(b => b.Index == l.Index && b.Addresses.SequenceEqual(l.Addresses)));
        if (!changed)
        {
            return;
        }
        foreach ((AddressFamily family, Socket socket) in _sockets)
        {
            foreach (NetworkLink link in now.Where(l => !before.Exists(b => b.Index == l.Index)))
            {
                try
                {
                    if (family == AddressFamily.InterNetwork && link.AddressesOf(AddressFamily.InterNetwork).Any())
                    {
                        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(MulticastDnsEndpoints.GroupV4, link.Index));
                    }
                    else if (family == AddressFamily.InterNetworkV6)
                    {
                        socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(MulticastDnsEndpoints.GroupV6, link.Index));
                    }
                }
                catch (SocketException exception)
                {
                    Log.InterfaceFailed(_logger, link.Name, family.ToString(), exception.Message);
                }
            }
        }
        _links = now;
        foreach (NetworkLink link in now.Where(l => !before.Exists(b => b.Index == l.Index)))
        {
            Log.Listening(_logger, link.Name, string.Join(",", Families));
        }
        LinksChanged?.Invoke();
    }

    public void Dispose()
    {
        NetworkChange.NetworkAddressChanged -= OnNetworkAddressChanged;
        _stop.Cancel();
        foreach ((_, Socket socket) in _sockets)
        {
            socket.Dispose();
        }
        _stop.Dispose();
        _home?.Dispose();
    }
}
