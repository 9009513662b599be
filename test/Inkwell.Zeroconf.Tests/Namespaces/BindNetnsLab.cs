namespace Inkwell.Zeroconf.Tests.Namespaces;

/// <summary>
/// Wide-area DNS-SD across hosts: BIND 9 on the hub of a star <see cref="NetnsLab"/> (port 53 on its bridge, 10.78.0.1),
/// two client hosts A and B joined to the bridge (no other route, so nothing can leave the machine). Each client's
/// <c>/etc/resolv.conf</c> (<see cref="LabHost.WriteResolvConf"/>) names the server and the search domain
/// <c>example.test</c>, so clients can find everything as on a real network: the server from the system resolver, the
/// update server from the zone's SOA (the zone publishes no <c>_dns-update._udp</c> SRV here), browsing domains from the
/// search list. Deleted on dispose.
/// </summary>
internal sealed class BindNetnsLab : IAsyncDisposable
{
    public const string Zone = "example.test";
    public const string KeyName = "inkwell-key";
    public const string ServerAddress = "10.78.0.1";

    private readonly NetnsLab _lab;

    private BindNetnsLab(NetnsLab lab) => _lab = lab;

    /// <summary>The server's host, where named runs.</summary>
    public LabHost Server => _lab.Hub!;

    /// <summary>The registering host.</summary>
    public LabHost A => _lab.A;

    /// <summary>The browsing host (and the second registrant).</summary>
    public LabHost B => _lab.B;

    public string KeyFile => Path.Combine(Server.Directory, "key.conf");

    /// <summary>Builds the namespaces and starts named, or skips the test with the reason it cannot.</summary>
    public static async Task<BindNetnsLab> CreateAsync(CancellationToken cancellationToken)
    {
        LabRequirements.SkipIfNoNamespaces();
        LabRequirements.SkipIfMissing("bind9 bind9-dnsutils", "named", "tsig-keygen", "dig", "nsupdate");
        var lab = new BindNetnsLab(await NetnsLab.CreateStarAsync(cancellationToken));
        try
        {
            foreach (LabHost host in (LabHost[])[lab.A, lab.B])
            {
                host.WriteResolvConf($"nameserver {ServerAddress}\nsearch {Zone}\n");
            }
            await lab.StartNamedAsync(cancellationToken);
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
        return lab;
    }

    private async Task StartNamedAsync(CancellationToken cancellationToken)
    {
        string directory = Server.Directory;
        File.WriteAllText(KeyFile, ProcessRun.Run(LabRequirements.Find("tsig-keygen")!, ["-a", "hmac-sha256", KeyName]).EnsureSuccess());
        File.WriteAllText(Path.Combine(directory, Zone + ".db"), $"""
            $TTL 60
            @   IN SOA ns.{Zone}. admin.{Zone}. 1 3600 600 86400 60
            @   IN NS  ns.{Zone}.
            ns  IN A   {ServerAddress}

            """);
        string config = NamedConfig.Write(directory, $"127.0.0.1; {ServerAddress};", 53, KeyFile, NamedConfig.DynamicZone(Zone, KeyName));
        TestProcess named = Server.Start(LabRequirements.Find("named")!, ["-g", "-c", config, "-n", "1"]);
        // named -g logs "running" once it has loaded its zones and listens.
        await named.WaitForLineAsync(l => l.Contains("running", StringComparison.Ordinal), TimeSpan.FromSeconds(60), cancellationToken);
        if (!Dig("SOA", Zone).Contains("ns." + Zone, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"named in {Server.Namespace} does not serve {Zone}:\n{named.Output}");
        }
    }

    /// <summary><c>dig +short</c> at the server from inside its namespace: one line per record.</summary>
    public string Dig(string type, string name) =>
        ProcessRun.Run("ip", ["netns", "exec", Server.Namespace, LabRequirements.Find("dig")!, "@127.0.0.1", "+short", "+norecurse", "+time=2", "+tries=2", type, name]).EnsureSuccess();

    /// <summary>Runs <c>nsupdate -k key</c> inside the server's namespace (an independent writer).</summary>
    public string NsUpdate(string commands) =>
        ProcessRun.Run("ip", ["netns", "exec", Server.Namespace, LabRequirements.Find("nsupdate")!, "-k", KeyFile], input: $"server 127.0.0.1 53\nzone {Zone}\n{commands}\nsend\n").EnsureSuccess();

    public ValueTask DisposeAsync() => _lab.DisposeAsync();
}
