using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Avahi.Tests.Behaviour;

/// <summary>
/// Through the seam: avahi-daemon stopped and started again under a live registration and a live browse, and the bus
/// itself going away.
/// </summary>
public sealed class AvahiBackendDaemonRestartTests
{
    private const string Type = "_inkwellrestart._tcp";

    [Fact(Timeout = 180_000)]
    public async Task DaemonRestart_RegistrationComesBack_AndTheBrowseGoesOn()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await using IServiceDiscoveryBackend onA = await LabBackends.AvahiAsync(lab.A, ct);
        await using IServiceDiscoveryBackend onB = await LabBackends.AvahiAsync(lab.B, ct);
        await using ServiceRegistration registration = await onA.RegisterAsync(new ServiceProfile("Survivor", Type, 4900), ct);
        await using IAsyncEnumerator<ServiceBrowseEvent> watchFromB = onB.BrowseAsync(Type, ct).GetAsyncEnumerator(ct);
        await using IAsyncEnumerator<ServiceBrowseEvent> browseOnA = onA.BrowseAsync(Type, ct).GetAsyncEnumerator(ct);
        await BrowseWaits.NextAsync(watchFromB, ServiceBrowseEventKind.Added, "Survivor");

        await lab.A.StopAvahiAsync();
        await BrowseWaits.NextAsync(watchFromB, ServiceBrowseEventKind.Removed, "Survivor"); // the stopping daemon said goodbye
        await lab.A.StartAvahiAsync(ct);

        // The registration is re-established by the new daemon under the same name, without the caller doing anything.
        await BrowseWaits.NextAsync(watchFromB, ServiceBrowseEventKind.Added, "Survivor");
        Assert.Equal("Survivor", registration.Name);
        // The browse on A outlived its daemon: it reports a service that appears after the restart.
        await using ServiceRegistration later = await onB.RegisterAsync(new ServiceProfile("After Restart", Type, 4901), ct);
        await BrowseWaits.NextAsync(browseOnA, ServiceBrowseEventKind.Added, "After Restart");
    }

    [Fact(Timeout = 120_000)]
    public async Task BusGoesAway_TheBrowseEndsWithAZeroconfException_AndCallsFail_NothingHangs()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await using AvahiBackend onA = (AvahiBackend)await LabBackends.AvahiAsync(lab.A, ct);
        await using IServiceDiscoveryBackend onB = await LabBackends.AvahiAsync(lab.B, ct);
        await using ServiceRegistration remote = await onB.RegisterAsync(new ServiceProfile("Watched", Type, 4902), ct);
        await using ServiceRegistration local = await onA.RegisterAsync(new ServiceProfile("Orphan", Type, 4903), ct);
        await using LiveBrowse browse = LiveBrowse.Start(onA, Type, ct);
        await browse.NextAsync(e => e.Kind == ServiceBrowseEventKind.Added && e.InstanceName == "Watched", "the remote registration"); // its TXT is being followed now

        await lab.A.StopBusAsync();

        // ZeroconfException is what a caller of the seam catches, whichever backend it got.
        ZeroconfException browseError = Assert.IsAssignableFrom<ZeroconfException>(await browse.EndAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("bus", browseError.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, onA.TxtWatchCount);
        await Assert.ThrowsAnyAsync<ZeroconfException>(
            async () => await onA.RegisterAsync(new ServiceProfile("Too Late", Type, 4904), ct).WaitAsync(TimeSpan.FromSeconds(20), ct));
        await Assert.ThrowsAnyAsync<ZeroconfException>(
            () => onA.ResolveAsync("Watched", Type, ct).WaitAsync(TimeSpan.FromSeconds(20), ct));
        await local.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20), ct);
    }
}
