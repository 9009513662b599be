using System.Globalization;

namespace Inkwell.Testing.Lab;

/// <summary>
/// One host of a <see cref="NetnsLab"/>: a network namespace with one link into the lab, and on demand a private D-Bus
/// system bus and an avahi-daemon of its own. Programs started here run inside the namespace (<c>ip netns exec</c>) with
/// this host's bus as their system bus, or with no system bus at all, never the machine's; the lab stops them.
/// </summary>
internal sealed class LabHost : IAsyncDisposable
{
    /// <summary>The name of a host's veth end in a two-host lab (each end lives in its own namespace, so both share it).</summary>
    public const string InterfaceName = "veth0";

    private readonly List<TestProcess> _processes = [];
    private TestProcess? _bus;
    private TestProcess? _avahi;

    internal LabHost(string @namespace, string @interface, string address, string hostName, DirectoryInfo directory)
    {
        Namespace = @namespace;
        Interface = @interface;
        Address = address;
        HostName = hostName;
        Directory = directory.FullName;
    }

    /// <summary>The network namespace's name (for <c>ip netns exec</c> and <c>ip -n</c>).</summary>
    public string Namespace { get; }

    /// <summary>The host's link into the lab (a veth end, or the hub's bridge).</summary>
    public string Interface { get; }

    /// <summary>The host's IPv4 address on <see cref="Interface"/> (a /24).</summary>
    public string Address { get; }

    /// <summary>The host name avahi-daemon uses, without <c>.local</c>.</summary>
    public string HostName { get; }

    /// <summary>A directory for this host's files (configurations, the bus socket), deleted with the lab.</summary>
    public string Directory { get; }

    /// <summary>The address of this host's private system bus: a unix socket, so reachable from the test process too.</summary>
    public string BusAddress => "unix:path=" + BusSocket;

    public bool IsBusRunning => _bus is { HasExited: false };

    public bool IsAvahiRunning => _avahi is { HasExited: false };

    /// <summary>What avahi-daemon logged so far, for failure messages.</summary>
    public string AvahiLog => _avahi?.Output ?? "";

