using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Inkwell.Zeroconf.Avahi.Tests.Lab;
using Inkwell.Zeroconf.Internal;
using static Inkwell.Zeroconf.Avahi.Tests.AvahiRegistrationTests;

namespace Inkwell.Zeroconf.Avahi.Tests;

/// <summary>
/// Orderings a real daemon produces only by timing, made certain with a scripted daemon on the lab's bus:
/// signals before the reply, the server not RUNNING, and a group that fails.
/// </summary>
public sealed class AvahiFakeDaemonTests
{
    private const string Type = "_inkwelltest._tcp";

    [Fact(Timeout = 60_000)]
    public async Task BrowseAsync_SignalsSentBeforeTheReplyNamingTheBrowser_AreDelivered()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);
        await using FakeAvahi fake = await FakeAvahi.StartAsync(lab.A, AvahiServerState.Running);
        fake.BrowserItemsBeforeReply = ["Early Bird", "Second Bird"];
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await LabClients.WaitForServerAsync(client, AvahiServerState.Running, ct);

        await using IAsyncEnumerator<AvahiBrowseEvent<AvahiServiceItem>> browse = client.BrowseAsync(Type, cancellationToken: ct).GetAsyncEnumerator(ct);

        AvahiBrowseEvent<AvahiServiceItem> first = await NextAsync(browse, _ => true, ct, TimeSpan.FromSeconds(5));
        AvahiBrowseEvent<AvahiServiceItem> second = await NextAsync(browse, _ => true, ct, TimeSpan.FromSeconds(5));
        AvahiBrowseEvent<AvahiServiceItem> third = await NextAsync(browse, _ => true, ct, TimeSpan.FromSeconds(5));
        Assert.Equal((AvahiBrowseEventKind.Added, "Early Bird"), (first.Kind, first.Item!.Name));
        Assert.Equal((AvahiBrowseEventKind.Added, "Second Bird"), (second.Kind, second.Item!.Name));
        Assert.Equal(AvahiBrowseEventKind.AllForNow, third.Kind);
        Assert.Equal(AvahiLookupResultFlags.Multicast, first.Item.Flags);
    }

    [Fact(Timeout = 60_000)]
    public async Task RegisterAsync_ServerRegistering_AddsNothingUntilRunning()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);
        await using FakeAvahi fake = await FakeAvahi.StartAsync(lab.A, AvahiServerState.Registering);
        var log = new ListLoggerFactory();
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct, loggerFactory: log);
        await LabClients.WaitForServerAsync(client, AvahiServerState.Registering, ct);

        Task<AvahiRegistration> registering = client.RegisterAsync(new AvahiServiceSpec("Waiting", Type, 80), ct);
        // The registration has taken in the REGISTERING state (its loop logs that it waits), and created no group for it.
        await log.WaitForAsync(e => e.Id.Id == 207 && e.Message.Contains("'Waiting'", StringComparison.Ordinal), TimeSpan.FromSeconds(20), ct);
        Assert.False(registering.IsCompleted);
        Assert.DoesNotContain(fake.Calls, c => c.StartsWith("EntryGroup.", StringComparison.Ordinal) || c.StartsWith("Server.EntryGroupNew", StringComparison.Ordinal));

        fake.SetState(AvahiServerState.Running);
        await using AvahiRegistration registration = await registering.WaitAsync(TimeSpan.FromSeconds(10), ct);

        Assert.Equal("EntryGroup.AddService -1 -1 0 Waiting _inkwelltest._tcp   80", await fake.WaitForCallAsync("EntryGroup.AddService", 1, ct));
        Assert.True(registration.IsEstablished);
    }

    [Fact(Timeout = 60_000)]
    public async Task Registration_ServerLeavesRunning_GroupResetThenAddedAgainWhenRunning()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);
        await using FakeAvahi fake = await FakeAvahi.StartAsync(lab.A, AvahiServerState.Running);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await LabClients.WaitForServerAsync(client, AvahiServerState.Running, ct);
        await using AvahiRegistration registration = await client.RegisterAsync(
            new AvahiServiceSpec("Steady", Type, 81) { Subtypes = ["_a._sub." + Type] }, ct);

        fake.SetState(AvahiServerState.Collision); // the host name collided: Avahi re-probes it
        await fake.WaitForCallAsync("EntryGroup.Reset", 1, ct);
        fake.SetState(AvahiServerState.Running);

        await fake.WaitForCallAsync("EntryGroup.AddService", 2, ct);
        Assert.Equal("EntryGroup.AddServiceSubtype -1 -1 0 Steady _inkwelltest._tcp  _a._sub._inkwelltest._tcp",
            await fake.WaitForCallAsync("EntryGroup.AddServiceSubtype", 2, ct));
        await fake.WaitForCallAsync("EntryGroup.Commit", 2, ct);
        Assert.Single(fake.Calls, c => c.StartsWith("Server.EntryGroupNew", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task RegisterAsync_GroupFails_ThrowsAvahiExceptionWithTheDaemonsReasonAndFreesTheGroup()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);
        await using FakeAvahi fake = await FakeAvahi.StartAsync(lab.A, AvahiServerState.Running);
        fake.CommitFailure = "Not permitted";
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await LabClients.WaitForServerAsync(client, AvahiServerState.Running, ct);

        AvahiException exception = await Assert.ThrowsAsync<AvahiException>(
            () => client.RegisterAsync(new AvahiServiceSpec("Doomed", Type, 82), ct));

        Assert.Contains("Not permitted", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Doomed", exception.Message, StringComparison.Ordinal);
        await fake.WaitForCallAsync("EntryGroup.Free", 1, ct);
    }

    [Fact(Timeout = 60_000)]
    public async Task Registration_CollisionAfterEstablished_RenamedReaddedAndTold()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);
        await using FakeAvahi fake = await FakeAvahi.StartAsync(lab.A, AvahiServerState.Running);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await LabClients.WaitForServerAsync(client, AvahiServerState.Running, ct);
        await using AvahiRegistration registration = await client.RegisterAsync(
            new AvahiServiceSpec("Contested", Type, 83) { Txt = TxtData.Encode([new("k", "v")]) }, ct);
        var renamed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        registration.Renamed += (_, name) => renamed.TrySetResult(name);

        fake.CollideGroup(fake.LastGroup!);

        Assert.Equal("Contested #2", await renamed.Task.WaitAsync(TimeSpan.FromSeconds(10), ct));
        Assert.Equal("EntryGroup.AddService -1 -1 0 Contested #2 _inkwelltest._tcp   83", await fake.WaitForCallAsync("EntryGroup.AddService", 2, ct));
        await fake.WaitForCallAsync("EntryGroup.Commit", 2, ct);
        Assert.Equal("Contested #2", registration.Name);
        Assert.Contains("Server.GetAlternativeServiceName Contested", fake.Calls);
        Assert.Single(fake.Calls, c => c.StartsWith("EntryGroup.Reset", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task AvahiBackend_CollisionAfterEstablished_RaisesNameChangedWithBothNames()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);
        await using FakeAvahi fake = await FakeAvahi.StartAsync(lab.A, AvahiServerState.Running);
        await using AvahiBackend backend = await AvahiBackend.ConnectAsync(new AvahiBackendOptions { BusAddress = lab.A.BusAddress }, ct);
        await using ServiceRegistration registration = await backend.RegisterAsync(new ServiceProfile("Contested", Type, 83), ct);
        var renamed = new TaskCompletionSource<(object? Sender, ServiceNameChangedEventArgs Change)>(TaskCreationOptions.RunContinuationsAsynchronously);
        registration.NameChanged += (sender, e) => renamed.TrySetResult((sender, e));

        fake.CollideGroup(fake.LastGroup!);

        (object? sender, ServiceNameChangedEventArgs change) = await renamed.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.Same(registration, sender);
        Assert.Equal("Contested", change.PreviousName);
        Assert.Equal("Contested #2", change.Name);
        Assert.Equal("Contested #2", registration.Name);
    }

    [Fact(Timeout = 60_000)]
    public async Task BrowseAsync_SignalFromAnotherClientSentStraightToUs_Ignored()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);
        await using FakeAvahi fake = await FakeAvahi.StartAsync(lab.A, AvahiServerState.Running);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await LabClients.WaitForServerAsync(client, AvahiServerState.Running, ct);
        await using IAsyncEnumerator<AvahiBrowseEvent<AvahiServiceItem>> browse = client.BrowseAsync(Type, cancellationToken: ct).GetAsyncEnumerator(ct);
        await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.AllForNow, ct);
        using var rogue = new Tmds.DBus.Protocol.DBusConnection(lab.A.BusAddress);
        await rogue.ConnectAsync();

        // A unicast signal reaches its destination whatever its match rules say.
        fake.EmitItemNew(fake.LastBrowser!, "Spoofed", Type, rogue, destination: client.Connection.UniqueName);
        fake.EmitItemNew(fake.LastBrowser!, "Genuine", Type);

        AvahiBrowseEvent<AvahiServiceItem> next = await NextAsync(browse, _ => true, ct, TimeSpan.FromSeconds(5));
        Assert.Equal("Genuine", next.Item!.Name);
    }

    [Fact(Timeout = 60_000)]
    public async Task ConnectAsync_GetStateFailsAtFirst_RetriedSoRegisteringStillWorks()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);
        await using FakeAvahi fake = await FakeAvahi.StartAsync(lab.A, AvahiServerState.Running);
        fake.GetStateFailures = 2;
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);

        await using AvahiRegistration registration = await client.RegisterAsync(new AvahiServiceSpec("Eventually", Type, 84), ct)
            .WaitAsync(TimeSpan.FromSeconds(20), ct);

        Assert.Equal(3, fake.Calls.Count(c => c == "Server.GetState"));
        Assert.True(registration.IsEstablished);
    }

    [Fact(Timeout = 60_000)]
    public async Task BrowseAsync_BrowserFailure_StreamEndsWithAvahiExceptionCarryingTheError()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);
        await using FakeAvahi fake = await FakeAvahi.StartAsync(lab.A, AvahiServerState.Running);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await LabClients.WaitForServerAsync(client, AvahiServerState.Running, ct);
        await using IAsyncEnumerator<AvahiBrowseEvent<AvahiServiceItem>> browse = client.BrowseAsync(Type, cancellationToken: ct).GetAsyncEnumerator(ct);
        await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.AllForNow, ct);

        fake.FailBrowser(fake.LastBrowser!, "Resource temporarily unavailable");

        AvahiException exception = await Assert.ThrowsAsync<AvahiException>(async () => await browse.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5), ct));
        Assert.Contains("Resource temporarily unavailable", exception.Message, StringComparison.Ordinal);
        Assert.Contains(Type, exception.Message, StringComparison.Ordinal);
    }
}
