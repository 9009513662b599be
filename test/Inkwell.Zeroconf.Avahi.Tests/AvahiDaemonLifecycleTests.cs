using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Avahi.Tests.Lab;
using Inkwell.Zeroconf.Internal;
using static Inkwell.Zeroconf.Avahi.Tests.AvahiRegistrationTests;

namespace Inkwell.Zeroconf.Avahi.Tests;

/// <summary>The daemon stopping and coming back, and the bus going away, under live registrations and browses.</summary>
public sealed class AvahiDaemonLifecycleTests
{
    private const string Type = "_inkwelltest._tcp";

    [Fact(Timeout = 120_000)]
    public async Task DaemonRestart_LiveRegistrationAndBrowse_RegistrationReestablishedAndBrowseResumesWithoutDuplicates()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        TestProcess remote = await LabPeers.PublishAsync(lab.B, "Remote Service", Type, 2001, [], ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await using AvahiRegistration registration = await client.RegisterAsync(
            new AvahiServiceSpec("Survivor", Type, 2000) { Txt = TxtData.Encode([new("v", "1")]) }, ct);
        await using IAsyncEnumerator<AvahiBrowseEvent<AvahiServiceItem>> browse = client.BrowseAsync(Type, cancellationToken: ct).GetAsyncEnumerator(ct);
        await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.Added && e.Item!.Name == "Remote Service", ct);
        await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.AllForNow, ct);
        await LabPeers.BrowseUntilAsync(lab.B, Type, l => l.Name == "Survivor", ct);

        await lab.A.StopAvahiAsync();
        await LabClients.WaitForServerAsync(client, state: null, ct);
        Assert.False(registration.IsEstablished);
        // A TXT change while the daemon is away is kept and goes out with the re-registration.
        await registration.UpdateTxtAsync(TxtData.Encode([new("v", "2")]), ct);
        await lab.A.StartAvahiAsync(ct);

        // The registration is back, with its latest TXT, as seen from the other host.
        await LabPeers.BrowseUntilAsync(lab.B, Type, l => l.Name == "Survivor" && l.Txt.Contains("v=2"), ct, TimeSpan.FromSeconds(30));
        Assert.Equal("Survivor", registration.Name);
        // The browse resumed: the new daemon's browser finds the remote service again, which is not reported a
        // second time (nor removed in between), and it still follows changes: the remote service leaving is reported.
        // (Our own service may be reported removed and added again: it really was gone while the daemon was down.)
        await remote.StopAsync(TimeSpan.FromSeconds(5));
        remote.Dispose();
        var afterRestart = new List<AvahiBrowseEvent<AvahiServiceItem>>();
        AvahiBrowseEvent<AvahiServiceItem> removed = await NextAsync(
            browse, e => { afterRestart.Add(e); return e.Kind == AvahiBrowseEventKind.Removed && e.Item!.Name == "Remote Service"; }, ct, TimeSpan.FromSeconds(30));
        Assert.Single(afterRestart, e => e.Item?.Name == "Remote Service");
        Assert.Equal("Remote Service", removed.Item!.Name);
    }

    [Fact(Timeout = 120_000)]
    public async Task DaemonRestart_ServiceGoneMeanwhile_ReportedRemovedAfterTheNewBrowsersAllForNow()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        TestProcess remote = await LabPeers.PublishAsync(lab.B, "Gone Meanwhile", Type, 2002, [], ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await using IAsyncEnumerator<AvahiBrowseEvent<AvahiServiceItem>> browse = client.BrowseAsync(Type, cancellationToken: ct).GetAsyncEnumerator(ct);
        await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.Added && e.Item!.Name == "Gone Meanwhile", ct);

        await lab.A.StopAvahiAsync();
        await LabClients.WaitForServerAsync(client, state: null, ct);
        // Kill -9: no goodbye, so only the absence after the restart can tell.
        remote.Kill();
        remote.Dispose();
        await lab.A.StartAvahiAsync(ct);

        AvahiBrowseEvent<AvahiServiceItem> removed = await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.Removed, ct, TimeSpan.FromSeconds(30));
        Assert.Equal("Gone Meanwhile", removed.Item!.Name);
    }

    [Fact(Timeout = 120_000)]
    public async Task RegisterAsync_DaemonNotRunningYet_CompletesOnceItStarts()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await lab.B.StartAvahiAsync(ct);
        var log = new ListLoggerFactory();
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct, loggerFactory: log);

        Task<AvahiRegistration> registering = client.RegisterAsync(new AvahiServiceSpec("Patient", Type, 2003), ct);
        // The registration has seen that no daemon is there (its loop logs that it waits), and waits.
        await log.WaitForAsync(e => e.Id.Id == 207 && e.Message.Contains("'Patient'", StringComparison.Ordinal), TimeSpan.FromSeconds(20), ct);
        Assert.False(registering.IsCompleted);
        await lab.A.StartAvahiAsync(ct);

        await using AvahiRegistration registration = await registering.WaitAsync(TimeSpan.FromSeconds(30), ct);
        await LabPeers.BrowseUntilAsync(lab.B, Type, l => l.Name == "Patient", ct);
    }

    [Fact(Timeout = 120_000)]
    public async Task BusGoesAway_LiveBrowseAndRegistration_BrowseFailsWithAvahiExceptionAndNothingHangs()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        AvahiRegistration registration = await client.RegisterAsync(new AvahiServiceSpec("Orphan", Type, 2004), ct);
        await using IAsyncEnumerator<AvahiBrowseEvent<AvahiServiceItem>> browse = client.BrowseAsync(Type, cancellationToken: ct).GetAsyncEnumerator(ct);
        await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.AllForNow, ct);

        await lab.A.StopBusAsync();

        AvahiException browseError = await Assert.ThrowsAsync<AvahiException>(async () =>
        {
            while (await browse.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct))
            {
            }
        });
        Assert.Contains("bus", browseError.Message, StringComparison.OrdinalIgnoreCase);
        AvahiException registerError = await Assert.ThrowsAsync<AvahiException>(
            () => client.RegisterAsync(new AvahiServiceSpec("Too Late", Type, 2005), ct).WaitAsync(TimeSpan.FromSeconds(10), ct));
        Assert.Contains("bus", registerError.Message, StringComparison.OrdinalIgnoreCase);
        AvahiException resolveError = await Assert.ThrowsAsync<AvahiException>(
            () => client.ResolveAsync("Orphan", Type, cancellationToken: ct).WaitAsync(TimeSpan.FromSeconds(10), ct));
        Assert.Contains("bus", resolveError.Message, StringComparison.OrdinalIgnoreCase);
        AvahiException updateError = await Assert.ThrowsAsync<AvahiException>(
            () => registration.UpdateTxtAsync([], ct).WaitAsync(TimeSpan.FromSeconds(10), ct));
        Assert.Contains("bus", updateError.Message, StringComparison.OrdinalIgnoreCase);
        await registration.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => registration.UpdateTxtAsync([], ct));
    }

    [Fact(Timeout = 120_000)]
    public async Task ClientDisposed_LiveBrowseAndRegistration_BrowseEndsWithAvahiExceptionAndServiceIsWithdrawn()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        AvahiRegistration registration = await client.RegisterAsync(new AvahiServiceSpec("Short Lived", Type, 2006), ct);
        await using IAsyncEnumerator<AvahiBrowseEvent<AvahiServiceItem>> browse = client.BrowseAsync(Type, cancellationToken: ct).GetAsyncEnumerator(ct);
        await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.AllForNow, ct);
        await LabPeers.BrowseUntilAsync(lab.B, Type, l => l.Name == "Short Lived", ct);

        await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);

        AvahiException browseError = await Assert.ThrowsAsync<AvahiException>(async () =>
        {
            while (await browse.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct))
            {
            }
        });
        Assert.Contains("disposed", browseError.Message, StringComparison.Ordinal);
        await registration.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.RegisterAsync(new AvahiServiceSpec("After", Type, 1), ct));
        // Avahi frees a closed connection's groups and says goodbye for them.
        await LabPeers.BrowseUntilGoneAsync(lab.B, Type, l => l.Name == "Short Lived", ct);
        await client.DisposeAsync(); // twice is fine
    }

    [Fact(Timeout = 120_000)]
    public async Task ResolveAsync_DaemonStopsMeanwhile_FailsAtOnceSayingTheDaemonWentAway()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await LabClients.WaitForServerAsync(client, AvahiServerState.Running, ct);
        Task<AvahiResolvedService> resolving = client.ResolveAsync("Nobody Home", Type, cancellationToken: ct);
        await Task.Delay(200, ct); // the resolver request reaches the daemon first; nothing the client exposes marks that moment

        await lab.A.StopAvahiAsync();

        // Well before Avahi's own 5 s resolver timeout could have said anything.
        AvahiException exception = await Assert.ThrowsAsync<AvahiException>(() => resolving.WaitAsync(TimeSpan.FromSeconds(3), ct));
        Assert.Contains("went away", exception.Message, StringComparison.Ordinal);
    }
}
