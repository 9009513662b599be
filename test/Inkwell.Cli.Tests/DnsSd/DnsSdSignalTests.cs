using System.Diagnostics;

namespace Inkwell.Cli.Tests.DnsSd;

/// <summary>
/// <c>inkwell dns-sd -R</c> stopped the way people and service managers stop it, with real signals (<c>kill -INT</c>,
/// <c>kill -TERM</c>) to a real process on lab host A, through either backend. Host B watches with python-zeroconf and
/// avahi-browse: the registration must say goodbye (RFC 6762 §10.1) and the process must exit 0.
/// </summary>
public sealed class DnsSdSignalTests(ITestOutputHelper log)
{
    private const string Type = "_gb._tcp";

    private const string Name = "Bye Svc";

    /// <summary>Far below the records' TTLs (120 s and 75 min): a removal seen this soon came from a goodbye, not from expiry.</summary>
    private static readonly TimeSpan s_goodbyeBound = TimeSpan.FromSeconds(5);

    [Theory(Timeout = 180_000)]
    [InlineData("embedded", "INT")]
    [InlineData("embedded", "TERM")]
    [InlineData("avahi", "INT")]
    [InlineData("avahi", "TERM")]
    public async Task Register_StoppedBySignal_OtherHostSeesItRemoved_AndExitStatusIsZero(string backend, string signal)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        PythonZeroconfPeer.Require();
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        if (backend == "avahi")
        {
            await lab.A.StartAvahiAsync(ct);
        }
        await lab.B.StartAvahiAsync(ct);
        using TestProcess python = PythonZeroconfPeer.Browse(lab.B, Type);
        using TestProcess avahiBrowse = lab.B.Start("avahi-browse", ["--parsable", Type]);
        using TestProcess inkwell = StartInkwell(lab.A, "--backend", backend, "--interface", LabHost.InterfaceName, "-R", Name, Type, ".", "4242");

        // Registered first (a failure here shows what inkwell printed), then seen on host B.
        await WithOutputOnTimeout(inkwell, inkwell.WaitForLineAsync(l => l.Contains("Name now registered and active", StringComparison.Ordinal), TimeSpan.FromSeconds(60), ct));
        await WithOutputOnTimeout(inkwell, python.WaitForLineAsync(l => PythonZeroconfPeer.IsEvent(l, "added", Name), TimeSpan.FromSeconds(30), ct));
        await WithOutputOnTimeout(inkwell, avahiBrowse.WaitForLineAsync(l => IsAvahiBrowseLine(l, '+'), TimeSpan.FromSeconds(30), ct));
        var sinceSignal = Stopwatch.StartNew();
        await inkwell.SignalAsync(signal);
        Task<TimeSpan> pythonSaw = SeenAsync(python, l => PythonZeroconfPeer.IsEvent(l, "removed", Name), sinceSignal, ct);
        Task<TimeSpan> avahiSaw = SeenAsync(avahiBrowse, l => IsAvahiBrowseLine(l, '-'), sinceSignal, ct);
        int exitStatus = await inkwell.WaitForExitAsync(TimeSpan.FromSeconds(10), ct);
        TimeSpan exited = sinceSignal.Elapsed;

        Assert.True(exitStatus == 0, $"exit status {exitStatus}; inkwell printed:\n{inkwell.Output}");
        TimeSpan pythonRemoval = await pythonSaw;
        TimeSpan avahiRemoval = await avahiSaw;
        log.WriteLine($"{backend}, SIG{signal}: exited after {exited.TotalMilliseconds:F0} ms; removal seen by python-zeroconf after {pythonRemoval.TotalMilliseconds:F0} ms, by avahi-browse after {avahiRemoval.TotalMilliseconds:F0} ms");
        Assert.DoesNotContain("Unhandled exception", inkwell.Output, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Started in the background by a shell without job control (a script, <c>sh -c '… &amp;'</c>), a program inherits SIGINT
    /// ignored, and .NET keeps an inherited SIG_IGN: <c>kill -INT</c> did nothing at all. <c>trap '' INT; exec …</c> gives
    /// inkwell the same inheritance (checked first on the shell's own status); it must still say goodbye and exit 0.
    /// </summary>
    [Fact(Timeout = 180_000)]
    public async Task Register_StartedWithInterruptIgnored_StillStopsOnSigint_AndSaysGoodbye()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        PythonZeroconfPeer.Require();
        await using NetnsLab lab = await NetnsLab.CreateAsync(ct);
        const string IgnoreInterrupt = "trap '' INT; exec \"$0\" \"$@\"";
        string status = (await ProcessRun.RunAsync("sh", ["-c", IgnoreInterrupt, "cat", "/proc/self/status"], cancellationToken: ct)).EnsureSuccess();
        ulong ignored = Convert.ToUInt64(status.Split('\n').Single(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim(), 16);
        Assert.True((ignored & (1UL << (2 - 1))) != 0, "the shell's trap did not leave SIGINT ignored for the program it runs:\n" + status);
        using TestProcess python = PythonZeroconfPeer.Browse(lab.B, Type);
        using TestProcess inkwell = lab.A.Start("sh", ["-c", IgnoreInterrupt, InkwellTool.Dotnet, InkwellTool.Dll, "dns-sd", "--backend", "embedded", "--interface", LabHost.InterfaceName, "-R", Name, Type, ".", "4242"]);

        await WithOutputOnTimeout(inkwell, inkwell.WaitForLineAsync(l => l.Contains("Name now registered and active", StringComparison.Ordinal), TimeSpan.FromSeconds(60), ct));
        await WithOutputOnTimeout(inkwell, python.WaitForLineAsync(l => PythonZeroconfPeer.IsEvent(l, "added", Name), TimeSpan.FromSeconds(30), ct));
        var sinceSignal = Stopwatch.StartNew();
        await inkwell.SignalAsync("INT");
        Task<TimeSpan> pythonSaw = SeenAsync(python, l => PythonZeroconfPeer.IsEvent(l, "removed", Name), sinceSignal, ct);
        int exitStatus = await inkwell.WaitForExitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.True(exitStatus == 0, $"exit status {exitStatus}; inkwell printed:\n{inkwell.Output}");
        log.WriteLine($"SIGINT inherited ignored: removal seen by python-zeroconf after {(await pythonSaw).TotalMilliseconds:F0} ms");
    }

    private static async Task WithOutputOnTimeout(TestProcess inkwell, Task<string> wait)
    {
        try
        {
            await wait;
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\ninkwell printed:\n{inkwell.Output}", timeout);
        }
    }

    /// <summary>An <c>avahi-browse --parsable</c> line for the service, <c>+;veth0;IPv4;Bye\032Svc;_gb._tcp;local</c> (or
    /// <c>-;…</c> when removed): it escapes the space as a decimal byte.</summary>
    private static bool IsAvahiBrowseLine(string line, char kind) =>
        line.StartsWith(kind + ";", StringComparison.Ordinal) && line.Contains($";{Name.Replace(" ", "\\032", StringComparison.Ordinal)};{Type};", StringComparison.Ordinal);

    /// <summary>When (since the signal) the observer printed the removal line; fails unless that came within <see cref="s_goodbyeBound"/>.</summary>
    private static async Task<TimeSpan> SeenAsync(TestProcess observer, Func<string, bool> removal, Stopwatch sinceSignal, CancellationToken ct)
    {
        await observer.WaitForLineAsync(removal, s_goodbyeBound, ct);
        return sinceSignal.Elapsed;
    }

    private static TestProcess StartInkwell(LabHost host, params string[] arguments) => host.StartInkwell(["dns-sd", .. arguments]);
}
