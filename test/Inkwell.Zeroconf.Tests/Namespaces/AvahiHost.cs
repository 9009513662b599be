namespace Inkwell.Zeroconf.Tests.Namespaces;

/// <summary>
/// avahi-daemon on one lab host, as the design note's recipe says: a private dbus-daemon, and the
/// daemon in its own mount namespace (a private tmpfs /run, since the pid file path is fixed; nothing
/// is created on the machine's own /run),
/// limited to the host's veth end. Clients (avahi-publish, avahi-browse) get the same bus address.
/// </summary>
internal sealed class AvahiHost : IDisposable
{
    private readonly NetnsLab _lab;
    private readonly LabHost _host;
    private readonly string _directory;

    private AvahiHost(NetnsLab lab, LabHost host, string directory)
    {
        _lab = lab;
        _host = host;
        _directory = directory;
        Environment = new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = $"unix:path={directory}/bus" };
    }

    public Dictionary<string, string> Environment { get; }

    public static string? SkipReason() =>
        !File.Exists("/usr/sbin/avahi-daemon") || !File.Exists("/usr/bin/avahi-browse") || !File.Exists("/usr/bin/dbus-daemon")
            ? "avahi-daemon, avahi-utils and dbus are not installed (apt-get install avahi-daemon avahi-utils dbus; CI installs them from .ci/packages.txt)"
            : null;

    public static async Task<AvahiHost> StartAsync(NetnsLab lab, LabHost host, string hostName)
    {
        if (SkipReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        string directory = Directory.CreateTempSubdirectory("inkwell-zeroconf-avahi-").FullName;
        var avahi = new AvahiHost(lab, host, directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "avahi.conf"), $"""
            [server]
            host-name={hostName}
            use-ipv4=yes
            use-ipv6=no
            allow-interfaces={host.Interface}
            enable-dbus=yes
            [wide-area]
            enable-wide-area=no
            [publish]
            publish-workstation=no
            publish-hinfo=no
            """, TestContext.Current.CancellationToken);
        lab.Start(host, "dbus-daemon", "--config-file=/usr/share/dbus-1/system.conf", $"--address=unix:path={directory}/bus", "--nofork", "--nopidfile");
        for (int i = 0; i < 200 && !File.Exists(Path.Combine(directory, "bus")); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        LabProcess daemon = lab.Start(host, avahi.Environment, "unshare", "-m", "sh", "-c",
            $"mount -t tmpfs tmpfs /run && mkdir /run/avahi-daemon && exec avahi-daemon -f {directory}/avahi.conf --no-drop-root --no-chroot --no-rlimits 2>&1");
        await daemon.WaitForLineAsync(l => l.Contains("Server startup complete", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        return avahi;
    }

    /// <summary>avahi-publish -s NAME TYPE PORT TXT...</summary>
    public LabProcess Publish(string name, string type, int port, params string[] txt) =>
        _lab.Start(_host, Environment, "avahi-publish", ["-s", name, type, port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. txt]);

    /// <summary>avahi-browse -rpk TYPE: parsable lines (types not translated to descriptions), resolved ones start with '='.</summary>
    public LabProcess Browse(string type) => _lab.Start(_host, Environment, "avahi-browse", "-rpk", type);

    public void Dispose()
    {
        // The lab kills the processes; the directory only holds the config and the bus socket.
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
