using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Avahi.Tests.Behaviour;

/// <summary>
/// <see cref="ServiceBrowseEventKind.Updated"/> through Avahi, which reports no TXT changes itself: the backend follows each
/// browsed instance's TXT record with a RecordBrowser (the shared suite covers an update seen from the other host).
/// </summary>
public sealed class AvahiBackendTxtUpdateTests
{
    private const string Type = "_inkwelltxt._tcp";

    [Fact(Timeout = 120_000)]
    public async Task UpdateTxt_OfItsOwnRegistration_ItsOwnBrowseReportsUpdated_DotsInTheNameIncluded()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await using IServiceDiscoveryBackend onA = await LabBackends.AvahiAsync(lab.A, ct);
        await using ServiceRegistration registration = await onA.RegisterAsync(new ServiceProfile(@"Mr. Mine\2", Type, 4920) { Txt = [new("v", "1")] }, ct);
        await using LiveBrowse browse = LiveBrowse.Start(onA, Type, ct);
        await browse.NextAsync(e => e.Kind == ServiceBrowseEventKind.Added && e.InstanceName == @"Mr. Mine\2", "the registration");
        await BrowseWaits.UntilTxtFollowedAsync(onA, 1, ct);

        await registration.UpdateTxtAsync([new("v", "2")], ct);

        ServiceBrowseEvent updated = await browse.NextAsync(e => e.Kind == ServiceBrowseEventKind.Updated, "the update");
        Assert.Equal(@"Mr. Mine\2", updated.InstanceName); // its TXT record is asked for as Mr\. Mine\\2._inkwelltxt._tcp.local
        Assert.Equal("2", updated.Txt!["v"]);
        Assert.True(updated.IsOwn && updated.IsLocal);
    }

    [Fact(Timeout = 180_000)]
    public async Task TxtChangedWhileTheDaemonWasDown_IsReportedAsUpdated_WhenTheDaemonIsBack()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await using IServiceDiscoveryBackend onA = await LabBackends.AvahiAsync(lab.A, ct);
        await using IServiceDiscoveryBackend onB = await LabBackends.AvahiAsync(lab.B, ct);
        await using ServiceRegistration remote = await onB.RegisterAsync(new ServiceProfile("Remote", Type, 4921) { Txt = [new("v", "1")] }, ct);
        await using LiveBrowse browse = LiveBrowse.Start(onA, Type, ct);
        await browse.NextAsync(e => e.Kind == ServiceBrowseEventKind.Added && e.InstanceName == "Remote", "the remote registration");
        await BrowseWaits.UntilTxtFollowedAsync(onA, 1, ct);
        await remote.UpdateTxtAsync([new("v", "2")], ct);
        await browse.NextAsync(e => e.Kind == ServiceBrowseEventKind.Updated && e.Txt?.GetValueOrDefault("v") == "2", "the first update");

        await lab.A.StopAvahiAsync();
        await remote.UpdateTxtAsync([new("v", "3")], ct);
        await lab.A.StartAvahiAsync(ct);

        // The new daemon finds the instance again (neither removed nor added again) with a different TXT: an update.
        ServiceBrowseEvent next = await browse.NextAsync(e => e.InstanceName == "Remote", "the instance after the restart");
        Assert.Equal(ServiceBrowseEventKind.Updated, next.Kind);
        Assert.Equal("3", next.Txt!["v"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task TxtWatches_StopWhenTheInstanceGoes_AndWhenTheBrowseEnds()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await using AvahiBackend onA = (AvahiBackend)await LabBackends.AvahiAsync(lab.A, ct);
        await using IServiceDiscoveryBackend onB = await LabBackends.AvahiAsync(lab.B, ct);
        ServiceRegistration leaving = await onB.RegisterAsync(new ServiceProfile("Leaving", Type, 4922), ct);
        await using ServiceRegistration staying = await onB.RegisterAsync(new ServiceProfile("Staying", Type, 4923), ct);

        using (var browsing = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            await using LiveBrowse browse = LiveBrowse.Start(onA, Type, browsing.Token);
            var added = new HashSet<string>();
            await browse.NextAsync(e => e.Kind == ServiceBrowseEventKind.Added && added.Add(e.InstanceName) && added.Count == 2, "both instances");
            Assert.Equal(2, onA.TxtWatchCount);

            await leaving.DisposeAsync();
            await browse.NextAsync(e => e.Kind == ServiceBrowseEventKind.Removed && e.InstanceName == "Leaving", "the goodbye");
            Assert.Equal(1, onA.TxtWatchCount); // stopped before the removal was reported

            await browsing.CancelAsync();
            Assert.IsAssignableFrom<OperationCanceledException>(await browse.EndAsync(TimeSpan.FromSeconds(20)));
        }
        Assert.Equal(0, onA.TxtWatchCount);
    }
}
