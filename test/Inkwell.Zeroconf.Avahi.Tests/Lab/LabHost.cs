namespace Inkwell.Zeroconf.Avahi.Tests.Lab;

/// <summary>One host of an <see cref="AvahiLab"/>: a network namespace, its private D-Bus system bus and its avahi-daemon.</summary>
internal sealed class LabHost : IAsyncDisposable
{
    public const string InterfaceName = "veth0";

    private readonly DirectoryInfo _directory;
    private LabProcess? _bus;
    private LabProcess? _avahi;

    public LabHost(string @namespace, string address, string hostName, DirectoryInfo directory)
    {
        Namespace = @namespace;
        Address = address;
        HostName = hostName;
        _directory = directory;
    }

    public string Namespace { get; }

    public string Address { get; }

    /// <summary>The host name avahi-daemon uses, without <c>.local</c>.</summary>
    public string HostName { get; }

    /// <summary>The address of this host's private system bus; a unix socket, so reachable from the test process too.</summary>
    public string BusAddress => "unix:path=" + BusSocket;

    public bool IsAvahiRunning => _avahi is { HasExited: false };

    private string BusSocket => Path.Combine(_directory.FullName, "bus");

    private Dictionary<string, string> BusEnvironment => new() { ["DBUS_SYSTEM_BUS_ADDRESS"] = BusAddress };

    public async Task StartBusAsync(CancellationToken cancellationToken)
    {
        string config = Path.Combine(_directory.FullName, "bus.conf");
        await File.WriteAllTextAsync(config, BusConfig(), cancellationToken);
        _bus = LabProcess.Start("dbus-daemon", ["--config-file=" + config, "--nofork", "--nopidfile", "--print-address"]);
        await _bus.WaitForLineAsync(line => line.StartsWith("unix:", StringComparison.Ordinal), TimeSpan.FromSeconds(10), cancellationToken);
    }

    /// <summary>Stops the bus (the test for "the bus going away").</summary>
    public async Task StopBusAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync(TimeSpan.FromSeconds(5));
            _bus.Dispose();
            _bus = null;
        }
    }

    /// <summary>Starts avahi-daemon in this namespace, in a mount namespace of its own with a tmpfs on /run, and waits until it is up.</summary>
    public async Task StartAvahiAsync(CancellationToken cancellationToken)
    {
        if (IsAvahiRunning)
        {
            throw new InvalidOperationException("avahi-daemon already runs on " + Namespace);
        }
        string config = Path.Combine(_directory.FullName, "avahi-daemon.conf");
        await File.WriteAllTextAsync(config, AvahiConfig(), cancellationToken);
        _avahi?.Dispose();
        // A tmpfs over /run (in a private mount namespace) gives every daemon its own /run/avahi-daemon/pid
        // without touching the machine's /run.
        _avahi = LabProcess.Start(
            "ip",
            ["netns", "exec", Namespace, "unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs tmpfs /run && mkdir /run/avahi-daemon && exec avahi-daemon -f \"$0\" --no-drop-root --no-chroot --no-rlimits",
                config],
            BusEnvironment);
        await _avahi.WaitForLineAsync(line => line.Contains("Server startup complete", StringComparison.Ordinal), TimeSpan.FromSeconds(20), cancellationToken);
    }

    /// <summary>Stops avahi-daemon the way a service manager does (SIGTERM), so it says goodbye and leaves the bus.</summary>
    public async Task StopAvahiAsync()
    {
        if (_avahi is not null)
        {
            await _avahi.StopAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>What avahi-daemon logged so far, for failure messages.</summary>
    public string AvahiLog => _avahi?.Output ?? "";

    /// <summary>Runs an avahi client tool (avahi-browse, avahi-publish, …) inside this host with its bus, to completion.</summary>
    public Task<string> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
        => LabProcess.RunAsync("ip", ["netns", "exec", Namespace, program, .. arguments], BusEnvironment, timeout, cancellationToken);

    /// <summary>Runs an avahi client tool inside this host for at most <paramref name="timeout"/>; returns what it printed.</summary>
    public Task<string> RunForOutputAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
        => LabProcess.RunForOutputAsync("ip", ["netns", "exec", Namespace, program, .. arguments], BusEnvironment, timeout, cancellationToken);

    /// <summary>Starts a long-running avahi client tool (avahi-publish) inside this host; the caller disposes it.</summary>
    public LabProcess Start(string program, IEnumerable<string> arguments)
        => LabProcess.Start("ip", ["netns", "exec", Namespace, program, .. arguments], BusEnvironment);

    internal Task IpAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
        => LabProcess.RunAsync("ip", ["-n", Namespace, .. arguments], cancellationToken: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_avahi is not null)
        {
            await _avahi.StopAsync(TimeSpan.FromSeconds(5));
            _avahi.Dispose();
            _avahi = null;
        }
        await StopBusAsync();
    }

    /// <summary>A system bus that allows everything: the lab's only clients are the test and the daemons it started.</summary>
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

    /// <summary>avahi-daemon limited to this host's veth, IPv4 only, no workstation or HINFO records, no wide-area DNS.</summary>
    private string AvahiConfig() => $"""
        [server]
        host-name={HostName}
        use-ipv4=yes
        use-ipv6=no
        allow-interfaces={InterfaceName}
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
