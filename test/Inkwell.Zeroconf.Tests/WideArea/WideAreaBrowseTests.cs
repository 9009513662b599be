using System.Net;

namespace Inkwell.Zeroconf.Tests.WideArea;

/// <summary>
/// <see cref="DnsServiceDiscovery.BrowseAsync"/> and <see cref="DnsServiceDiscovery.ResolveAsync"/> with a non-local domain:
/// one client registers (or <c>nsupdate</c> writes), another browses and resolves over unicast DNS from the real BIND 9.
/// </summary>
[Collection(nameof(BindCollection))]
public sealed class WideAreaBrowseTests(BindLab lab)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DnsServiceDiscovery Discovery(TsigKey? key, string host = "browse-host", params IPAddress[] addresses) => new(new DnsServiceDiscoveryOptions
    {
        WideArea = new WideAreaOptions
        {
            Server = lab.Server,
            Key = key,
            HostName = host,
            HostAddresses = addresses,
            Timeout = TimeSpan.FromSeconds(2), // generous: BIND on a loaded machine can take this long; only unreachable cases wait it out
            Attempts = 2,
            MinPollInterval = TimeSpan.FromMilliseconds(100),
            MaxPollInterval = TimeSpan.FromMilliseconds(400),
        },
    });

    private static async Task<ServiceBrowseEvent> NextAsync(IAsyncEnumerator<ServiceBrowseEvent> events)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(timeout.Token), "the browse ended");
        return events.Current;
    }

    [Fact]
    public async Task Browse_SeesAnotherClientsRegistration_AndItsRemovalAfterDispose()
    {
        lab.Require();
        await using DnsServiceDiscovery registrar = Discovery(lab.Key);
        await using DnsServiceDiscovery browser = Discovery(key: null);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        await using IAsyncEnumerator<ServiceBrowseEvent> events = browser.BrowseAsync("_wbrowse._tcp", BindLab.Zone, stop.Token).GetAsyncEnumerator(stop.Token);
        Task<ServiceBrowseEvent> first = NextAsync(events);

        ServiceRegistration registration = await registrar.RegisterAsync(new ServiceProfile("Browsed", "_wbrowse._tcp", 5000) { Domain = BindLab.Zone }, Token);
        ServiceBrowseEvent added = await first;

        Assert.Equal((ServiceBrowseEventKind.Added, "Browsed", "_wbrowse._tcp", "example.test"), (added.Kind, added.InstanceName, added.ServiceType, added.Domain));
        Assert.False(added.IsOwn);

        await registration.DisposeAsync();
        ServiceBrowseEvent removed = await NextAsync(events);

        Assert.Equal((ServiceBrowseEventKind.Removed, "Browsed"), (removed.Kind, removed.InstanceName));
        await stop.CancelAsync();
    }

    [Fact]
    public async Task Browse_Subtype_SeesOnlyInstancesWithIt_AndOwnRegistrationsAreOwn()
    {
        lab.Require();
        await using DnsServiceDiscovery discovery = Discovery(lab.Key);
        await using ServiceRegistration with = await discovery.RegisterAsync(new ServiceProfile("With", "_wsub._tcp", 1) { Domain = BindLab.Zone, Subtypes = ["_color"] }, Token);
        await using ServiceRegistration without = await discovery.RegisterAsync(new ServiceProfile("Without", "_wsub._tcp", 2) { Domain = BindLab.Zone }, Token);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        await using IAsyncEnumerator<ServiceBrowseEvent> events = discovery.BrowseAsync("_color._sub._wsub._tcp", BindLab.Zone, stop.Token).GetAsyncEnumerator(stop.Token);

        ServiceBrowseEvent added = await NextAsync(events);
        Assert.Equal(("With", "_wsub._tcp", true, true), (added.InstanceName, added.ServiceType, added.IsOwn, added.IsLocal));

        // A second instance with the subtype, registered now, is the barrier: the browse's next event must be it, so
        // "Without" was never listed, in this poll or an earlier one.
        await using ServiceRegistration later = await discovery.RegisterAsync(new ServiceProfile("Later", "_wsub._tcp", 3) { Domain = BindLab.Zone, Subtypes = ["_color"] }, Token);
        ServiceBrowseEvent next = await NextAsync(events);
        Assert.Equal(("Later", ServiceBrowseEventKind.Added), (next.InstanceName, next.Kind));
        await stop.CancelAsync();
    }

    [Fact]
    public async Task Resolve_ReturnsHostPortAddressesAndTxt_FromAnotherClientsRegistration()
    {
        lab.Require();
        await using DnsServiceDiscovery registrar = Discovery(lab.Key, "resolve-host", IPAddress.Parse("192.0.2.44"), IPAddress.Parse("2001:db8::44"));
        await using DnsServiceDiscovery resolver = Discovery(key: null);
        await using ServiceRegistration registration = await registrar.RegisterAsync(
            new ServiceProfile("Resolved One", "_wres._tcp", 6001) { Domain = BindLab.Zone, Txt = [new("Path", "/api"), new("secure", null)] }, Token);

        ResolvedService service = await resolver.ResolveAsync("Resolved One", "_wres._tcp", BindLab.Zone, Token);

        Assert.Equal(("Resolved One", "_wres._tcp", "example.test", "resolve-host.example.test", 6001),
            (service.InstanceName, service.ServiceType, service.Domain, service.HostName, service.Port));
        Assert.Equal(["192.0.2.44", "2001:db8::44"], service.Addresses.Select(a => a.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal("/api", service.Txt["path"]);
        Assert.True(service.Txt.ContainsKey("secure"));
        Assert.Null(service.Txt["secure"]);
    }

    [Fact]
    public async Task Resolve_ServiceWrittenByNsupdate_IsResolved()
    {
        lab.Require();
        lab.NsUpdate("""
            update add _wns._tcp.example.test 60 PTR byhand._wns._tcp.example.test.
            update add byhand._wns._tcp.example.test 60 SRV 0 0 7000 nshost.example.test.
            update add byhand._wns._tcp.example.test 60 TXT "k=v"
            update add nshost.example.test 60 A 192.0.2.77
            """);
        await using DnsServiceDiscovery resolver = Discovery(key: null);

        ResolvedService service = await resolver.ResolveAsync("byhand", "_wns._tcp", BindLab.Zone, Token);

        Assert.Equal(("nshost.example.test", 7000, "192.0.2.77", "v"), (service.HostName, service.Port, Assert.Single(service.Addresses).ToString(), service.Txt["k"]));
    }

    [Fact]
    public async Task Resolve_WaitsForAnInstanceThatAppearsLater()
    {
        lab.Require();
        await using DnsServiceDiscovery registrar = Discovery(lab.Key, "late-host", IPAddress.Parse("192.0.2.55"));
        await using DnsServiceDiscovery resolver = Discovery(key: null);

        Task<ResolvedService> resolve = resolver.ResolveAsync("Late", "_wlate._tcp", BindLab.Zone, Token);
        await Task.Delay(500, Token); // several polls' worth: that the resolve does not finish early can only be seen by waiting
        Assert.False(resolve.IsCompleted);
        await using ServiceRegistration registration = await registrar.RegisterAsync(new ServiceProfile("Late", "_wlate._tcp", 1234) { Domain = BindLab.Zone }, Token);

        ResolvedService service = await resolve.WaitAsync(TimeSpan.FromSeconds(15), Token);
        Assert.Equal(1234, service.Port);
    }

    [Fact]
    public async Task Browse_TxtChange_IsAnUpdatedEventWithTheNewTxt()
    {
        lab.Require();
        await using DnsServiceDiscovery registrar = Discovery(lab.Key);
        await using DnsServiceDiscovery browser = Discovery(key: null);
        await using ServiceRegistration registration = await registrar.RegisterAsync(
            new ServiceProfile("Changing", "_wupd._tcp", 1) { Domain = BindLab.Zone, Txt = [new("v", "1")] }, Token);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        await using IAsyncEnumerator<ServiceBrowseEvent> events = browser.BrowseAsync("_wupd._tcp", BindLab.Zone, stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.Equal(ServiceBrowseEventKind.Added, (await NextAsync(events)).Kind);

        await registration.UpdateTxtAsync([new("v", "2"), new("extra", null)], Token);
        ServiceBrowseEvent updated = await NextAsync(events);

        Assert.Equal((ServiceBrowseEventKind.Updated, "Changing"), (updated.Kind, updated.InstanceName));
        Assert.NotNull(updated.Txt);
        Assert.Equal("2", updated.Txt["v"]);
        Assert.True(updated.Txt.ContainsKey("extra"));
        await stop.CancelAsync();
    }
}
