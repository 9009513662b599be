using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Avahi.Tests.Behaviour;

/// <summary>
/// What every backend behind <see cref="DnsServiceDiscovery"/> must do, checked between two lab hosts over real multicast:
/// a backend of the kind under test registers on host A and another of the same kind observes from host B.
/// Each concrete subclass sets up one kind of backend; the cases are the same.
/// </summary>
public abstract class BackendBehaviourTests
{
    private const string Type = "_inkwellsuite._tcp";

    /// <summary>Builds the lab and a backend on each host; skips the test with a reason when the machine cannot.</summary>
    internal abstract Task<BackendPair> CreatePairAsync(CancellationToken cancellationToken);

    /// <summary>Another backend of the same kind on host A, as a second program there would have.</summary>
    internal abstract Task<IServiceDiscoveryBackend> CreateNeighbourOnAAsync(BackendPair pair, CancellationToken cancellationToken);

    /// <summary>The name a backend picks when <paramref name="name"/> is taken: "Name (2)" embedded, "Name #2" with Avahi.</summary>
    protected abstract string SecondName(string name);

    [Fact(Timeout = 120_000)]
    public async Task Register_TheOtherHostBrowsesAndResolvesIt()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using BackendPair pair = await CreatePairAsync(ct);

        await using ServiceRegistration registration = await pair.OnA.RegisterAsync(
            new ServiceProfile("Suite Service", Type, 4711) { Txt = [new("path", "/suite"), new("ro", null)] }, ct);

