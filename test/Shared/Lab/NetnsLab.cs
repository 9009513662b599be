using System.Globalization;

namespace Inkwell.Testing.Lab;

/// <summary>
/// The tests' private network: hosts that are network namespaces created for one test, joined by veth pairs whose ends
/// are created directly inside the namespaces, so the machine's own namespace never sees them and nothing a test sends
/// can reach a real interface. Three shapes: <see cref="CreateAsync"/> joins hosts A and B by one veth pair (multicast
/// routed on it: the mDNS tests), <see cref="CreateTrioWithBusesAsync"/> puts A, B and C on one link through a bridge in
/// a namespace of its own (a small switch), and <see cref="CreateStarAsync"/> joins A and B to a bridge on a hub host
/// (the wide-area tests' DNS server). Each host can run its own bus and avahi-daemon (<see cref="LabHost"/>). Everything is removed on
/// dispose, also when creation fails half-way. Tests that cannot build it skip with the reason.
/// </summary>
internal sealed class NetnsLab : IAsyncDisposable
{
    private static int s_counter;

    private readonly DirectoryInfo _directory;
    private readonly List<string> _namespaces = [];

    /// <summary>How the hosts are joined.</summary>
    private enum Shape
    {
        /// <summary>A and B, one veth pair between them.</summary>
        Pair,

        /// <summary>A, B and C, each joined by a veth pair to a bridge in the hub namespace, which has no address.</summary>
        Trio,

        /// <summary>A and B, each joined by a veth pair to the hub's bridge, which is a host at .1.</summary>
        Star,
    }

