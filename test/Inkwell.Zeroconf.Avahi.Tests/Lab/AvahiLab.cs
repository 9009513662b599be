using System.Globalization;

namespace Inkwell.Zeroconf.Avahi.Tests.Lab;

/// <summary>
/// Two isolated hosts, A and B: each a network namespace created for this lab, joined by one veth pair whose ends
/// are created directly inside the namespaces (nothing ever touches the machine's real interfaces), each with its
/// own private dbus-daemon and, on demand, its own avahi-daemon. Everything is removed on dispose, also when
/// creation fails half-way. With a third host (<see cref="CreateAsync(int, CancellationToken)"/>) the three hosts' veths
/// end on a bridge in a fourth namespace, the link's switch, instead.
/// </summary>
internal sealed class AvahiLab : IAsyncDisposable
{
    private static int s_counter;

    private readonly DirectoryInfo _directory;
    private readonly List<string> _namespaces = [];
    private readonly string _id;

    private AvahiLab(DirectoryInfo directory, bool threeHosts = false)
    {
        _directory = directory;
        _id = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Interlocked.Increment(ref s_counter)}");
        A = new LabHost($"inkwell-{_id}-a", "10.213.0.1", "inkwell-a", directory.CreateSubdirectory("a"));
        B = new LabHost($"inkwell-{_id}-b", "10.213.0.2", "inkwell-b", directory.CreateSubdirectory("b"));
        C = threeHosts ? new LabHost($"inkwell-{_id}-c", "10.213.0.3", "inkwell-c", directory.CreateSubdirectory("c")) : null;
    }

    public LabHost A { get; }

    public LabHost B { get; }

    /// <summary>The third host, on the same link as A and B; null in a two-host lab.</summary>
    public LabHost? C { get; }

    private IEnumerable<LabHost> Hosts => C is null ? [A, B] : [A, B, C];

    /// <summary>Creates the two hosts and starts a bus on each; skips the calling test when the machine cannot.</summary>
    public static Task<AvahiLab> CreateAsync(CancellationToken cancellationToken) => CreateAsync(2, cancellationToken);

    /// <summary>
    /// Creates <paramref name="hosts"/> hosts (2 or 3: A, B and C) on one link and starts a bus on each; skips the calling test
    /// when the machine cannot.
    /// </summary>
    public static async Task<AvahiLab> CreateAsync(int hosts, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hosts, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hosts, 3);
        LabRequirements.SkipIfMissing();
        var lab = new AvahiLab(Directory.CreateTempSubdirectory("inkwell-avahi-lab-"), threeHosts: hosts == 3);
        try
        {
            await lab.CreateNetworkAsync(cancellationToken);
            foreach (LabHost host in lab.Hosts)
            {
                await host.StartBusAsync(cancellationToken);
            }
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Only host A's private bus, no namespaces and no avahi-daemon: enough for a scripted daemon
    /// (<c>FakeAvahi</c>), and it needs neither root nor Avahi, only dbus-daemon.
    /// </summary>
    public static async Task<AvahiLab> CreateBusOnlyAsync(CancellationToken cancellationToken)
    {
        LabRequirements.SkipIfNoBus();
        var lab = new AvahiLab(Directory.CreateTempSubdirectory("inkwell-avahi-lab-"));
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
                await LabProcess.RunAsync("ip", ["netns", "delete", name]);
            }
            catch (InvalidOperationException)
            {
                // Best effort: a namespace that is already gone is fine.
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

    private async Task CreateNetworkAsync(CancellationToken cancellationToken)
    {
        foreach (LabHost host in Hosts)
        {
            try
            {
                await LabProcess.RunAsync("ip", ["netns", "add", host.Namespace], cancellationToken: cancellationToken);
            }
            catch (InvalidOperationException exception) when (_namespaces.Count == 0)
            {
                Assert.Skip($"Cannot create a network namespace here ({exception.Message.Trim()}); the Avahi lab needs CAP_SYS_ADMIN.");
            }
            _namespaces.Add(host.Namespace);
        }
        if (C is null)
        {
            await LabProcess.RunAsync(
                "ip", ["link", "add", LabHost.InterfaceName, "netns", A.Namespace, "type", "veth", "peer", "name", LabHost.InterfaceName, "netns", B.Namespace],
                cancellationToken: cancellationToken);
        }
        else
        {
            await CreateSwitchAsync(cancellationToken);
        }
        foreach (LabHost host in Hosts)
        {
            await host.IpAsync(["addr", "add", host.Address + "/24", "dev", LabHost.InterfaceName], cancellationToken);
            await host.IpAsync(["link", "set", "lo", "up"], cancellationToken);
            await host.IpAsync(["link", "set", LabHost.InterfaceName, "up", "multicast", "on"], cancellationToken);
            await host.IpAsync(["route", "add", "224.0.0.0/4", "dev", LabHost.InterfaceName], cancellationToken);
        }
        foreach (LabHost host in Hosts)
        {
            await WaitForSettledAddressesAsync(host, cancellationToken);
        }
    }

    /// <summary>
    /// Three hosts: a bridge in a namespace of its own (no address, no route: it only forwards between the hosts), and a veth
    /// pair from each host's <see cref="LabHost.InterfaceName"/> to a port of the bridge. Multicast snooping is off, so every
    /// mDNS packet reaches every host as on a small switch.
    /// </summary>
    private async Task CreateSwitchAsync(CancellationToken cancellationToken)
    {
        string @switch = $"inkwell-{_id}-s";
        await LabProcess.RunAsync("ip", ["netns", "add", @switch], cancellationToken: cancellationToken);
        _namespaces.Add(@switch);
        await LabProcess.RunAsync("ip", ["-n", @switch, "link", "add", "br0", "type", "bridge", "mcast_snooping", "0"], cancellationToken: cancellationToken);
        int port = 0;
        foreach (LabHost host in Hosts)
        {
            string end = "port" + port++;
            await LabProcess.RunAsync(
                "ip", ["link", "add", LabHost.InterfaceName, "netns", host.Namespace, "type", "veth", "peer", "name", end, "netns", @switch],
                cancellationToken: cancellationToken);
            await LabProcess.RunAsync("ip", ["-n", @switch, "link", "set", end, "master", "br0", "up"], cancellationToken: cancellationToken);
        }
        await LabProcess.RunAsync("ip", ["-n", @switch, "link", "set", "br0", "up"], cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Waits until the veth's IPv6 link-local address has finished duplicate address detection, so that backends start
    /// on a link whose addresses no longer change: a late change makes the embedded responder probe and announce again,
    /// which only slows the tests down.
    /// </summary>
    private static async Task WaitForSettledAddressesAsync(LabHost host, CancellationToken cancellationToken)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            string all = await LabProcess.RunAsync(
                "ip", ["-n", host.Namespace, "-6", "addr", "show", "dev", LabHost.InterfaceName, "scope", "link"], cancellationToken: cancellationToken);
            string tentative = await LabProcess.RunAsync(
                "ip", ["-n", host.Namespace, "-6", "addr", "show", "dev", LabHost.InterfaceName, "tentative"], cancellationToken: cancellationToken);
            if (all.Contains("inet6", StringComparison.Ordinal) && !tentative.Contains("inet6", StringComparison.Ordinal))
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{host.Namespace}: the veth's IPv6 link-local address did not settle within 10 s:\n{all}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }
}