        Assert.Equal("Suite Service", registration.Name);
        Assert.Equal(Type, registration.ServiceType);
        Assert.Equal(4711, registration.Port);
        ServiceBrowseEvent added = await BrowseWaits.UntilAsync(
            pair.OnB.BrowseAsync(Type, ct), e => e.Kind == ServiceBrowseEventKind.Added && e.InstanceName == "Suite Service", "the registration", ct);
        Assert.Equal(Type, added.ServiceType);
        Assert.Equal("local", added.Domain);
        Assert.Equal(LabHost.InterfaceName, added.InterfaceName);
        ResolvedService resolved = await BrowseWaits.ResolveUntilAsync(pair.OnB, "Suite Service", Type, _ => true, ct);
        Assert.Equal(4711, resolved.Port);
        Assert.Equal(pair.Lab.A.HostName + ".local", resolved.HostName.TrimEnd('.'));
        Assert.Contains(resolved.Addresses, a => a.ToString() == pair.Lab.A.Address);
        Assert.Equal("/suite", resolved.Txt["path"]);
        Assert.True(resolved.Txt.ContainsKey("RO")); // keys compare case-insensitively
        Assert.Null(resolved.Txt["ro"]);
        Assert.Equal(LabHost.InterfaceName, resolved.InterfaceName);
    }

    [Fact(Timeout = 120_000)]
    public async Task Browse_MarksTheInstance_OwnForItsRegistrar_LocalForAnotherProgramOnTheHost_NeitherForTheOtherHost()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using BackendPair pair = await CreatePairAsync(ct);
        await using IServiceDiscoveryBackend neighbour = await CreateNeighbourOnAAsync(pair, ct);
        await using ServiceRegistration registration = await pair.OnA.RegisterAsync(new ServiceProfile("Marked", Type, 4719), ct);

        ServiceBrowseEvent own = await AddedAsync(pair.OnA);
        ServiceBrowseEvent local = await AddedAsync(neighbour);
        ServiceBrowseEvent remote = await AddedAsync(pair.OnB);

        Assert.True(own.IsOwn, $"own: {own}");
        Assert.True(own.IsLocal, $"own: {own}");
        Assert.False(local.IsOwn, $"local: {local}");
        Assert.True(local.IsLocal, $"local: {local}");
        Assert.False(remote.IsOwn, $"remote: {remote}");
        Assert.False(remote.IsLocal, $"remote: {remote}");

        Task<ServiceBrowseEvent> AddedAsync(IServiceDiscoveryBackend backend) => BrowseWaits.UntilAsync(
            backend.BrowseAsync(Type, ct), e => e.Kind == ServiceBrowseEventKind.Added && e.InstanceName == "Marked", "the registration", ct);
    }

    [Fact(Timeout = 120_000)]
    public async Task UpdateTxt_TheOtherHostsBrowseReportsUpdatedWithTheNewTxt_AndResolvesIt()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using BackendPair pair = await CreatePairAsync(ct);
        await using ServiceRegistration registration = await pair.OnA.RegisterAsync(
            new ServiceProfile("Txt Service", Type, 4712) { Txt = [new("v", "1")] }, ct);
        await using LiveBrowse browse = LiveBrowse.Start(pair.OnB, Type, ct);
        await browse.NextAsync(e => e.Kind == ServiceBrowseEventKind.Added && e.InstanceName == "Txt Service", "the registration");
        await BrowseWaits.ResolveUntilAsync(pair.OnB, "Txt Service", Type, r => r.Txt.GetValueOrDefault("v") == "1", ct);
        await BrowseWaits.UntilTxtFollowedAsync(pair.OnB, 1, ct);

        await registration.UpdateTxtAsync([new("v", "2"), new("extra", "yes")], ct);

        ServiceBrowseEvent updated = await browse.NextAsync(e => e.Kind == ServiceBrowseEventKind.Updated && e.InstanceName == "Txt Service" && e.Txt?.GetValueOrDefault("v") == "2", "the update");
        Assert.Equal("yes", updated.Txt!["EXTRA"]);
        Assert.Equal(LabHost.InterfaceName, updated.InterfaceName);
        Assert.False(updated.IsLocal);
        ResolvedService resolved = await BrowseWaits.ResolveUntilAsync(pair.OnB, "Txt Service", Type, r => r.Txt.GetValueOrDefault("v") == "2", ct);
        Assert.Equal("yes", resolved.Txt["extra"]);
        Assert.Equal("Txt Service", registration.Name); // a TXT change is no rename

        // Its removal still comes through after the update (the TXT watch stops first).
        await registration.DisposeAsync();
        await browse.NextAsync(e => e.Kind == ServiceBrowseEventKind.Removed && e.InstanceName == "Txt Service", "the goodbye");
    }

    [Fact(Timeout = 120_000)]
    public async Task RegisterAndUpdateTxt_KeysOutsideRfc6763_AreRejected_AndTheRegisteredTxtStays()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using BackendPair pair = await CreatePairAsync(ct);
        string[] badKeys = ["", "a=b", "clé", "tab\tkey", "del\u007F"]; // §6.4: printable US-ASCII without '='

        foreach (string key in badKeys)
        {
            await Assert.ThrowsAsync<ArgumentException>(async () =>
                await pair.OnA.RegisterAsync(new ServiceProfile("Bad Key", Type, 4716) { Txt = [new(key, "v")] }, ct));
        }
        await using ServiceRegistration registration = await pair.OnA.RegisterAsync(
            new ServiceProfile("Good Key", Type, 4716) { Txt = [new("v", "1")] }, ct);
        foreach (string key in badKeys)
        {
            await Assert.ThrowsAsync<ArgumentException>(async () => await registration.UpdateTxtAsync([new(key, "2")], ct));
        }

        ResolvedService resolved = await BrowseWaits.ResolveUntilAsync(pair.OnB, "Good Key", Type, _ => true, ct);
        Assert.Equal("1", resolved.Txt["v"]);
        Assert.Single(resolved.Txt);
    }

    [Fact(Timeout = 120_000)]
    public async Task Register_NameTakenOnTheOtherHost_RenamesAndBothAreBrowsable()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using BackendPair pair = await CreatePairAsync(ct);
        await using ServiceRegistration first = await pair.OnA.RegisterAsync(new ServiceProfile("Clash", Type, 4713), ct);
        await BrowseWaits.UntilAsync(pair.OnB.BrowseAsync(Type, ct), e => e.InstanceName == "Clash", "the first registration", ct);

        await using ServiceRegistration second = await pair.OnB.RegisterAsync(new ServiceProfile("Clash", Type, 4714), ct);

        Assert.Equal("Clash", first.Name);
        Assert.Equal(SecondName("Clash"), second.Name);
        ResolvedService renamed = await BrowseWaits.ResolveUntilAsync(pair.OnA, second.Name, Type, _ => true, ct);
        Assert.Equal(4714, renamed.Port);
        Assert.Contains(renamed.Addresses, a => a.ToString() == pair.Lab.B.Address);
    }

    [Fact(Timeout = 120_000)]
    public async Task DisposeRegistration_SaysGoodbye_TheOtherHostSeesItRemoved()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using BackendPair pair = await CreatePairAsync(ct);
        await using LiveBrowse browse = LiveBrowse.Start(pair.OnB, Type, ct);
        ServiceRegistration registration = await pair.OnA.RegisterAsync(new ServiceProfile("Leaving", Type, 4715), ct);
        await browse.NextAsync(e => e.Kind == ServiceBrowseEventKind.Added && e.InstanceName == "Leaving", "the registration");

        await registration.DisposeAsync();

        // The records' TTL is 75 minutes: only a goodbye (TTL 0) removes the instance this soon.
        await browse.NextAsync(e => e.Kind == ServiceBrowseEventKind.Removed && e.InstanceName == "Leaving", "the goodbye");
        await registration.DisposeAsync(); // twice is fine
    }

    [Fact(Timeout = 120_000)]
    public async Task RegisterWithSubtype_TheOtherHostFindsItBySubtype()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using BackendPair pair = await CreatePairAsync(ct);

        await using ServiceRegistration registration = await pair.OnA.RegisterAsync(
            new ServiceProfile("Colour Printer", Type, 4717) { Subtypes = ["_color"] }, ct);

        await BrowseWaits.UntilAsync(pair.OnB.BrowseAsync("_color._sub." + Type, ct),
            e => e.Kind == ServiceBrowseEventKind.Added && e.InstanceName == "Colour Printer", "the subtype", ct);
    }

    [Fact(Timeout = 120_000)]
    public async Task TypesAndRecords_TheOtherHostEnumeratesTheTypeAndQueriesTheSrvRecord()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using BackendPair pair = await CreatePairAsync(ct);
        await using ServiceRegistration registration = await pair.OnA.RegisterAsync(new ServiceProfile("Records", Type, 4718), ct);

        ServiceBrowseEvent type = await BrowseWaits.UntilAsync(pair.OnB.BrowseServiceTypesAsync(ct),
            e => e.Kind == ServiceBrowseEventKind.Added && e.ServiceType == Type, "the service type", ct);
        Assert.Equal("", type.InstanceName);
        Assert.Equal(LabHost.InterfaceName, type.InterfaceName);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(BrowseWaits.Generous);
        DnsRecordEvent? srv = null;
        await foreach (DnsRecordEvent e in pair.OnB.QueryRecordsAsync($"Records.{Type}.local", Dns.DnsRecordType.Srv, deadline.Token))
        {
            srv = e;
            break;
        }
        Assert.NotNull(srv);
        Assert.Equal(DnsRecordEventKind.Added, srv.Kind);
        Assert.Equal(Dns.DnsRecordType.Srv, srv.Type);
        Assert.Contains("4718", srv.Data, StringComparison.Ordinal);
        Assert.Contains(pair.Lab.A.HostName + ".local", srv.Data, StringComparison.Ordinal);
        Assert.Equal(LabHost.InterfaceName, srv.InterfaceName);
    }

    [Fact(Timeout = 120_000)]
    public async Task Cancellation_EndsBrowseResolveAndRegister_AndLeavesNothingBehind()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using BackendPair pair = await CreatePairAsync(ct);

        using (var soon = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            soon.CancelAfter(TimeSpan.FromMilliseconds(500));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (ServiceBrowseEvent e in pair.OnB.BrowseAsync("_nobodyhere._tcp", soon.Token))
                {
                    Assert.Fail($"Nobody offers this type, yet {e} came.");
                }
            });
        }
        using (var soon = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            soon.CancelAfter(TimeSpan.FromMilliseconds(500));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pair.OnB.ResolveAsync("Nobody", Type, soon.Token));
        }
        using (var cancelled = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            await cancelled.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                async () => await pair.OnA.RegisterAsync(new ServiceProfile("Cancelled", Type, 4716), cancelled.Token));
        }

        // The cancelled registration left nothing behind: the same name registers unchanged.
        await using ServiceRegistration again = await pair.OnA.RegisterAsync(new ServiceProfile("Cancelled", Type, 4716), ct);
        Assert.Equal("Cancelled", again.Name);
    }
}