    /// <summary>The system bus programs started here see: this host's private bus while it runs, otherwise none.</summary>
    public IReadOnlyDictionary<string, string> BusEnvironment =>
        new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = IsBusRunning ? BusAddress : InkwellTool.NoSystemBus };

    private string BusSocket => Path.Combine(Directory, "bus");

    /// <summary>Starts a program inside this host, with <paramref name="environment"/> added; the lab stops it at the end.</summary>
    public TestProcess Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var all = new Dictionary<string, string>(BusEnvironment);
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }
        TestProcess process = TestProcess.Start("ip", ["netns", "exec", Namespace, program, .. arguments], all);
        lock (_processes)
        {
            _processes.Add(process);
        }
        return process;
    }

    /// <summary>Starts <c>inkwell</c> (the CLI built next to the tests) inside this host.</summary>
    public TestProcess StartInkwell(params string[] arguments) => Start(InkwellTool.Dotnet, InkwellTool.Arguments(arguments));

    /// <summary>Runs a program inside this host to its end; throws with its output when it fails or takes longer than <paramref name="timeout"/>.</summary>
    public async Task<string> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ProcessResult result = await ProcessRun.RunAsync("ip", ["netns", "exec", Namespace, program, .. arguments], BusEnvironment, timeout, cancellationToken);
        return result.EnsureSuccess();
    }

    /// <summary>
    /// Runs a program inside this host for at most <paramref name="timeout"/> and returns what it printed, whether it
    /// finished or had to be killed (an oracle that printed the answer but still waits for something else has answered).
    /// </summary>
    public async Task<string> RunForOutputAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using TestProcess process = TestProcess.Start("ip", ["netns", "exec", Namespace, program, .. arguments], BusEnvironment);
        try
        {
            await process.WaitForExitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            process.Kill();
        }
        return process.Output;
    }

    /// <summary>Runs <c>ip -n NAMESPACE …</c>: configures this host's network.</summary>
    public Task IpAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default) => NetnsLab.IpAsync(["-n", Namespace, .. arguments], cancellationToken);

    /// <summary>
    /// Gives the host its own <c>/etc/resolv.conf</c> (<c>ip netns exec</c> mounts <c>/etc/netns/NAME/resolv.conf</c> over
    /// it); the lab deletes it.
    /// </summary>
    public void WriteResolvConf(string text)
    {
        string etc = Path.Combine("/etc/netns", Namespace);
        System.IO.Directory.CreateDirectory(etc);
        File.WriteAllText(Path.Combine(etc, "resolv.conf"), text);
    }

    /// <summary>Starts this host's private system bus (dbus-daemon, allowing everything: its only clients are the test's).</summary>
    public async Task StartBusAsync(CancellationToken cancellationToken = default)
    {
        string config = Path.Combine(Directory, "bus.conf");
        await File.WriteAllTextAsync(config, BusConfig(), cancellationToken);
        _bus = TestProcess.Start("dbus-daemon", ["--config-file=" + config, "--nofork", "--nopidfile", "--print-address"]);
        await _bus.WaitForLineAsync(line => line.StartsWith("unix:", StringComparison.Ordinal), TimeSpan.FromSeconds(20), cancellationToken);
    }

    /// <summary>Stops the bus (the tests for "the bus going away").</summary>
    public async Task StopBusAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync(TimeSpan.FromSeconds(5));
            _bus.Dispose();
            _bus = null;
        }
    }

    /// <summary>
    /// Starts avahi-daemon in this host (starting its bus first if needed), in a mount namespace of its own with a tmpfs
    /// on /run (every daemon gets its own pid file without touching the machine's /run), limited to the host's link and
    /// IPv4, and waits until it is up. <paramref name="hostName"/> overrides <see cref="HostName"/>.
    /// </summary>
    public async Task StartAvahiAsync(CancellationToken cancellationToken = default, string? hostName = null)
    {
        LabRequirements.SkipIfMissing("util-linux mount dbus avahi-daemon avahi-utils", "unshare", "mount", "dbus-daemon", "avahi-daemon", "avahi-browse", "avahi-publish");
        if (IsAvahiRunning)
        {
            throw new InvalidOperationException("avahi-daemon already runs on " + Namespace);
        }
        if (!IsBusRunning)
        {
            await StartBusAsync(cancellationToken);
        }
        string config = Path.Combine(Directory, "avahi-daemon.conf");
        await File.WriteAllTextAsync(config, AvahiConfig(hostName ?? HostName), cancellationToken);
        _avahi?.Dispose();
        _avahi = TestProcess.Start(
            "ip",
            ["netns", "exec", Namespace, "unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs tmpfs /run && mkdir /run/avahi-daemon && exec avahi-daemon -f \"$0\" --no-drop-root --no-chroot --no-rlimits",
                config],
            BusEnvironment);
        await _avahi.WaitForLineAsync(line => line.Contains("Server startup complete", StringComparison.Ordinal), TimeSpan.FromSeconds(60), cancellationToken);
    }

    /// <summary>Stops avahi-daemon the way a service manager does (SIGTERM), so it says goodbye and leaves the bus.</summary>
    public async Task StopAvahiAsync()
    {
        if (_avahi is not null)
        {
            await _avahi.StopAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Starts <c>avahi-publish -s NAME TYPE PORT TXT…</c> here (after <see cref="StartAvahiAsync"/>).</summary>
    public TestProcess StartAvahiPublish(string name, string type, int port, params string[] txt) =>
        Start("avahi-publish", ["-s", name, type, port.ToString(CultureInfo.InvariantCulture), .. txt]);

    public async ValueTask DisposeAsync()
    {
        List<TestProcess> processes;
        lock (_processes)
        {
            processes = [.. _processes];
        }
        foreach (TestProcess process in processes)
        {
            process.Dispose();
        }
        if (_avahi is not null)
        {
            await _avahi.StopAsync(TimeSpan.FromSeconds(5));
            _avahi.Dispose();
            _avahi = null;
        }
        await StopBusAsync();
    }

    private string BusConfig() => $"""
        <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
         "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
        <busconfig>
          <type>system</type>
          <listen>unix:path={BusSocket}</listen>
          <auth>EXTERNAL</auth>
          <policy context="default">
            <allow user="*"/>
            <allow own="*"/>
            <allow send_type="method_call"/>
            <allow send_type="signal"/>
            <allow send_type="method_return"/>
            <allow send_type="error"/>
            <allow receive_type="method_call"/>
            <allow receive_type="signal"/>
            <allow receive_type="method_return"/>
            <allow receive_type="error"/>
          </policy>
        </busconfig>
        """;

    /// <summary>avahi-daemon limited to this host's link, IPv4 only, no workstation or HINFO records, no wide-area DNS.</summary>
    private string AvahiConfig(string hostName) => $"""
        [server]
        host-name={hostName}
        use-ipv4=yes
        use-ipv6=no
        allow-interfaces={Interface}
        enable-dbus=yes
        ratelimit-interval-usec=1000000
        ratelimit-burst=1000

        [wide-area]
        enable-wide-area=no

        [publish]
        publish-workstation=no
        publish-hinfo=no
        publish-addresses=yes
        """;
}
