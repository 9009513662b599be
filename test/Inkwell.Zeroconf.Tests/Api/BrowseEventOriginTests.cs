using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Tests.Api;

/// <summary>
/// What a browse event says about where an instance lives (<see cref="ServiceBrowseEvent.IsLocal"/>,
/// <see cref="ServiceBrowseEvent.IsOwn"/>, Avahi's LOCAL and OUR_OWN) and the TXT an update carries, on the in-memory
/// network in virtual time.
/// </summary>
public sealed class BrowseEventOriginTests
{
    private const string Type = "_daap._tcp";

    [Fact]
    public async Task OwnRegistration_IsOwnAndLocal_ForItsOwnBrowse_AndNeitherForAnotherHost()
    {
        await using var lan = new SimulatedLan();
        EmbeddedBackend server = lan.AddInkwell("server", seed: 1);
        EmbeddedBackend other = lan.AddInkwell("other", seed: 2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        ServiceRegistration registration = await lan.RunUntil(server.RegisterAsync(new ServiceProfile("Mine", Type, 3689), stop.Token), TimeSpan.FromSeconds(5));

        BrowseLog own = BrowseLog.Start(server, Type, stop.Token);
        BrowseLog remote = BrowseLog.Start(other, Type, stop.Token);
        await SimulatedLan.WaitForQueries(server);
        await SimulatedLan.WaitForQueries(other);
        lan.Advance(TimeSpan.FromMilliseconds(300));

        ServiceBrowseEvent ownAdded = await own.UntilAsync(ServiceBrowseEventKind.Added, "Mine");
        Assert.True(ownAdded.IsOwn);
        Assert.True(ownAdded.IsLocal);
        ServiceBrowseEvent remoteAdded = await remote.UntilAsync(ServiceBrowseEventKind.Added, "Mine");
        Assert.False(remoteAdded.IsOwn);
        Assert.False(remoteAdded.IsLocal);
        Assert.Null(remoteAdded.Txt);

        await registration.DisposeAsync();
        lan.Advance(TimeSpan.FromSeconds(1.5));

        // A removal says the same about the instance as its addition did.
        ServiceBrowseEvent ownRemoved = await own.UntilAsync(ServiceBrowseEventKind.Removed, "Mine");
        Assert.True(ownRemoved.IsOwn && ownRemoved.IsLocal);
        ServiceBrowseEvent remoteRemoved = await remote.UntilAsync(ServiceBrowseEventKind.Removed, "Mine");
        Assert.False(remoteRemoved.IsOwn || remoteRemoved.IsLocal);
        stop.Cancel();
    }

    [Fact]
    public async Task AnotherResponderOnThisHost_IsLocalButNotOwn()
    {
        await using var lan = new SimulatedLan();
        EmbeddedBackend publisher = lan.AddInkwell("twin", seed: 1, address: "192.168.7.50");
        EmbeddedBackend neighbour = lan.AddInkwell("twin", seed: 2, address: "192.168.7.50"); // another program on the same machine
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await lan.RunUntil(publisher.RegisterAsync(new ServiceProfile("Next Door", Type, 3689), stop.Token), TimeSpan.FromSeconds(5));

        BrowseLog browse = BrowseLog.Start(neighbour, Type, stop.Token);
        await SimulatedLan.WaitForQueries(neighbour);
        lan.Advance(TimeSpan.FromMilliseconds(300));

        ServiceBrowseEvent added = await browse.UntilAsync(ServiceBrowseEventKind.Added, "Next Door");
        Assert.True(added.IsLocal);
        Assert.False(added.IsOwn);
        stop.Cancel();
    }

    [Fact]
    public async Task UpdateTxt_TheOtherHostsBrowseReportsUpdated_WithTheNewTxt()
    {
        await using var lan = new SimulatedLan();
        EmbeddedBackend server = lan.AddInkwell("server", seed: 1);
        EmbeddedBackend client = lan.AddInkwell("client", seed: 2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        ServiceRegistration registration = await lan.RunUntil(server.RegisterAsync(
            new ServiceProfile("Changing", Type, 3689) { Txt = [new("v", "1")] }, stop.Token), TimeSpan.FromSeconds(5));
        BrowseLog browse = BrowseLog.Start(client, Type, stop.Token);
        await SimulatedLan.WaitForQueries(client);
        lan.Advance(TimeSpan.FromMilliseconds(300));
        await browse.UntilAsync(ServiceBrowseEventKind.Added, "Changing");

        await registration.UpdateTxtAsync([new("v", "2"), new("Flag", null)], stop.Token);
        lan.Advance(TimeSpan.FromSeconds(1));

        ServiceBrowseEvent updated = await browse.UntilAsync(ServiceBrowseEventKind.Updated, "Changing");
        Assert.NotNull(updated.Txt);
        Assert.Equal("2", updated.Txt["V"]);
        Assert.True(updated.Txt.ContainsKey("flag"));
        Assert.Null(updated.Txt["flag"]);
        Assert.False(updated.IsLocal);
        Assert.Single(browse.Snapshot(), e => e.Kind == ServiceBrowseEventKind.Updated); // the first TXT was no update
        stop.Cancel();
    }

    [Fact]
    public async Task TypeEnumeration_MarksTheOwnType()
    {
        await using var lan = new SimulatedLan();
        EmbeddedBackend server = lan.AddInkwell("server", seed: 1);
        EmbeddedBackend other = lan.AddInkwell("other", seed: 2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await lan.RunUntil(server.RegisterAsync(new ServiceProfile("Mine", Type, 3689), stop.Token), TimeSpan.FromSeconds(5));

        BrowseLog own = BrowseLog.Start(server, null, stop.Token);
        BrowseLog remote = BrowseLog.Start(other, null, stop.Token);
        await SimulatedLan.WaitForQueries(server);
        await SimulatedLan.WaitForQueries(other);
        lan.Advance(TimeSpan.FromMilliseconds(300));

        ServiceBrowseEvent ownType = await own.UntilAsync(ServiceBrowseEventKind.Added, "", Type);
        Assert.True(ownType.IsOwn && ownType.IsLocal);
        ServiceBrowseEvent remoteType = await remote.UntilAsync(ServiceBrowseEventKind.Added, "", Type);
        Assert.False(remoteType.IsOwn || remoteType.IsLocal);
        stop.Cancel();
    }

    /// <summary>Collects a browse's events on the thread pool while the test advances virtual time.</summary>
    private sealed class BrowseLog
    {
        private readonly List<ServiceBrowseEvent> _events = [];

        public static BrowseLog Start(EmbeddedBackend backend, string? type, CancellationToken cancellationToken)
        {
            var log = new BrowseLog();
            IAsyncEnumerable<ServiceBrowseEvent> events = type is null
                ? backend.BrowseServiceTypesAsync(cancellationToken)
                : backend.BrowseAsync(type, cancellationToken);
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (ServiceBrowseEvent e in events)
                    {
                        lock (log._events)
                        {
                            log._events.Add(e);
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }, CancellationToken.None);
            return log;
        }

        public List<ServiceBrowseEvent> Snapshot()
        {
            lock (_events)
            {
                return [.. _events];
            }
        }

        /// <summary>Waits in real time (the clock is the test's) for an event; fails after 30 s.</summary>
        public async Task<ServiceBrowseEvent> UntilAsync(ServiceBrowseEventKind kind, string instance, string type = Type)
        {
            ServiceBrowseEvent? match = null;
            await Eventually.TrueAsync(
                () => (match = Snapshot().Find(e => e.Kind == kind && e.InstanceName == instance && e.ServiceType == type)) is not null,
                () => $"No {kind} event for '{instance}' ({type}); got: {string.Join("; ", Snapshot())}",
                cancellationToken: TestContext.Current.CancellationToken);
            return match!;
        }
    }
}
