using System.Net;
using System.Net.Sockets;
using Inkwell.Zeroconf;

namespace Inkwell.Testing;

/// <summary>
/// A real BIND 9 for the wide-area tests: <c>named</c> in the foreground, listening on 127.0.0.1 only (a
/// random high port, no IPv6, recursion and NOTIFY off, no control channel), so nothing it sends or
/// receives leaves the loopback interface. It serves a dynamic zone <c>example.test</c> that key
/// <c>inkwell-key</c> (generated per run by <c>tsig-keygen</c>) may update, its update server published as
/// <c>_dns-update._udp.example.test</c> SRV (the lab's port), a static zone
/// <c>static.test</c> no key may update (REFUSED), and nothing else (NOTAUTH). <c>dig</c> is the independent
/// reader. Started once for the wide-area collection and stopped (directory deleted) at the end. Shared by the library's
/// wide-area tests (Inkwell.Zeroconf.Tests) and <c>inkwell dns-sd</c>'s (Inkwell.Cli.Tests).
/// </summary>
public sealed class BindLab : IAsyncLifetime
{
    public const string Zone = "example.test";
    public const string StaticZone = "static.test";
    public const string KeyName = "inkwell-key";

    /// <summary>A dynamic zone whose published update server (its <c>_dns-update._udp</c> SRV) is 127.0.0.1:1, where nothing listens.</summary>
    public const string MovedZone = "moved.test";

    private TestProcess? _named;
    private string _earlierLog = "";

    /// <summary>Why the lab is not running, or null.</summary>
    public string? SkipReason { get; private set; }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("inkwell-bind-lab-").FullName;

    public int Port { get; private set; }

    public IPEndPoint Server => new(IPAddress.Loopback, Port);

    public string KeyFile => Path.Combine(Directory, "key.conf");

    public TsigKey Key => TsigKey.Load(KeyFile);

    /// <summary>What every named started so far logged.</summary>
    public string Log => _earlierLog + _named?.Output;

    /// <summary>Skips the calling test with the reason when BIND is not available.</summary>
    public void Require()
    {
        if (SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            SkipReason = "the BIND lab needs Linux";
            return;
        }
        foreach ((string tool, string package) in (ReadOnlySpan<(string, string)>)[("/usr/sbin/named", "bind9"), ("/usr/sbin/tsig-keygen", "bind9"), ("/usr/bin/dig", "bind9-dnsutils")])
        {
            if (!File.Exists(tool))
            {
                SkipReason = $"{tool} is not installed (apt-get install bind9 bind9-dnsutils); the wide-area tests need a real BIND 9";
                return;
            }
        }
        File.WriteAllText(KeyFile, Run("/usr/sbin/tsig-keygen", "-a", "hmac-sha256", KeyName));
        for (int attempt = 0; attempt < 5 && _named is null; attempt++)
        {
            Port = FreePort();
            WriteZone(Zone, Port);
            WriteZone(StaticZone, Port);
            // Its update SRV names a port where nothing listens: only a configured UpdateServer reaches the lab.
            WriteZone(MovedZone, 1);
            WriteConfig();
            await StartAsync();
        }
        if (_named is null)
        {
            throw new InvalidOperationException($"named did not start:\n{Log}");
        }
    }

    /// <summary>A zone whose <c>_dns-update._udp</c> SRV record names <paramref name="updatePort"/> on ns.ZONE (127.0.0.1), as a DNS-SD operator publishes it.</summary>
    private void WriteZone(string zone, int updatePort) => File.WriteAllText(Path.Combine(Directory, zone + ".db"), $"""
        $TTL 60
        @   IN SOA ns.{zone}. admin.{zone}. 1 3600 600 86400 60
        @   IN NS  ns.{zone}.
        ns  IN A   127.0.0.1
        _dns-update._udp IN SRV 0 0 {updatePort} ns.{zone}.

        """);

