using System.Globalization;
using Inkwell.Zeroconf.Hosting.Tests.Support;

namespace Inkwell.Zeroconf.Hosting.Tests.Lab;

/// <summary>
/// The ZooFinder sample inside the two-host lab (<see cref="NetnsLab"/>: two network namespaces joined by a veth pair, a
/// private system bus each): servers (ASP.NET Core apps announcing <c>_zoo._tcp</c> on a free port) on host A, the client (an
/// HttpClient through the DNS-SD service-discovery provider asking <c>http://zoo</c>, or a gRPC channel on <c>dnssd:///zoo</c>
/// with round_robin) on host B. With the embedded backend every process runs its own responder on the veth; with the Avahi
/// backend each host runs avahi-daemon and the processes use it over the host's private bus. Nothing reaches the machine's
/// real interfaces or its own bus.
/// </summary>
internal sealed class ZooLab : IAsyncDisposable
{
    private readonly NetnsLab _lab;
    private readonly bool _grpc;
    private readonly bool _avahi;

    private ZooLab(NetnsLab lab, bool grpc, bool avahi)
    {
        _lab = lab;
        _grpc = grpc;
        _avahi = avahi;
    }

    /// <summary>
    /// Builds the lab (skips the test where it cannot be built); with <paramref name="grpc"/> the servers speak HTTP/2 only
    /// (gRPC without TLS) and the client uses a gRPC channel; with <paramref name="avahi"/> both hosts run avahi-daemon.
    /// </summary>
    public static async Task<ZooLab> CreateAsync(bool grpc, bool avahi, CancellationToken cancellationToken)
    {
        NetnsLab lab = await NetnsLab.CreateWithBusesAsync(cancellationToken);
        var zoo = new ZooLab(lab, grpc, avahi);
        try
        {
            if (avahi)
            {
                await lab.A.StartAvahiAsync(cancellationToken);
                await lab.B.StartAvahiAsync(cancellationToken);
            }
        }
        catch
        {
            await zoo.DisposeAsync();
            throw;
        }
        return zoo;
    }

    /// <summary>
    /// A sample program in its own output folder (built by the project references, same configuration as the tests): each
    /// needs its own dependency files, the server runs on ASP.NET Core's shared framework and the client does not.
    /// </summary>
    private static string Sample(string project)
    {
        string path = Path.Combine(Repository.Root, "samples", "ZooFinder", project, "bin", Repository.Configuration, Repository.Framework, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The sample is not built", path);
    }

    /// <summary>Host A, where the servers run.</summary>
    public LabHost ServerHost => _lab.A;

    /// <summary>Host B, where the client runs (and the tests' own peers).</summary>
    public LabHost ClientHost => _lab.B;

    /// <summary>Starts a server on host A asking for <paramref name="name"/> (embedded: with a host name of its own).</summary>
    public TestProcess StartServer(string name, string hostName) =>
        Start(_lab.A, "ZooServer", ["--urls=http://0.0.0.0:0", "--Zoo:Name=" + name, "--Kestrel:EndpointDefaults:Protocols=" + (_grpc ? "Http2" : "Http1AndHttp2")], hostName);

    /// <summary>Starts the client on host B, one request every <paramref name="interval"/>, with further <paramref name="options"/>.</summary>
    public TestProcess StartClient(TimeSpan interval, params string[] options) =>
        Start(_lab.B, "ZooClient", ["--Zoo:Interval=" + (int)interval.TotalMilliseconds, "--Zoo:Grpc=" + _grpc, .. options], "zoo-client");

    private TestProcess Start(LabHost host, string sample, string[] arguments, string hostName)
    {
        string[] backend = _avahi
            ? ["--Zeroconf:Backend=avahi", "--Zeroconf:ProbeTimeout=00:00:10"]
            : ["--Zeroconf:Backend=embedded", "--Zeroconf:Interfaces:0=" + LabHost.InterfaceName, "--Zeroconf:HostName=" + hostName];
        // The host's private bus (avahi-daemon's with the Avahi backend), never the machine's own; the lab stops the process.
        return host.Start(InkwellTool.Dotnet, [Sample(sample), .. arguments, .. backend], new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1" });
    }

    /// <summary>The client's answers so far: when (Unix ms) and from which instance, or "error ..." for a failed request.</summary>
    public static List<(long Time, string Answer)> Answers(TestProcess client)
    {
        var answers = new List<(long, string)>();
        foreach (string line in client.Output.Split('\n'))
        {
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && long.TryParse(line.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out long time))
            {
                answers.Add((time, line[(space + 1)..]));
            }
        }
        return answers;
    }

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public async ValueTask DisposeAsync()
    {
        await _lab.DisposeAsync();
    }
}
