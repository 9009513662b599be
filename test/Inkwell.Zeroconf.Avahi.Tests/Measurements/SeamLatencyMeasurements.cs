using System.Diagnostics;
using System.Globalization;
using Inkwell.Zeroconf.Avahi.Tests.Behaviour;
using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Avahi.Tests.Measurements;

/// <summary>
/// The same work through <see cref="IServiceDiscoveryBackend"/> with each backend on both lab hosts, side by side.
/// Explicit: never part of a normal run, and it asserts nothing about time. Run it with
/// <c>dotnet test/Inkwell.Zeroconf.Avahi.Tests/bin/Release/net10.0/Inkwell.Zeroconf.Avahi.Tests.dll -explicit only -class "*SeamLatencyMeasurements" -showliveoutput</c>.
/// </summary>
public sealed class SeamLatencyMeasurements
{
    private const string Type = "_inkwellseam._tcp";
    private const int Runs = 9;

    [Theory(Explicit = true, Timeout = 600_000)]
    [InlineData("embedded")]
    [InlineData("avahi")]
    public async Task Measure_RegisterToVisible_AndBrowseToFirstResult(string kind)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await using IServiceDiscoveryBackend onA = kind == "avahi" ? await LabBackends.AvahiAsync(lab.A, ct) : LabBackends.Embedded(lab.A);
        await using IServiceDiscoveryBackend onB = kind == "avahi" ? await LabBackends.AvahiAsync(lab.B, ct) : LabBackends.Embedded(lab.B);
        await using IAsyncEnumerator<ServiceBrowseEvent> watch = onB.BrowseAsync(Type, ct).GetAsyncEnumerator(ct);
        var visible = new List<double>();
        var firstResult = new List<double>();

        for (int run = 0; run < Runs; run++)
        {
            string name = $"Seam {run}";
            var clock = Stopwatch.StartNew();
            ServiceRegistration registration = await onA.RegisterAsync(new ServiceProfile(name, Type, 9100), ct);
            await BrowseWaits.NextAsync(watch, ServiceBrowseEventKind.Added, name);
            visible.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            await using (IAsyncEnumerator<ServiceBrowseEvent> fresh = onB.BrowseAsync(Type, ct).GetAsyncEnumerator(ct))
            {
                await BrowseWaits.NextAsync(fresh, ServiceBrowseEventKind.Added, name);
                firstResult.Add(clock.Elapsed.TotalMilliseconds);
            }

            await registration.DisposeAsync();
            await BrowseWaits.NextAsync(watch, ServiceBrowseEventKind.Removed, name);
        }

        Report($"{kind}: register → visible on the other host", visible);
        Report($"{kind}: browse start → first result, service already announced", firstResult);
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