    private NetnsLab(DirectoryInfo directory, string subnet, Shape shape)
    {
        bool star = shape == Shape.Star;
        _directory = directory;
        // Short and unique across concurrently running test assemblies: the process id and a counter.
        string id = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId:x}-{Interlocked.Increment(ref s_counter)}");
        if (star)
        {
            Hub = new LabHost($"inkwell-{id}-hub", "br0", subnet + ".1", "inkwell-hub", directory.CreateSubdirectory("hub"));
        }
        else if (shape == Shape.Trio)
        {
            // The switch: a host only in name, it holds the bridge and never gets an address.
            Hub = new LabHost($"inkwell-{id}-sw", "br0", "", "inkwell-switch", directory.CreateSubdirectory("switch"));
            C = new LabHost($"inkwell-{id}-c", LabHost.InterfaceName, subnet + ".3", "inkwell-c", directory.CreateSubdirectory("c"));
        }
        A = new LabHost($"inkwell-{id}-a", LabHost.InterfaceName, subnet + (star ? ".2" : ".1"), "inkwell-a", directory.CreateSubdirectory("a"));
        B = new LabHost($"inkwell-{id}-b", LabHost.InterfaceName, subnet + (star ? ".3" : ".2"), "inkwell-b", directory.CreateSubdirectory("b"));
    }

    /// <summary>Host A: 10.213.0.1 in a two-host lab, 10.78.0.2 in a star.</summary>
    public LabHost A { get; }

    /// <summary>Host B: 10.213.0.2 in a two-host lab, 10.78.0.3 in a star.</summary>
    public LabHost B { get; }

    /// <summary>Host C: 10.213.0.3 in a three-host lab, null otherwise.</summary>
    public LabHost? C { get; }

    /// <summary>The hub of a star (its bridge br0 at 10.78.0.1), the switch of a three-host lab (no address), or null in a two-host lab.</summary>
    public LabHost? Hub { get; }

    /// <summary>Every namespace of the lab: the hub or switch first when there is one.</summary>
    public IReadOnlyList<LabHost> Hosts => (Hub, C) switch
    {
        (null, _) => [A, B],
        (_, null) => [Hub, A, B],
        _ => [Hub, A, B, C],
    };

    /// <summary>The hosts programs run on: A, B and C when there is one (not the hub or switch).</summary>
    private LabHost[] Ends => C is null ? [A, B] : [A, B, C];

    /// <summary>A directory for the lab's files (scripts, configurations), deleted with the lab.</summary>
    public string Directory => _directory.FullName;

    /// <summary>Two hosts joined by a veth pair (10.213.0.0/24), multicast routed on it; skips the calling test where it cannot be built.</summary>
    public static Task<NetnsLab> CreateAsync(CancellationToken cancellationToken = default) => BuildAsync(Shape.Pair, buses: false, cancellationToken);

    /// <summary>Two hosts joined by a veth pair, each with its private system bus running (<see cref="LabHost.BusAddress"/>).</summary>
    public static Task<NetnsLab> CreateWithBusesAsync(CancellationToken cancellationToken = default) => BuildAsync(Shape.Pair, buses: true, cancellationToken);

    /// <summary>
    /// Hosts A, B and C (10.213.0.1–3) on one link: each joined by a veth pair to a bridge in a namespace of its own with
    /// multicast snooping off, so every mDNS packet reaches every host as on a small switch; multicast routed on each
    /// host's link, and each host's private system bus running.
    /// </summary>
    public static Task<NetnsLab> CreateTrioWithBusesAsync(CancellationToken cancellationToken = default) => BuildAsync(Shape.Trio, buses: true, cancellationToken);

    /// <summary>
    /// A hub with a bridge (10.78.0.1) and hosts A and B each joined to it by a veth pair (10.78.0.2, .3), no other route;
    /// skips the calling test where it cannot be built.
    /// </summary>
    public static Task<NetnsLab> CreateStarAsync(CancellationToken cancellationToken = default) => BuildAsync(Shape.Star, buses: false, cancellationToken);

    /// <summary>
    /// No namespaces at all, only host A's private bus: enough for a scripted daemon on the bus, and it needs neither root
    /// nor Avahi, only dbus-daemon.
    /// </summary>
    public static async Task<NetnsLab> CreateBusOnlyAsync(CancellationToken cancellationToken = default)
    {
        LabRequirements.SkipIfMissing("dbus", "dbus-daemon");
        var lab = new NetnsLab(System.IO.Directory.CreateTempSubdirectory("inkwell-lab-"), "10.213.0", Shape.Pair);
        try
        {
            await lab.A.StartBusAsync(cancellationToken);
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <c>ip</c> with <paramref name="arguments"/>; throws with its output when it fails.</summary>
    public static async Task IpAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        (await ProcessRun.RunAsync("ip", arguments, timeout: TimeSpan.FromSeconds(60), cancellationToken: cancellationToken)).EnsureSuccess();

    public async ValueTask DisposeAsync()
    {
        foreach (LabHost host in Hosts)
        {
            await host.DisposeAsync();
        }
        foreach (string name in _namespaces)
        {
            try
            {
                await IpAsync(["netns", "delete", name]);
            }
            catch (InvalidOperationException)
            {
                // Best effort: a namespace that is already gone is fine.
            }
            try
            {
                System.IO.Directory.Delete(Path.Combine("/etc/netns", name), recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
                // The host had no resolv.conf of its own.
            }
        }
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A socket still being torn down; the temp directory is cleaned up by the system eventually.
        }
    }

    private static async Task<NetnsLab> BuildAsync(Shape shape, bool buses, CancellationToken cancellationToken)
    {
        LabRequirements.SkipIfNoNamespaces();
        if (buses)
        {
            LabRequirements.SkipIfMissing("dbus", "dbus-daemon");
        }
        var lab = new NetnsLab(System.IO.Directory.CreateTempSubdirectory("inkwell-lab-"), shape == Shape.Star ? "10.78.0" : "10.213.0", shape);
        try
        {
            await lab.AddNamespacesAsync(cancellationToken);
            switch (shape)
            {
                case Shape.Star:
                    await lab.LinkStarAsync(cancellationToken);
                    break;
                case Shape.Trio:
                    await lab.LinkTrioAsync(cancellationToken);
                    break;
                default:
                    await lab.LinkPairAsync(cancellationToken);
                    break;
            }
            foreach (LabHost host in lab.Ends)
            {
                await WaitForSettledAddressesAsync(host, cancellationToken);
                if (buses)
                {
                    await host.StartBusAsync(cancellationToken);
                }
            }
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    private async Task AddNamespacesAsync(CancellationToken cancellationToken)
    {
        foreach (LabHost host in Hosts)
        {
            try
            {
                await IpAsync(["netns", "add", host.Namespace], cancellationToken);
            }
            catch (InvalidOperationException exception) when (_namespaces.Count == 0)
            {
                Assert.Skip($"Cannot create a network namespace here ({exception.Message.Trim()}); the lab needs CAP_SYS_ADMIN.");
            }
            _namespaces.Add(host.Namespace);
            await host.IpAsync(["link", "set", "lo", "up"], cancellationToken);
        }
    }

    private async Task LinkPairAsync(CancellationToken cancellationToken)
    {
        await IpAsync(["link", "add", A.Interface, "netns", A.Namespace, "type", "veth", "peer", "name", B.Interface, "netns", B.Namespace], cancellationToken);
        await AddressEndsAsync(cancellationToken);
    }

    private async Task LinkTrioAsync(CancellationToken cancellationToken)
    {
        LabHost @switch = Hub!;
        await AddBridgeAsync(@switch, ["mcast_snooping", "0"], cancellationToken);
        foreach ((LabHost host, string port) in ((LabHost, string)[])[(A, "veth-a"), (B, "veth-b"), (C!, "veth-c")])
        {
            await IpAsync(["link", "add", host.Interface, "netns", host.Namespace, "type", "veth", "peer", "name", port, "netns", @switch.Namespace], cancellationToken);
            await @switch.IpAsync(["link", "set", port, "master", @switch.Interface], cancellationToken);
            await @switch.IpAsync(["link", "set", port, "up"], cancellationToken);
        }
        await @switch.IpAsync(["link", "set", @switch.Interface, "up"], cancellationToken);
        await AddressEndsAsync(cancellationToken);
    }

    /// <summary>Gives A, B (and C) their addresses, brings their links up and routes multicast on them.</summary>
    private async Task AddressEndsAsync(CancellationToken cancellationToken)
    {
        foreach (LabHost host in Ends)
        {
            await host.IpAsync(["addr", "add", host.Address + "/24", "dev", host.Interface], cancellationToken);
            await host.IpAsync(["link", "set", host.Interface, "up", "multicast", "on"], cancellationToken);
            await host.IpAsync(["route", "add", "224.0.0.0/4", "dev", host.Interface], cancellationToken);
        }
    }

    private static async Task AddBridgeAsync(LabHost hub, string[] options, CancellationToken cancellationToken)
    {
        try
        {
            await hub.IpAsync(["link", "add", hub.Interface, "type", "bridge", .. options], cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            Assert.Skip($"The kernel cannot create a bridge in a namespace ({e.Message.Trim()}); this lab needs one.");
        }
    }

    private async Task LinkStarAsync(CancellationToken cancellationToken)
    {
        LabHost hub = Hub!;
        await AddBridgeAsync(hub, [], cancellationToken);
        await hub.IpAsync(["addr", "add", hub.Address + "/24", "dev", hub.Interface], cancellationToken);
        await hub.IpAsync(["link", "set", hub.Interface, "up"], cancellationToken);
        foreach ((LabHost host, string port) in ((LabHost, string)[])[(A, "veth-a"), (B, "veth-b")])
        {
            await IpAsync(["link", "add", host.Interface, "netns", host.Namespace, "type", "veth", "peer", "name", port, "netns", hub.Namespace], cancellationToken);
            await host.IpAsync(["addr", "add", host.Address + "/24", "dev", host.Interface], cancellationToken);
            await host.IpAsync(["link", "set", host.Interface, "up", "multicast", "on"], cancellationToken);
            await hub.IpAsync(["link", "set", port, "master", hub.Interface], cancellationToken);
            await hub.IpAsync(["link", "set", port, "up"], cancellationToken);
        }
    }

    /// <summary>
    /// Waits until the veth's IPv6 link-local address has finished duplicate address detection, so that programs start on
    /// a link whose addresses no longer change: a late change makes a responder probe and announce again, which only slows
    /// the tests down.
    /// </summary>
    private static async Task WaitForSettledAddressesAsync(LabHost host, CancellationToken cancellationToken)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            string all = (await ProcessRun.RunAsync("ip", ["-n", host.Namespace, "-6", "addr", "show", "dev", host.Interface, "scope", "link"], cancellationToken: cancellationToken)).EnsureSuccess();
            string tentative = (await ProcessRun.RunAsync("ip", ["-n", host.Namespace, "-6", "addr", "show", "dev", host.Interface, "tentative"], cancellationToken: cancellationToken)).EnsureSuccess();
            if (all.Contains("inet6", StringComparison.Ordinal) && !tentative.Contains("inet6", StringComparison.Ordinal))
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{host.Namespace}: the veth's IPv6 link-local address did not settle within 30 s:\n{all}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }
}
