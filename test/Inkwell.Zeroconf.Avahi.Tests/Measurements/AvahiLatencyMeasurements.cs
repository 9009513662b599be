using System.Diagnostics;
using System.Globalization;
using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Inkwell.Zeroconf.Avahi.Tests.Lab;
using static Inkwell.Zeroconf.Avahi.Tests.AvahiRegistrationTests;

namespace Inkwell.Zeroconf.Avahi.Tests.Measurements;

/// <summary>
/// Latency through avahi-daemon in the lab, next to Avahi's own tools doing the same work. Explicit: never part
/// of a normal test run, and it asserts nothing about time. Run it with
/// <c>dotnet test/Inkwell.Zeroconf.Avahi.Tests/bin/Release/net10.0/Inkwell.Zeroconf.Avahi.Tests.dll -explicit only -method "*Measure*" -showliveoutput</c>
/// and copy the lines into docs/benchmarks.md.
/// </summary>
public sealed class AvahiLatencyMeasurements
{
    private const string Type = "_inkwellbench._tcp";
    private const int Runs = 9;

    [Fact(Explicit = true, Timeout = 600_000)]
    public async Task Measure_RegisterToVisibleOnAnotherHost()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await using AvahiClient observer = await LabClients.ConnectAsync(lab.B, ct);
        await using IAsyncEnumerator<AvahiBrowseEvent<AvahiServiceItem>> browse = observer.BrowseAsync(Type, cancellationToken: ct).GetAsyncEnumerator(ct);
        await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.AllForNow, ct);
        var established = new List<double>();
        var inkwell = new List<double>();
        var peer = new List<double>();

        for (int run = 0; run < Runs; run++)
        {
            string name = $"Bench {run}";
            var watch = Stopwatch.StartNew();
            AvahiRegistration registration = await client.RegisterAsync(new AvahiServiceSpec(name, Type, 9000), ct);
            established.Add(watch.Elapsed.TotalMilliseconds);
            await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.Added && e.Item!.Name == name, ct);
            inkwell.Add(watch.Elapsed.TotalMilliseconds);
            await registration.DisposeAsync();
            await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.Removed && e.Item!.Name == name, ct);

            string peerName = $"Peer {run}";
            watch.Restart();
            using TestProcess publish = lab.A.Start("avahi-publish", ["-s", peerName, Type, "9001"]);
            await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.Added && e.Item!.Name == peerName, ct);
            peer.Add(watch.Elapsed.TotalMilliseconds);
            await publish.StopAsync(TimeSpan.FromSeconds(5));
            await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.Removed && e.Item!.Name == peerName, ct);
        }

        Report("register → established (RegisterAsync returns)", established);
        Report("register → visible on the other host (Inkwell through Avahi)", inkwell);
        Report("register → visible on the other host (avahi-publish, incl. process start)", peer);
    }

    [Fact(Explicit = true, Timeout = 600_000)]
    public async Task Measure_BrowseToFirstResult()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        using TestProcess publish = await LabPeers.PublishAsync(lab.B, "Announced", Type, 9002, [], ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await LabPeers.BrowseUntilAsync(lab.A, Type, l => l.Name == "Announced", ct); // in A's cache now
        var inkwell = new List<double>();
        var peer = new List<double>();

        for (int run = 0; run < Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            await using (IAsyncEnumerator<AvahiBrowseEvent<AvahiServiceItem>> browse = client.BrowseAsync(Type, cancellationToken: ct).GetAsyncEnumerator(ct))
            {
                await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.Added, ct);
                inkwell.Add(watch.Elapsed.TotalMilliseconds);
            }

            watch.Restart();
            using TestProcess browser = lab.A.Start("avahi-browse", ["-p", Type]);
            await browser.WaitForLineAsync(l => l.StartsWith("+;", StringComparison.Ordinal), TimeSpan.FromSeconds(20), ct);
            peer.Add(watch.Elapsed.TotalMilliseconds);
            await browser.StopAsync(TimeSpan.FromSeconds(5));
        }

        Report("browse → first result, service already announced (Inkwell through Avahi)", inkwell);
        Report("browse → first result, service already announced (avahi-browse, incl. process start)", peer);
    }

    private static void Report(string what, List<double> samples)
    {
        samples.Sort();
        string line = string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: median {samples[samples.Count / 2]:F0} ms, min {samples[0]:F0} ms, max {samples[^1]:F0} ms ({samples.Count} runs)");
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
    }
}
