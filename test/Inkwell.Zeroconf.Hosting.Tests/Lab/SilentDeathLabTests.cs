
namespace Inkwell.Zeroconf.Hosting.Tests.Lab;

/// <summary>
/// The issue's "one is killed → it drops out as documented", with real parts across the two-host lab: two ZooFinder servers
/// on host A, the client on host B; one server gets SIGKILL, so it sends no goodbye. With the embedded backend the client's
/// failed connections make it reconfirm the instance (RFC 6762 §10.4): nothing answers, its records are flushed ten seconds
/// after the first query and it leaves the endpoints, instead of when its SRV expires two minutes later. With the Avahi
/// backend the server's avahi-daemon sees the killed app's D-Bus connection close and withdraws its service with goodbyes.
/// Either way the client keeps working on the live instance.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class SilentDeathLabTests
{
    private static readonly TimeSpan s_start = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The documented bound is ten seconds after the first failed connection (embedded) or a second after the kill (Avahi);
    /// the rest is slack for a loaded machine: this only fails when the instance would otherwise wait for its SRV to expire.
    /// </summary>
    private static readonly TimeSpan s_dropLimit = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Client_InstanceKilledWithoutGoodbye_LeavesTheEndpoints_ClientKeepsWorkingOnTheOther(bool grpc, bool avahi)
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        await using ZooLab lab = await ZooLab.CreateAsync(grpc, avahi, cancellationToken);
        TestProcess[] servers = [lab.StartServer("zoo-1", "zoo-host-1"), lab.StartServer("zoo-2", "zoo-host-2")];
        foreach (TestProcess server in servers)
        {
            await server.WaitForLineAsync(l => l.StartsWith("registered ", StringComparison.Ordinal), s_start, cancellationToken);
        }
        // The DNS-SD watch's debug log says when an instance leaves the endpoints.
        TestProcess client = lab.StartClient(TimeSpan.FromMilliseconds(100), "--Logging:LogLevel:Inkwell.Zeroconf.Hosting=Debug");
        foreach (string name in (string[])["zoo-1", "zoo-2"])
        {
            await client.WaitForLineAsync(l => l.EndsWith(" " + name, StringComparison.Ordinal), s_start, cancellationToken);
        }

        long killed = ZooLab.Now;
        servers[0].Kill(); // SIGKILL: no goodbye
        await client.WaitForLineAsync(l =>
            l.Contains("zoo-1 (_zoo._tcp) did not answer", StringComparison.Ordinal)
            || l.Contains("zoo-1 (_zoo._tcp) stopped answering", StringComparison.Ordinal)
            || l.Contains("zoo-1 (_zoo._tcp) is gone", StringComparison.Ordinal), s_dropLimit, cancellationToken);
        long dropped = ZooLab.Now;

        // From a second after it left on: every request answered, by zoo-2.
        await client.WaitForLineAsync(_ => ZooLab.Answers(client).Count(a => a.Time > dropped + 1_000) >= 10, s_start, cancellationToken);
        List<(long Time, string Answer)> answers = ZooLab.Answers(client);
        List<(long Time, string Answer)> after = [.. answers.Where(a => a.Time > dropped + 1_000)];
        Assert.All(after, a => Assert.Equal("zoo-2", a.Answer));
        // While it was still listed, the live instance kept answering.
        Assert.Contains(answers, a => a.Time > killed && a.Answer == "zoo-2");

        List<long> failures = [.. answers.Where(a => a.Time > killed && a.Answer.StartsWith("error", StringComparison.Ordinal)).Select(a => a.Time)];
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{(grpc ? "gRPC" : "HTTP")}, {(avahi ? "Avahi" : "embedded")}: zoo-1 left the endpoints {dropped - killed} ms after SIGKILL; " +
            $"{failures.Count} failed requests, the last {(failures.Count > 0 ? failures.Max() - killed : 0)} ms after SIGKILL");
    }
}
