using Inkwell.Testing.Avahi;

namespace Inkwell.Cli.Tests.DnsSd;

/// <summary><c>inkwell dns-sd --backend</c> end to end: the command registers through a lab host's avahi-daemon.</summary>
public sealed class DnsSdAvahiBackendTests
{
    private const string Type = "_inkwellcli._tcp";

    [Theory(Timeout = 120_000)]
    [InlineData("avahi", "Using the avahi mDNS backend (asked for)")]
    [InlineData("auto", "Using the avahi mDNS backend (avahi-daemon answers on the system bus)")]
    public async Task Register_ThroughAvahi_AnotherHostSeesIt_AndTheChoiceIsLogged(string backend, string logLine)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await lab.A.StartAvahiAsync(ct);
        await lab.B.StartAvahiAsync(ct);

        using TestProcess inkwell = lab.A.StartInkwell(
            "dns-sd", "--backend", backend, "--json", "--interface", lab.A.Interface, "-R", "Cli Service", Type, ".", "4800", "via=cli");

        await inkwell.WaitForLineAsync(l => l.Contains(logLine, StringComparison.Ordinal), TimeSpan.FromSeconds(30), ct);
        await inkwell.WaitForLineAsync(l => l.Contains("\"registered\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30), ct);
        AvahiBrowseLine seen = await LabPeers.BrowseUntilAsync(lab.B, Type, l => l.Name == "Cli Service", ct);
        Assert.Equal(4800, seen.Port);
        Assert.Equal(lab.A.Address, seen.Address);
        Assert.Contains("via=cli", seen.Txt);
        // The daemon owns the host's names: the command registered through it instead of answering on port 5353 itself.
        Assert.Equal(lab.A.HostName + ".local", seen.Host);
    }

    [Fact(Timeout = 120_000)]
    public async Task Browse_JsonMarksLocalInstances_AndIgnoreLocalLeavesThemOut()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await lab.A.StartAvahiAsync(ct);
        await lab.B.StartAvahiAsync(ct);
        using TestProcess here = await LabPeers.PublishAsync(lab.A, "Here", Type, 4801, [], ct);
        using TestProcess there = await LabPeers.PublishAsync(lab.B, "There", Type, 4802, [], ct);

        using TestProcess all = StartInkwell(lab.A, "-B", Type);
        using TestProcess remoteOnly = StartInkwell(lab.A, "-B", Type, "--ignore-local");

        string hereLine = await all.WaitForLineAsync(l => l.Contains("\"name\":\"Here\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30), ct);
        string thereLine = await all.WaitForLineAsync(l => l.Contains("\"name\":\"There\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30), ct);
        Assert.Contains("\"local\":true,\"own\":false", hereLine, StringComparison.Ordinal);
        Assert.Contains("\"local\":false,\"own\":false", thereLine, StringComparison.Ordinal);
        await remoteOnly.WaitForLineAsync(l => l.Contains("\"name\":\"There\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30), ct);
        // Both browses saw "There"; the one ignoring local instances never printed "Here", which the other printed first.
        Assert.DoesNotContain("\"name\":\"Here\"", remoteOnly.Output, StringComparison.Ordinal);
    }

    private static TestProcess StartInkwell(LabHost host, params string[] arguments) => host.StartInkwell(["dns-sd", "--backend", "avahi", "--json", .. arguments]);
}