    private void WriteConfig() => NamedConfig.Write(Directory, "127.0.0.1;", Port, KeyFile,
        NamedConfig.DynamicZone(Zone, KeyName), NamedConfig.StaticZone(StaticZone), NamedConfig.DynamicZone(MovedZone, KeyName));

    private async Task StartAsync()
    {
        TestProcess named = TestProcess.Start("/usr/sbin/named", ["-g", "-c", Path.Combine(Directory, "named.conf"), "-n", "1"]);
        try
        {
            // named -g logs "running" once it has loaded its zones and listens; it exits when its port was taken meanwhile.
            await named.WaitForLineAsync(l => l.Contains("running", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            if (Answers())
            {
                _named = named;
                return;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Tried again on another port (or reported with the log) by the caller.
        }
        _earlierLog += named.Output;
        named.Dispose();
    }

    /// <summary>
    /// Kills named (SIGKILL, as a crash would) and starts it again on the same port with the same files: what it
    /// serves afterwards is what its zone file and journal (<c>example.test.db.jnl</c>) kept.
    /// </summary>
    public async Task RestartAsync()
    {
        TestProcess named = _named ?? throw new InvalidOperationException("named is not running");
        named.Kill();
        _earlierLog += named.Output;
        named.Dispose();
        _named = null;
        for (int attempt = 0; attempt < 3 && _named is null; attempt++)
        {
            await StartAsync();
        }
        if (_named is null)
        {
            throw new InvalidOperationException($"named did not start again on port {Port}:\n{Log}");
        }
    }

    private bool Answers()
    {
        try
        {
            return Dig("SOA", Zone).Contains("ns." + Zone, StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary><c>dig +short</c> at the lab server: one line per record, in dig's presentation format.</summary>
    public string Dig(string type, string name) => Run("/usr/bin/dig", "@127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "+short", "+norecurse", "+time=2", "+tries=2", type, name);

    /// <summary><c>dig</c> at the lab server with its full output (header flags included), over UDP.</summary>
    public string DigRaw(params string[] arguments) =>
        Run("/usr/bin/dig", ["@127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "+norecurse", "+time=2", "+tries=2", .. arguments], null);

    /// <summary>
    /// Writes RFC 6763 §11 domain enumeration records into <see cref="Zone"/> (replacing earlier ones): browsing domains
    /// <c>example.test</c> and <c>sites.example.test</c>, default browsing and registration domain <c>example.test</c>, no
    /// legacy browsing domain.
    /// </summary>
    public void WriteDomainEnumerationRecords() => NsUpdate("""
        update delete b._dns-sd._udp.example.test PTR
        update delete db._dns-sd._udp.example.test PTR
        update delete r._dns-sd._udp.example.test PTR
        update add b._dns-sd._udp.example.test 60 PTR example.test.
        update add b._dns-sd._udp.example.test 60 PTR sites.example.test.
        update add db._dns-sd._udp.example.test 60 PTR example.test.
        update add r._dns-sd._udp.example.test 60 PTR example.test.
        """);

    /// <summary>Runs <c>nsupdate -k key</c> with the given commands (an independent writer).</summary>
    public string NsUpdate(string commands) =>
        Run("/usr/bin/nsupdate", ["-k", KeyFile], $"server 127.0.0.1 {Port}\nzone {Zone}\n{commands}\nsend\n");

    private static string Run(string fileName, params string[] arguments) => Run(fileName, arguments, null);

    /// <summary>Runs a BIND tool to its end with <paramref name="input"/> on standard input; fails with its output unless it exits 0.</summary>
    internal static string Run(string fileName, string[] arguments, string? input) => ProcessRun.Run(fileName, arguments, input: input).EnsureSuccess();

    /// <summary>A port free on 127.0.0.1 for both UDP and TCP right now (named binds both).</summary>
    private static int FreePort()
    {
        while (true)
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
            try
            {
                using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_named is not null)
        {
            await _named.DisposeAsync();
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(nameof(BindCollection))]
public sealed class BindCollection : ICollectionFixture<BindLab>;
