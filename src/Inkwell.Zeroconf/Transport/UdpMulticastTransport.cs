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
    private readonly HashSet<(AddressFamily Family, int Index)> _joined = [];
    private readonly AddressFamily[] _families = [];
    private volatile List<NetworkLink> _links;
    private readonly Lock _following = new();
    private bool _subscribed;

    public UdpMulticastTransport(DnsServiceDiscoveryOptions options, ILogger logger)
    {
        _logger = logger;
        _names = options.Interfaces;
        List<InterfaceEntry> interfaces = InterfaceList.Read();
        _links = ChooseLinks(interfaces, options.Interfaces);
        if (_links.Count == 0 && options.Interfaces is { Count: > 0 } names && !interfaces.Exists(i => names.Contains(i.Name, StringComparer.Ordinal)))
        {
            // A name that is no interface at all is most likely a typo: say so rather than wait forever.
            throw new ZeroconfException($"There is no network interface named {string.Join(" or ", names)}.");
        }
        if (_links.Count == 0)
        {
            // Not an error: a laptop starts before its Wi-Fi, a container before its veth. The sockets
            // are opened anyway and join the group when an interface comes up (RefreshLinks); until
            // then nothing is sent and registrations wait in probing.
            Log.WaitingForInterface(_logger, options.Interfaces is { Count: > 0 } ? string.Join(", ", options.Interfaces) : "any interface");
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
        _families = [.. _sockets.Select(s => s.Family)];
        foreach (NetworkLink link in _links)
        {
            Log.Listening(_logger, link.Name, string.Join(",", Families));
        }
    }

    public IReadOnlyList<NetworkLink> Links => _links;

    public event Action? LinksChanged;

    /// <summary>The families with an open socket, fixed once the sockets are open (read per send, so not rebuilt).</summary>
    public IReadOnlyList<AddressFamily> Families => _families;

    public void Start(Action<ReceivedPacket> receive)
    {
        foreach ((AddressFamily family, Socket socket) in _sockets)
        {
            new Thread(() => ReceiveLoop(socket, family, receive)) { IsBackground = true, Name = $"mDNS receive ({family})" }.Start();
        }
        // Following interface changes costs a cold process tens of milliseconds (NetworkChange opens its netlink socket
        // and starts its thread), so it is set up beside the caller, which meanwhile starts its first queries
        // (docs/benchmarks.md, dns-sd -B time to first result).
        ThreadPool.UnsafeQueueUserWorkItem(static transport => transport.FollowLinkChanges(), this, preferLocal: false);
    }

    /// <summary>
    /// Subscribes to interface changes, in the sockets' network namespace (NetworkChange's netlink socket is opened by the
    /// thread that subscribes first), then lists the interfaces once more, so a change between the first listing and the
    /// subscription is acted on too.
    /// </summary>
    private void FollowLinkChanges()
    {
        try
        {
            lock (_following)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }
                if (_home is null)
                {
                    Subscribe();
                }
                else
                {
                    _home.Run(Subscribe);
                }
                _subscribed = true;
            }
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or NetworkInformationException)
        {
            Log.InterfaceScanFailed(_logger, exception.Message);
            return;
        }
        RefreshLinks();

        bool Subscribe()
        {
            NetworkChange.NetworkAddressChanged += OnNetworkAddressChanged;
            // A link coming up with its address already configured raises no address change (a cable
            // plugged into a statically configured interface); Linux reports it as availability.
            NetworkChange.NetworkAvailabilityChanged += OnNetworkAvailabilityChanged;
            return true;
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
            foreach (NetworkLink link in _links)
            {
                Join(socket, family, link);
            }
            _sockets.Add((family, socket));
        }
        catch (SocketException exception)
        {
            Log.InterfaceFailed(_logger, "*", family.ToString(), exception.Message);
            socket?.Dispose();
        }
    }

    /// <summary>Joins the group on a link for a family, once; a link without an address of the family is skipped (IPv4 needs one to send from).</summary>
    private void Join(Socket socket, AddressFamily family, NetworkLink link)
    {
        if (_joined.Contains((family, link.Index)) || (family == AddressFamily.InterNetwork && !link.AddressesOf(AddressFamily.InterNetwork).Any()))
        {
            return;
        }
        try
        {
            if (family == AddressFamily.InterNetwork)
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(MulticastDnsEndpoints.GroupV4, link.Index));
            }
            else
            {
                socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(MulticastDnsEndpoints.GroupV6, link.Index));
            }
            _joined.Add((family, link.Index));
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            _joined.Add((family, link.Index)); // still a member (the link went down and up under the same index)
        }
        catch (SocketException exception)
        {
            Log.InterfaceFailed(_logger, link.Name, family.ToString(), exception.Message);
        }
    }

    /// <summary>
    /// Receives on a dedicated thread with blocking calls: each datagram is handled where it arrives,
    /// without a thread-pool hop per packet, which under a query load costs far more CPU (workers
    /// waking and spinning) than answering does. Disposing the socket ends the wait.
    /// </summary>
    private void ReceiveLoop(Socket socket, AddressFamily family, Action<ReceivedPacket> receive)
    {
        // 9000 is the mDNS maximum; anything longer is truncated, then rejected by the parser's length check.
        byte[] buffer = new byte[9216];
        EndPoint any = family == AddressFamily.InterNetwork ? new IPEndPoint(IPAddress.Any, 0) : new IPEndPoint(IPAddress.IPv6Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            int received;
            EndPoint remote = any;
            IPPacketInformation packetInformation;
            try
            {
                SocketFlags flags = SocketFlags.None;
                received = socket.ReceiveMessageFrom(buffer, ref flags, ref remote, out packetInformation);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (_stop.IsCancellationRequested)
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
            NetworkLink? link = null;
            foreach (NetworkLink candidate in _links)
            {
                if (candidate.Index == packetInformation.Interface)
                {
                    link = candidate;
                    break;
                }
            }
            if (link is null || remote is not IPEndPoint source)
            {
                continue; // an interface we were not asked to use
            }
            bool unicast = !packetInformation.Address.Equals(MulticastDnsEndpoints.GroupV4) && !packetInformation.Address.Equals(MulticastDnsEndpoints.GroupV6);
            receive(new ReceivedPacket(buffer.AsMemory(0, received), source, link, unicast));
        }
    }

    private static List<NetworkLink> ChooseLinks(List<InterfaceEntry> interfaces, IReadOnlyList<string>? names)
    {
        var links = new List<NetworkLink>();
        bool named = names is { Count: > 0 };
        foreach (InterfaceEntry entry in interfaces)
        {
            if (named && !names!.Contains(entry.Name, StringComparer.Ordinal))
            {
                continue;
            }
            if (!named && (entry.IsLoopback || !entry.IsUp || !entry.SupportsMulticast))
            {
                continue;
            }
            if (entry.Index < 0 || entry.Addresses.Count == 0)
            {
                continue;
            }
            links.Add(new NetworkLink(entry.Index, entry.Name, entry.Addresses));
        }
        return links;
    }

    /// <summary>
    /// Follows interfaces coming, going and changing addresses: joins the group on new links, and
    /// tells the engine, which probes and announces again and restarts its queries with QU (§8, §5.4).
    /// </summary>
    private void OnNetworkAddressChanged(object? sender, EventArgs e) => RefreshLinks();

    private void OnNetworkAvailabilityChanged(object? sender, NetworkAvailabilityEventArgs e) => RefreshLinks();

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
            now = ChooseLinks(_home is null ? InterfaceList.Read() : _home.Run(InterfaceList.Read), _names);
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
        // Links that went away lose their membership with them; one that comes back (or gains its first
        // address of a family) is joined again.
        lock (_joined)
        {
            _joined.RemoveWhere(j => !now.Exists(l => l.Index == j.Index));
            foreach ((AddressFamily family, Socket socket) in _sockets)
            {
                foreach (NetworkLink link in now)
                {
                    Join(socket, family, link);
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
        lock (_following)
        {
            if (_subscribed)
            {
                NetworkChange.NetworkAddressChanged -= OnNetworkAddressChanged;
                NetworkChange.NetworkAvailabilityChanged -= OnNetworkAvailabilityChanged;
            }
            _stop.Cancel(); // under the lock: a subscription that has not happened yet now never will
        }
        foreach ((_, Socket socket) in _sockets)
        {
            socket.Dispose();
        }
        _stop.Dispose();
        _home?.Dispose();
    }
}
