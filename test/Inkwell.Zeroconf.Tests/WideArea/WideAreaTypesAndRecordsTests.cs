using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Tests.WideArea;

/// <summary>
/// <see cref="DnsServiceDiscovery.BrowseServiceTypesAsync"/> and <see cref="DnsServiceDiscovery.QueryRecordsAsync"/> in a
/// non-local domain, against the lab's BIND: the type enumeration records registrations write (RFC 6763 §9), and
/// records written by <c>nsupdate</c> followed as they come and go.
/// </summary>
[Collection(nameof(BindCollection))]
public sealed class WideAreaTypesAndRecordsTests(BindLab lab)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DnsServiceDiscovery Discovery(TsigKey? key = null) => new(new DnsServiceDiscoveryOptions
    {
        WideArea = new WideAreaOptions
        {
            Server = lab.Server,
            Key = key,
            HostName = "types-host",
            Timeout = TimeSpan.FromSeconds(2), // generous: BIND on a loaded machine can take this long; only unreachable cases wait it out
            Attempts = 2,
            MinPollInterval = TimeSpan.FromMilliseconds(100),
            MaxPollInterval = TimeSpan.FromMilliseconds(400),
        },
    });

    /// <summary>The next item matching <paramref name="match"/>, skipping others (other tests' types share the zone).</summary>
    private static async Task<T> NextAsync<T>(IAsyncEnumerator<T> events, Func<T, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(timeout.Token), "the enumeration ended");
            if (match(events.Current))
            {
                return events.Current;
            }
        }
    }

    [Fact]
    public async Task BrowseServiceTypes_SeesRegisteredTypes_AndATypeGoesWithItsLastInstanceOnly()
    {
        lab.Require();
        await using DnsServiceDiscovery registrar = Discovery(lab.Key);
        await using DnsServiceDiscovery other = Discovery(lab.Key);
        await using DnsServiceDiscovery browser = Discovery();
        ServiceRegistration first = await registrar.RegisterAsync(new ServiceProfile("One", "_wtype._tcp", 1) { Domain = BindLab.Zone }, Token);
        ServiceRegistration second = await other.RegisterAsync(new ServiceProfile("Two", "_wtype._tcp", 2) { Domain = BindLab.Zone }, Token);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        await using IAsyncEnumerator<ServiceBrowseEvent> events = browser.BrowseServiceTypesAsync(BindLab.Zone, stop.Token).GetAsyncEnumerator(stop.Token);

        ServiceBrowseEvent added = await NextAsync(events, e => e.ServiceType == "_wtype._tcp");
        Assert.Equal((ServiceBrowseEventKind.Added, "", "example.test", 0), (added.Kind, added.InstanceName, added.Domain, added.InterfaceIndex));
        Assert.Equal("_wtype._tcp.example.test.", lab.Dig("PTR", "_services._dns-sd._udp.example.test").Split('\n').Single(l => l.Contains("_wtype.", StringComparison.Ordinal)));

        // Another instance of the type remains: the type's enumeration entry stays (the conditional delete is YXRRSET).
        await first.DisposeAsync();
        Assert.Contains("_wtype._tcp.example.test.", lab.Dig("PTR", "_services._dns-sd._udp.example.test"), StringComparison.Ordinal);

        await second.DisposeAsync();
        ServiceBrowseEvent removed = await NextAsync(events, e => e.ServiceType == "_wtype._tcp");
        Assert.Equal(ServiceBrowseEventKind.Removed, removed.Kind);
        Assert.DoesNotContain("_wtype._tcp.example.test.", lab.Dig("PTR", "_services._dns-sd._udp.example.test"), StringComparison.Ordinal);
        await stop.CancelAsync();
    }

    [Fact]
    public async Task QueryRecords_OfANameOutsideLocal_FollowsTheServersRecords()
    {
        lab.Require();
        lab.NsUpdate("update delete q1.example.test A\nupdate add q1.example.test 60 A 192.0.2.1");
        await using DnsServiceDiscovery discovery = Discovery();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        await using IAsyncEnumerator<DnsRecordEvent> events = discovery.QueryRecordsAsync("q1.example.test", DnsRecordType.A, stop.Token).GetAsyncEnumerator(stop.Token);

        DnsRecordEvent first = await NextAsync(events, _ => true);
        Assert.Equal((DnsRecordEventKind.Added, "q1.example.test", DnsRecordType.A, 1, "192.0.2.1", 0), (first.Kind, first.Name, first.Type, first.Class, first.Data, first.InterfaceIndex));
        Assert.Equal(new byte[] { 192, 0, 2, 1 }, first.RawData.ToArray());

        lab.NsUpdate("update add q1.example.test 60 A 192.0.2.2");
        DnsRecordEvent second = await NextAsync(events, _ => true);
        Assert.Equal((DnsRecordEventKind.Added, "192.0.2.2"), (second.Kind, second.Data));

        lab.NsUpdate("update delete q1.example.test A 192.0.2.1");
        DnsRecordEvent gone = await NextAsync(events, _ => true);
        Assert.Equal((DnsRecordEventKind.Removed, "192.0.2.1"), (gone.Kind, gone.Data));
        await stop.CancelAsync();
    }
}
