using System.Diagnostics;

namespace Inkwell.Zeroconf.Tests.Namespaces;

/// <summary>
/// The design note's two-host lab: two network namespaces joined by a veth pair, multicast routed on
/// the veth ends, nothing else reachable. Nothing a test sends here can leave the machine. The
/// namespaces (and with them the veth pair) are deleted on dispose, even after a failure.
/// </summary>
internal sealed class NetnsLab : IDisposable
{
    private readonly List<LabProcess> _processes = [];

    private NetnsLab(string id)
    {
        Hosts = [new LabHost($"ikw{id}a", $"ikw{id}0", "10.77.0.1"), new LabHost($"ikw{id}b", $"ikw{id}1", "10.77.0.2")];
    }

    public IReadOnlyList<LabHost> Hosts { get; }

    /// <summary>A directory for the lab's files (scripts, configs), deleted with the lab.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("inkwell-zeroconf-lab-").FullName;

    public LabHost A => Hosts[0];

    public LabHost B => Hosts[1];

    /// <summary>The effective user id, from /proc (no native interop needed).</summary>
    private static string? EffectiveUserId() =>
        File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2]
            : null;

    /// <summary>Why the lab cannot be built here, or null when it can (Linux, root, iproute2).</summary>
    public static string? SkipReason()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "network namespaces need Linux";
        }
        if (EffectiveUserId() != "0")
        {
            return "creating network namespaces needs root (CI runs as root); skipped so no mDNS reaches a real interface";
        }
        if (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/bin/ip"))
        {
            return "iproute2's 'ip' is not installed (apt-get install iproute2)";
        }
        return null;
    }

    /// <summary>Builds the lab, or skips the test with the reason it cannot be built.</summary>
    public static NetnsLab Create()
    {
        if (SkipReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        var lab = new NetnsLab(Convert.ToHexString(Guid.NewGuid().ToByteArray().AsSpan(0, 3)).ToLowerInvariant());
        try
        {
            foreach (LabHost host in lab.Hosts)
            {
                Ip($"netns add {host.Namespace}");
            }
            // Both ends are created inside their namespaces: the machine's own namespace never sees them, so no
            // address-change event reaches other processes (such as a concurrently running test assembly).
            Ip($"link add {lab.A.Interface} netns {lab.A.Namespace} type veth peer name {lab.B.Interface} netns {lab.B.Namespace}");
            foreach (LabHost host in lab.Hosts)
            {
                Ip($"-n {host.Namespace} addr add {host.Address}/24 dev {host.Interface}");
                Ip($"-n {host.Namespace} link set lo up");
                Ip($"-n {host.Namespace} link set {host.Interface} up multicast on");
                Ip($"-n {host.Namespace} route add 224.0.0.0/4 dev {host.Interface}");
            }
        }
        catch
        {
            lab.Dispose();
            throw;
        }
        return lab;
    }

    /// <summary>Starts a program inside a host's namespace, capturing its output lines.</summary>
    public LabProcess Start(LabHost host, string fileName, params string[] arguments) => Start(host, null, fileName, arguments);

    /// <summary>Starts a program inside a host's namespace with extra environment variables.</summary>
    public LabProcess Start(LabHost host, IDictionary<string, string>? environment, string fileName, params string[] arguments)
    {
        var process = new LabProcess(host, fileName, arguments, environment);
        lock (_processes)
        {
            _processes.Add(process);
        }
        return process;
    }

    /// <summary>
    /// Starts <c>inkwell</c> (the CLI built next to the tests) inside a host's namespace. The system bus is pointed
    /// nowhere: with the default <c>--backend auto</c>, a machine's own avahi-daemon would otherwise do the work and
    /// announce the lab's services on the machine's real interfaces.
    /// </summary>
    public LabProcess StartInkwell(LabHost host, params string[] arguments) =>
        Start(host, new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = "unix:path=/nonexistent/inkwell-lab-no-system-bus" },
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Path.Combine(AppContext.BaseDirectory, "inkwell.dll"), .. arguments]);

    public static void Ip(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ip", arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip {arguments} failed: {error}");
        }
    }

    public void Dispose()
    {
        lock (_processes)
        {
            foreach (LabProcess process in _processes)
            {
                process.Dispose();
            }
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        foreach (LabHost host in Hosts)
        {
            try
            {
                Ip($"netns del {host.Namespace}");
            }
            catch (InvalidOperationException)
            {
                // never created
            }
        }
    }
}

/// <summary>One host of the lab: its namespace, its veth end and its address.</summary>
internal sealed record LabHost(string Namespace, string Interface, string Address);
