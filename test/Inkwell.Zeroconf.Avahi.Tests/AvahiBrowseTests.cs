using System.Diagnostics;
using System.Text;
using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Avahi.Tests.Lab;
using Inkwell.Zeroconf.Internal;
using static Inkwell.Zeroconf.Avahi.Tests.AvahiRegistrationTests;

namespace Inkwell.Zeroconf.Avahi.Tests;

/// <summary>Browsing, resolving and enumerating types through the client, against services avahi-publish announces from the other host.</summary>
public sealed class AvahiBrowseTests
{
    private const string Type = "_inkwelltest._tcp";

    [Fact(Timeout = 90_000)]
    public async Task BrowseAsync_AvahiPublishOnAnotherHost_AddedResolvedThenRemovedWhenItStops()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        TestProcess publish = await LabPeers.PublishAsync(lab.B, "Remote Printer", Type, 631, ["rp=queue", "note=hello world", "flag"], ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await using IAsyncEnumerator<AvahiBrowseEvent<AvahiServiceItem>> browse = client.BrowseAsync(Type, cancellationToken: ct).GetAsyncEnumerator(ct);

        AvahiServiceItem added = (await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.Added, ct)).Item!;
        Assert.Equal("Remote Printer", added.Name);
        Assert.Equal(Type, added.Type);
        Assert.Equal("local", added.Domain);
        Assert.Equal(AvahiProtocol.IPv4, added.Protocol);
        Assert.True(added.Interface > 0);
        Assert.False(added.Flags.HasFlag(AvahiLookupResultFlags.Local));
        Assert.Equal(LabHost.InterfaceName, await InterfaceNameAsync(lab.A, added.Interface, ct));
        Assert.Equal(LabHost.InterfaceName, await client.Server.GetNetworkInterfaceNameByIndexAsync(added.Interface, ct));

        AvahiResolvedService resolved = await client.ResolveAsync(
            added.Name, added.Type, added.Domain, added.Interface, added.Protocol, cancellationToken: ct);
        Assert.Equal(lab.B.HostName + ".local", resolved.Host);
        Assert.Equal(631, resolved.Port);
        Assert.Equal(lab.B.Address, resolved.Address);
        Assert.Equal(AvahiProtocol.IPv4, resolved.AddressProtocol);
        IReadOnlyDictionary<string, string?> txt = TxtData.Decode(resolved.Txt);
        Assert.Equal("queue", txt["rp"]);
        Assert.Equal("hello world", txt["note"]);
        Assert.True(txt.ContainsKey("flag"));
        Assert.Null(txt["flag"]);

