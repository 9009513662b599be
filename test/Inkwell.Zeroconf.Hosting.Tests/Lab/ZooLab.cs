using System.Globalization;
using Inkwell.Zeroconf.Tests.Namespaces;

namespace Inkwell.Zeroconf.Hosting.Tests.Lab;

/// <summary>
/// The ZooFinder sample inside the two-host lab: servers (ASP.NET Core apps announcing <c>_zoo._tcp</c> on a free port) on
/// host A, the client (an HttpClient through the DNS-SD service-discovery provider asking <c>http://zoo</c>, or a gRPC channel
/// on <c>dnssd:///zoo</c> with round_robin) on host B. Every
/// process runs in a namespace of its own lab with the embedded backend on the veth only; the system bus is pointed nowhere
/// so no avahi-daemon of the machine is ever asked.
/// </summary>
internal sealed class ZooLab : IDisposable
{
    private static readonly Dictionary<string, string> s_environment = new()
    {
        ["DBUS_SYSTEM_BUS_ADDRESS"] = "unix:path=/nonexistent/inkwell-lab-no-system-bus",
        ["DOTNET_NOLOGO"] = "1",
    };

    private readonly NetnsLab _lab = NetnsLab.Create();
    private readonly bool _grpc;

    /// <summary>Creates the lab; with <paramref name="grpc"/> the servers speak HTTP/2 only (gRPC without TLS) and the client uses a gRPC channel.</summary>
    public ZooLab(bool grpc)
    {
        _grpc = grpc;
    }

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>
    /// A sample program in its own output folder (built by the project references, same configuration as the tests): each
    /// needs its own dependency files, the server runs on ASP.NET Core's shared framework and the client does not.
    /// </summary>
    private static string Sample(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = output.Name;
        string configuration = output.Parent!.Name;
        DirectoryInfo? root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Inkwell.slnx")))
        {
            root = root.Parent;
        }
        string path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Inkwell.slnx not found above " + output.FullName),
            "samples", "ZooFinder", project, "bin", configuration, framework, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The sample is not built", path);
    }

    /// <summary>Starts a server on host A asking for <paramref name="name"/>, with a host name of its own.</summary>
    public LabProcess StartServer(string name, string hostName) =>
        _lab.Start(_lab.A, s_environment, Dotnet,
            Sample("ZooServer"), "--urls=http://0.0.0.0:0", "--Zoo:Name=" + name,
            "--Zeroconf:Backend=embedded", "--Zeroconf:Interfaces:0=" + _lab.A.Interface, "--Zeroconf:HostName=" + hostName,
            "--Kestrel:EndpointDefaults:Protocols=" + (_grpc ? "Http2" : "Http1AndHttp2"));

    /// <summary>Starts the client on host B, one request every <paramref name="interval"/>.</summary>
    public LabProcess StartClient(TimeSpan interval) =>
        _lab.Start(_lab.B, s_environment, Dotnet,
            Sample("ZooClient"), "--Zoo:Interval=" + (int)interval.TotalMilliseconds,
            "--Zeroconf:Backend=embedded", "--Zeroconf:Interfaces:0=" + _lab.B.Interface, "--Zeroconf:HostName=zoo-client", "--Zoo:Grpc=" + _grpc);

    /// <summary>The client's answers so far: when (Unix ms) and from which instance, or "error ..." for a failed request.</summary>
    public static List<(long Time, string Answer)> Answers(LabProcess client)
    {
        var answers = new List<(long, string)>();
        foreach (string line in client.Lines)
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

    public void Dispose() => _lab.Dispose();
}
