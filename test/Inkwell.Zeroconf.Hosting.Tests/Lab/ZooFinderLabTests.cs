
namespace Inkwell.Zeroconf.Hosting.Tests.Lab;

/// <summary>
/// The issue's end-to-end check with real parts: three ASP.NET Core apps on host A announce themselves on port 0, an
/// HttpClient on host B finds them by name through Microsoft.Extensions.ServiceDiscovery and spreads its requests over them;
/// one stops gracefully and gets no request a second after its goodbye; a new one, asking for a name already taken, is
/// renamed and gets requests. The same through a gRPC channel and the <c>dnssd</c> resolver, and each with the embedded
/// backend and with the Avahi backend (avahi-daemon on both hosts).
/// </summary>
[Collection(LabCollection.Name)]
public sealed class ZooFinderLabTests
{
    private static readonly TimeSpan s_start = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Client_ThroughDnsSd_SpreadsOverInstances_AndFollowsThemComingAndGoing(bool grpc, bool avahi)
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        await using ZooLab lab = await ZooLab.CreateAsync(grpc, avahi, cancellationToken);
        TestProcess[] servers = [lab.StartServer("zoo-1", "zoo-host-1"), lab.StartServer("zoo-2", "zoo-host-2"), lab.StartServer("zoo-3", "zoo-host-3")];
        foreach (TestProcess server in servers)
        {
            await server.WaitForLineAsync(l => l.StartsWith("registered ", StringComparison.Ordinal), s_start, cancellationToken);
        }

        // Spread: every instance answers, none gets the lion's share (the default selector is round-robin).
        TestProcess client = lab.StartClient(TimeSpan.FromMilliseconds(50));
        foreach (string name in (string[])["zoo-1", "zoo-2", "zoo-3"])
        {
            await client.WaitForLineAsync(l => l.EndsWith(" " + name, StringComparison.Ordinal), s_start, cancellationToken);
        }
        long windowStart = ZooLab.Now;
        List<(long Time, string Answer)> Window() => [.. ZooLab.Answers(client).Where(a => a.Time >= windowStart)];
        await Eventually.TrueAsync(() => Window().Count >= 30, () => $"only {Window().Count} answers since the window opened:\n{client.Output}", s_start, cancellationToken);
        List<(long Time, string Answer)> window = Window();
        foreach (string name in (string[])["zoo-1", "zoo-2", "zoo-3"])
        {
            int count = window.Count(a => a.Answer == name);
            Assert.True(count >= window.Count / 5, $"{name} answered {count} of {window.Count}:\n{string.Join('\n', window.Select(a => a.Answer))}");
        }

        // Graceful stop: the goodbye goes out before the server stops; browsers drop the instance a second later
        // (RFC 6762 §10.1), while the server still serves (DrainDelay), so no request fails.
        long stopped = ZooLab.Now;
        await servers[1].StopAsync(TimeSpan.FromSeconds(20));
        Assert.True(servers[1].HasExited);
        // Answers from later than the bound below, so a late answer from zoo-2 would be in the list by now.
        await Eventually.TrueAsync(() => ZooLab.Answers(client).Any(a => a.Time > stopped + 1_500), () => $"no answer after the stop:\n{client.Output}", s_start, cancellationToken);
        long lastAnswerFromStopped = ZooLab.Answers(client).Where(a => a.Answer == "zoo-2").Select(a => a.Time).DefaultIfEmpty(stopped).Max();
        // One second after the goodbye (RFC 6762 §10.1); the rest is the signal, the shutdown and a loaded machine.
        Assert.True(lastAnswerFromStopped - stopped <= 1_500,
            $"zoo-2 still answered {lastAnswerFromStopped - stopped} ms after it was stopped:\n{servers[1].Output}");

        // A new instance asking for a name in use is renamed (logged, visible to the app) and gets requests.
        TestProcess newcomer = lab.StartServer("zoo-1", "zoo-host-4");
        string registered = await newcomer.WaitForLineAsync(l => l.StartsWith("registered ", StringComparison.Ordinal), s_start, cancellationToken);
        string newName = registered["registered ".Length..registered.LastIndexOf(' ')];
        Assert.NotEqual("zoo-1", newName);
        Assert.StartsWith("zoo-1", newName, StringComparison.Ordinal);
        // The warning comes through the console logger's own queue, perhaps after the line above.
        await newcomer.WaitForLineAsync(l => l.Contains($"the name zoo-1 (_zoo._tcp) is taken on the network; announced as {newName}", StringComparison.Ordinal), TimeSpan.FromSeconds(5), cancellationToken);
        long announced = ZooLab.Now;
        await client.WaitForLineAsync(l => l.EndsWith(" " + newName, StringComparison.Ordinal), TimeSpan.FromSeconds(10), cancellationToken);
        long firstAnswerFromNewcomer = ZooLab.Answers(client).First(a => a.Answer == newName).Time;
        // The others keep answering alongside the newcomer.
        await Eventually.TrueAsync(
            () => ZooLab.Answers(client) is var answers && answers.Any(a => a.Time > firstAnswerFromNewcomer && a.Answer == "zoo-1") && answers.Any(a => a.Time > firstAnswerFromNewcomer && a.Answer == "zoo-3"),
            () => $"zoo-1 and zoo-3 stopped answering once {newName} came:\n{client.Output}", s_start, cancellationToken);

        List<(long Time, string Answer)> all = ZooLab.Answers(client);
        Assert.DoesNotContain(all, a => a.Answer.StartsWith("error", StringComparison.Ordinal));
        Assert.Contains(all, a => a.Time > firstAnswerFromNewcomer && a.Answer == "zoo-1");
        Assert.Contains(all, a => a.Time > firstAnswerFromNewcomer && a.Answer == "zoo-3");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{(grpc ? "gRPC" : "HTTP")}, {(avahi ? "Avahi" : "embedded")}: last answer from the stopped instance {lastAnswerFromStopped - stopped} ms after SIGTERM; first from the newcomer {firstAnswerFromNewcomer - announced} ms after it announced");
    }
}