        await publish.StopAsync(TimeSpan.FromSeconds(5));
        publish.Dispose();
        AvahiBrowseEvent<AvahiServiceItem> removed = await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.Removed, ct, TimeSpan.FromSeconds(5));
        Assert.Equal("Remote Printer", removed.Item!.Name);
    }

    [Fact(Timeout = 90_000)]
    public async Task BrowseAsync_OwnAndLocalRegistrations_FlaggedOurOwnAndLocal()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        using TestProcess publish = await LabPeers.PublishAsync(lab.A, "Neighbour", Type, 1001, [], ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await using AvahiRegistration mine = await client.RegisterAsync(new AvahiServiceSpec("Mine", Type, 1002), ct);
        var seen = new Dictionary<string, AvahiLookupResultFlags>();

        await foreach (AvahiBrowseEvent<AvahiServiceItem> e in client.BrowseAsync(Type, cancellationToken: ct))
        {
            if (e.Kind == AvahiBrowseEventKind.Added)
            {
                seen[e.Item!.Name] = e.Item.Flags;
            }
            if (seen.Count == 2)
            {
                break;
            }
        }

        Assert.True(seen["Mine"].HasFlag(AvahiLookupResultFlags.OurOwn));
        Assert.True(seen["Mine"].HasFlag(AvahiLookupResultFlags.Local));
        Assert.False(seen["Neighbour"].HasFlag(AvahiLookupResultFlags.OurOwn));
        Assert.True(seen["Neighbour"].HasFlag(AvahiLookupResultFlags.Local));
    }

    [Fact(Timeout = 90_000)]
    public async Task BrowseAsync_ServicePublishedOnSameDaemon_FirstEventsAreNotLost()
    {
        // Avahi 0.8 answers a browser from its local records right after ServiceBrowserNew returns: ItemNew and
        // AllForNow are sent before a match rule added after the reply could take effect, so a client that
        // subscribes to the new path only then loses them. The router's rules exist before the call.
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        using TestProcess publish = await LabPeers.PublishAsync(lab.A, "Early", Type, 1003, [], ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);

        for (int round = 0; round < 5; round++)
        {
            await using IAsyncEnumerator<AvahiBrowseEvent<AvahiServiceItem>> browse = client.BrowseAsync(Type, cancellationToken: ct).GetAsyncEnumerator(ct);
            AvahiBrowseEvent<AvahiServiceItem> first = await NextAsync(browse, _ => true, ct, TimeSpan.FromSeconds(5));
            Assert.Equal(AvahiBrowseEventKind.Added, first.Kind);
            Assert.Equal("Early", first.Item!.Name);
            await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.AllForNow, ct, TimeSpan.FromSeconds(5));
        }
    }

    [Fact(Timeout = 90_000)]
    public async Task BrowseAsync_Cancelled_EndsPromptlyWithOperationCanceled()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await using IAsyncEnumerator<AvahiBrowseEvent<AvahiServiceItem>> browse = client.BrowseAsync(Type, cancellationToken: cancel.Token).GetAsyncEnumerator(cancel.Token);
        await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.AllForNow, ct);

        Task<bool> waiting = browse.MoveNextAsync().AsTask();
        var watch = Stopwatch.StartNew();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5), ct));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact(Timeout = 90_000)]
    public async Task ResolveAsync_NoSuchService_ThrowsAvahiExceptionAfterAvahisTimeout()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);

        AvahiException exception = await Assert.ThrowsAsync<AvahiException>(
            () => client.ResolveAsync("Nobody", Type, cancellationToken: ct).WaitAsync(TimeSpan.FromSeconds(30), ct));

        Assert.Contains("Nobody", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact(Timeout = 90_000)]
    public async Task ResolveAsync_Cancelled_ThrowsOperationCanceledAtOnce()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ResolveAsync("Nobody", Type, cancellationToken: cancel.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact(Timeout = 90_000)]
    public async Task ResolveAsync_TxtWithBinaryBytes_ComesBackByteForByte()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient publisher = await LabClients.ConnectAsync(lab.B, ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        byte[] binary = [(byte)'k', (byte)'=', 0, 1, 0xFF, 0xFE, (byte)'='];
        byte[] utf8 = Encoding.UTF8.GetBytes("name=Zoë");

        await using AvahiRegistration registration = await publisher.RegisterAsync(new AvahiServiceSpec("Bytes", Type, 1004) { Txt = [binary, utf8] }, ct);
        AvahiResolvedService resolved = await RetryResolveAsync(client, "Bytes", ct);

        Assert.Contains(resolved.Txt, t => t.AsSpan().SequenceEqual(binary));
        Assert.Equal("Zoë", TxtData.Decode(resolved.Txt)["NAME"]);
    }

    [Fact(Timeout = 90_000)]
    public async Task BrowseServiceTypesAsync_ServicesOnBothHosts_ListsTheirTypes()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        using TestProcess remote = await LabPeers.PublishAsync(lab.B, "Remote", "_inkwellremote._tcp", 1005, [], ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await using AvahiRegistration local = await client.RegisterAsync(new AvahiServiceSpec("Local", "_inkwelllocal._udp", 1006), ct);
        var types = new HashSet<string>();

        await foreach (AvahiBrowseEvent<AvahiServiceTypeItem> e in client.BrowseServiceTypesAsync(cancellationToken: ct).WithCancellation(ct))
        {
            if (e.Kind == AvahiBrowseEventKind.Added)
            {
                Assert.Equal("local", e.Item!.Domain);
                types.Add(e.Item.Type);
            }
            if (types.Contains("_inkwellremote._tcp") && types.Contains("_inkwelllocal._udp"))
            {
                break;
            }
        }

        Assert.Superset(new HashSet<string> { "_inkwellremote._tcp", "_inkwelllocal._udp" }, types);
    }

    [Fact(Timeout = 90_000)]
    public async Task BrowseRecordsAsync_AddressOfTheOtherHost_RdataIsItsIPv4Address()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);

        await using IAsyncEnumerator<AvahiBrowseEvent<AvahiRecordItem>> records =
            client.BrowseRecordsAsync(lab.B.HostName + ".local", type: 1, cancellationToken: ct).GetAsyncEnumerator(ct);

        AvahiRecordItem record = (await NextAsync(records, e => e.Kind == AvahiBrowseEventKind.Added, ct)).Item!;
        Assert.Equal(System.Net.IPAddress.Parse(lab.B.Address), new System.Net.IPAddress(record.Rdata));
        Assert.Equal((ushort)1, record.Class);
        Assert.Equal(lab.B.HostName + ".local", record.Name);
    }

    [Fact(Timeout = 90_000)]
    public async Task ResolveHostAddressesAsync_HostWithTwoAddresses_ReturnsBothWhereResolveGivesOne()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await lab.B.IpAsync(["addr", "add", "10.213.0.3/24", "dev", LabHost.InterfaceName], ct);
        await Task.WhenAll(lab.A.StartAvahiAsync(ct), lab.B.StartAvahiAsync(ct));
        using TestProcess publish = await LabPeers.PublishAsync(lab.B, "Two Addresses", Type, 1007, [], ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        AvahiResolvedService resolved = await RetryResolveAsync(client, "Two Addresses", ct);

        IReadOnlyList<System.Net.IPAddress> addresses = await client.ResolveHostAddressesAsync(
            resolved.Host, resolved.Interface, cancellationToken: ct);

        Assert.Equal(
            ["10.213.0.2", "10.213.0.3"],
            addresses.Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork).Select(a => a.ToString()).Order(StringComparer.Ordinal));
        // The resolver's one address may be the IPv6 link-local one, which Avahi writes without its scope.
        Assert.Contains(AvahiAddresses.Parse(resolved.Address, resolved.Interface), addresses);
        // Avahi publishes the veth's IPv6 link-local address too (over IPv4 mDNS, even with use-ipv6=no):
        // it comes scoped to the interface, or it could not be connected to.
        System.Net.IPAddress v6 = Assert.Single(addresses, a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6);
        Assert.True(v6.IsIPv6LinkLocal);
        Assert.Equal(resolved.Interface, v6.ScopeId);
    }

    private static async Task<string> InterfaceNameAsync(LabHost host, int index, CancellationToken ct)
    {
        string output = (await ProcessRun.RunAsync("ip", ["-n", host.Namespace, "-o", "link", "show"], cancellationToken: ct)).EnsureSuccess();
        string line = output.Split('\n').First(l => l.StartsWith(index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal));
        return line.Split(':')[1].Trim().Split('@')[0];
    }
}
