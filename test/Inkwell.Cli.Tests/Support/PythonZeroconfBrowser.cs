
namespace Inkwell.Cli.Tests.Support;

/// <summary>
/// Debian's python3-zeroconf (it belongs to /usr/bin/python3, not to any other python3 on PATH) browsing a service type
/// on a lab host: one line per event, <c>added NAME</c> or <c>removed NAME</c> (the instance label only).
/// </summary>
internal static class PythonZeroconfBrowser
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys, time
        from zeroconf import IPVersion, ServiceBrowser, ServiceStateChange, Zeroconf
        ip, stype = sys.argv[1], sys.argv[2] + ".local."
        zc = Zeroconf(interfaces=[ip], ip_version=IPVersion.V4Only)
        def on_change(zeroconf, service_type, name, state_change):
            label = name[: -len(stype) - 1]
            if state_change is ServiceStateChange.Added:
                print("added " + label, flush=True)
            elif state_change is ServiceStateChange.Removed:
                print("removed " + label, flush=True)
        ServiceBrowser(zc, stype, handlers=[on_change])
        print("browsing", flush=True)
        while True:
            time.sleep(1)
        """;

    /// <summary>Skips the calling test when python3-zeroconf is missing.</summary>
    public static void SkipIfMissing()
    {
        if (!File.Exists(Python) || !Directory.Exists("/usr/lib/python3/dist-packages/zeroconf"))
        {
            Assert.Skip("python3-zeroconf for /usr/bin/python3 is not installed (apt-get install python3-zeroconf; CI installs it from .ci/packages.txt)");
        }
    }

    /// <summary>Starts browsing <paramref name="type"/> (<c>_x._tcp</c>) on the host, on its lab address only.</summary>
    public static TestProcess Start(LabHost host, string type)
    {
        SkipIfMissing();
        return host.Start(Python, ["-c", Script, host.Address, type]);
    }
}
