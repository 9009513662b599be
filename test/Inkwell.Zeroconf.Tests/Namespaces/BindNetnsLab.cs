namespace Inkwell.Zeroconf.Tests.Namespaces;

/// <summary>
/// Wide-area DNS-SD across hosts: BIND 9 in one network namespace on port 53, two client hosts in two others, all
/// joined by veth pairs to a bridge in the server's namespace (10.78.0.0/24; no other route, so nothing can leave
/// the machine). Each client's <c>/etc/netns/NAME/resolv.conf</c> (which <c>ip netns exec</c> mounts over
/// /etc/resolv.conf) names the server and the search domain <c>example.test</c>, so clients can find everything as
/// on a real network: the server from the system resolver, the update server from the zone's SOA (the zone publishes
/// no <c>_dns-update._udp</c> SRV here), browsing domains from the search list. Deleted on dispose.
/// </summary>
internal sealed class BindNetnsLab : IDisposable
{
    public const string Zone = "example.test";
    public const string KeyName = "inkwell-key";
    public const string ServerAddress = "10.78.0.1";

    private readonly List<LabProcess> _processes = [];
    private readonly List<string> _resolvConfDirectories = [];
    private LabProcess? _named;

    private BindNetnsLab(string id)
    {
        Server = new LabHost($"iw{id}s", "br0", ServerAddress);
        A = new LabHost($"iw{id}a", $"iw{id}a", "10.78.0.2");
        B = new LabHost($"iw{id}b", $"iw{id}b", "10.78.0.3");
    }

    public LabHost Server { get; }

    /// <summary>The registering host.</summary>
    public LabHost A { get; }

    /// <summary>The browsing host (and the second registrant).</summary>
    public LabHost B { get; }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("inkwell-bind-netns-").FullName;

    public string KeyFile => Path.Combine(Directory, "key.conf");

