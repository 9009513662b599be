using Inkwell.Zeroconf.Backends;
using Microsoft.Extensions.Time.Testing;

namespace Inkwell.Zeroconf.Avahi.Tests.Behaviour;

/// <summary>
/// <see cref="AvahiBackendOptions.TimeProvider"/> is the clock of the backend's own timers: after avahi-daemon restarts,
/// an instance that went away while it was down is reported gone once the grace the new daemon gets to find instances
/// again has passed on that clock, not on the wall clock.
/// </summary>
public sealed class AvahiBackendClockTests
{
    private const string Type = "_inkwellclock._tcp";

    [Fact(Timeout = 180_000)]
    public async Task AfterADaemonRestart_AnInstanceGoneMeanwhile_IsReportedGone_WhenTheBackendsClockPassesTheGrace()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await lab.A.StartAvahiAsync(ct);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using AvahiBackend onA = await AvahiBackend.ConnectAsync(new AvahiBackendOptions { BusAddress = lab.A.BusAddress, TimeProvider = clock }, ct);
        await using IServiceDiscoveryBackend onB = await LabBackends.AvahiAsync(lab.B, ct);
        ServiceRegistration leaver = await onB.RegisterAsync(new ServiceProfile("Leaver", Type, 4910), ct);
        await using IAsyncEnumerator<ServiceBrowseEvent> browse = onA.BrowseAsync(Type, ct).GetAsyncEnumerator(ct);
        await BrowseWaits.NextAsync(browse, ServiceBrowseEventKind.Added, "Leaver");

        // Leaver goes while A's daemon is down, so A hears no goodbye; the restarted daemon simply does not find it.
        await lab.A.StopAvahiAsync();
        await leaver.DisposeAsync();
        await lab.A.StartAvahiAsync(ct);
        await using ServiceRegistration marker = await onB.RegisterAsync(new ServiceProfile("Marker", Type, 4911), ct);
        await BrowseWaits.NextAsync(browse, ServiceBrowseEventKind.Added, "Marker"); // A's new daemon is browsing again

        // Wall-clock time well past the 2 s grace does not report it: only the backend's clock counts.
        Task<bool> pending = browse.MoveNextAsync().AsTask();
        if (await Task.WhenAny(pending, Task.Delay(TimeSpan.FromSeconds(4), ct)) == pending && await pending)
        {
            Assert.False(browse.Current.Kind == ServiceBrowseEventKind.Removed && browse.Current.InstanceName == "Leaver",
                "Leaver was reported gone on the wall clock, before the backend's clock passed the grace.");
            pending = browse.MoveNextAsync().AsTask();
        }

        clock.Advance(TimeSpan.FromSeconds(3));
        using var deadline = new CancellationTokenSource(BrowseWaits.Generous);
        while (await pending.WaitAsync(deadline.Token))
        {
            if (browse.Current.Kind == ServiceBrowseEventKind.Removed && browse.Current.InstanceName == "Leaver")
            {
                return;
            }
            pending = browse.MoveNextAsync().AsTask();
        }
        Assert.Fail("The browse ended before Leaver was reported gone.");
    }
}