    /// <summary>Builds the namespaces and starts named, or skips the test with the reason it cannot.</summary>
    public static async Task<BindNetnsLab> CreateAsync()
    {
        if (NetnsLab.SkipReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        foreach (string tool in (string[])["/usr/sbin/named", "/usr/sbin/tsig-keygen", "/usr/bin/dig", "/usr/bin/nsupdate"])
        {
            if (!File.Exists(tool))
            {
                Assert.Skip($"{tool} is not installed (apt-get install bind9 bind9-dnsutils); the wide-area namespace tests need a real BIND 9");
            }
        }
        var lab = new BindNetnsLab(Convert.ToHexString(Guid.NewGuid().ToByteArray().AsSpan(0, 3)).ToLowerInvariant());
        try
        {
            lab.Build();
            await lab.StartNamedAsync();
        }
        catch
        {
            lab.Dispose();
            throw;
        }
        return lab;
    }

    private void Build()
    {
        foreach (LabHost host in (LabHost[])[Server, A, B])
        {
            NetnsLab.Ip($"netns add {host.Namespace}");
            NetnsLab.Ip($"-n {host.Namespace} link set lo up");
        }
        try
        {
            NetnsLab.Ip($"-n {Server.Namespace} link add br0 type bridge");
        }
        catch (InvalidOperationException e)
        {
            Assert.Skip($"the kernel cannot create a bridge in a namespace ({e.Message.Trim()}); the three-host wide-area lab needs one");
        }
        NetnsLab.Ip($"-n {Server.Namespace} addr add {ServerAddress}/24 dev br0");
        NetnsLab.Ip($"-n {Server.Namespace} link set br0 up");
        foreach (LabHost host in (LabHost[])[A, B])
        {
            // Both ends are created inside namespaces: the machine's own namespace never sees them.
            NetnsLab.Ip($"link add {host.Interface} netns {host.Namespace} type veth peer name {host.Interface}p netns {Server.Namespace}");
            NetnsLab.Ip($"-n {host.Namespace} addr add {host.Address}/24 dev {host.Interface}");
            NetnsLab.Ip($"-n {host.Namespace} link set {host.Interface} up");
            NetnsLab.Ip($"-n {Server.Namespace} link set {host.Interface}p master br0");
            NetnsLab.Ip($"-n {Server.Namespace} link set {host.Interface}p up");
            string etc = Path.Combine("/etc/netns", host.Namespace);
            System.IO.Directory.CreateDirectory(etc);
            _resolvConfDirectories.Add(etc);
            File.WriteAllText(Path.Combine(etc, "resolv.conf"), $"nameserver {ServerAddress}\nsearch {Zone}\n");
        }
    }

    private async Task StartNamedAsync()
    {
        File.WriteAllText(KeyFile, Run("/usr/sbin/tsig-keygen", ["-a", "hmac-sha256", KeyName]));
        File.WriteAllText(Path.Combine(Directory, Zone + ".db"), $"""
            $TTL 60
            @   IN SOA ns.{Zone}. admin.{Zone}. 1 3600 600 86400 60
            @   IN NS  ns.{Zone}.
            ns  IN A   {ServerAddress}

            """);
        File.WriteAllText(Path.Combine(Directory, "named.conf"), $$"""
            options {
                directory "{{Directory}}";
                pid-file "{{Directory}}/named.pid";
                session-keyfile "{{Directory}}/session.key";
                managed-keys-directory "{{Directory}}";
                listen-on port 53 { 127.0.0.1; {{ServerAddress}}; };
                listen-on-v6 { none; };
                recursion no;
                dnssec-validation no;
                notify no;
            };
            controls { };
            include "{{KeyFile}}";
            zone "{{Zone}}" { type primary; file "{{Zone}}.db"; update-policy { grant {{KeyName}} zonesub ANY; }; };

            """);
        _named = Start(Server, null, "/usr/sbin/named", "-g", "-c", Path.Combine(Directory, "named.conf"), "-n", "1");
        DateTime end = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < end)
        {
            try
            {
                if (Dig("SOA", Zone).Contains("ns." + Zone, StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (InvalidOperationException)
            {
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new InvalidOperationException($"named did not start in {Server.Namespace}:\n{_named.Errors}");
    }

    /// <summary><c>dig +short</c> at the server from inside its namespace: one line per record.</summary>
    public string Dig(string type, string name) =>
        Run("ip", ["netns", "exec", Server.Namespace, "/usr/bin/dig", "@127.0.0.1", "+short", "+norecurse", "+time=2", "+tries=2", type, name]);

    /// <summary>Runs <c>nsupdate -k key</c> inside the server's namespace (an independent writer).</summary>
    public string NsUpdate(string commands) =>
        Run("ip", ["netns", "exec", Server.Namespace, "/usr/bin/nsupdate", "-k", KeyFile], $"server 127.0.0.1 53\nzone {Zone}\n{commands}\nsend\n");

    /// <summary>
    /// Starts <c>inkwell</c> (the CLI built next to the tests) in a host's namespace, with the system bus pointed nowhere
    /// so a machine's avahi-daemon is never used.
    /// </summary>
    public LabProcess StartInkwell(LabHost host, params string[] arguments) =>
        Start(host, new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = "unix:path=/nonexistent/inkwell-lab-no-system-bus" },
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Path.Combine(AppContext.BaseDirectory, "inkwell.dll"), .. arguments]);

    private LabProcess Start(LabHost host, IDictionary<string, string>? environment, string fileName, params string[] arguments)
    {
        var process = new LabProcess(host, fileName, arguments, environment);
        lock (_processes)
        {
            _processes.Add(process);
        }
        return process;
    }

    private static string Run(string fileName, string[] arguments, string? input = null) => WideArea.BindLab.Run(fileName, arguments, input);

    public void Dispose()
    {
        lock (_processes)
        {
            foreach (LabProcess process in _processes)
            {
                process.Dispose();
            }
        }
        foreach (string etc in _resolvConfDirectories)
        {
            try
            {
                System.IO.Directory.Delete(etc, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        foreach (LabHost host in (LabHost[])[Server, A, B])
        {
            try
            {
                NetnsLab.Ip($"netns del {host.Namespace}");
            }
            catch (InvalidOperationException)
            {
                // never created
            }
        }
    }
}
