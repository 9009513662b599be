using System.Net;
using System.Net.Sockets;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Tests.WideArea;

/// <summary>
/// What a wide-area client must survive: answers too big for UDP (TCP fallback, RFC 7766), records lost by the
/// server (the lease refresh writes them back), and a hostile or broken server (no crash, no hang).
/// </summary>
[Collection(nameof(BindCollection))]
public sealed class WideAreaRobustnessTests(BindLab lab)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DnsServiceDiscovery Discovery(TsigKey? key, IPEndPoint? server = null, TimeSpan? lease = null, string? zone = null) => new(new DnsServiceDiscoveryOptions
    {
        WideArea = new WideAreaOptions
        {
            Server = server ?? lab.Server,
            // A fake server is asked directly: it publishes no update server to find.
            UpdateServer = server,
            Key = key,
            Zone = zone,
            HostName = "robust-host",
            HostAddresses = [IPAddress.Parse("192.0.2.99")],
            Timeout = TimeSpan.FromSeconds(2), // generous: BIND on a loaded machine can take this long; only unreachable cases wait it out
            Attempts = 2,
            Lease = lease ?? TimeSpan.FromHours(2),
            MinPollInterval = TimeSpan.FromMilliseconds(100),
            MaxPollInterval = TimeSpan.FromMilliseconds(400),
        },
    });

    [Fact]
    public async Task LargeTxt_IsWrittenOverTcp_AndReadBackAfterATruncatedUdpAnswer()
    {
        lab.Require();
        // 12 strings of ~200 bytes: the UPDATE and the TXT answer exceed 1232 bytes, so the update goes over TCP and
        // BIND truncates the UDP answer (TC), which the resolver retries over TCP.
        List<KeyValuePair<string, string?>> txt = [.. Enumerable.Range(0, 12).Select(i => new KeyValuePair<string, string?>($"k{i}", new string((char)('a' + i), 200)))];
        await using DnsServiceDiscovery registrar = Discovery(lab.Key);
        await using DnsServiceDiscovery resolver = Discovery(key: null);
        await using ServiceRegistration registration = await registrar.RegisterAsync(new ServiceProfile("Big", "_wbig._tcp", 1) { Domain = BindLab.Zone, Txt = txt }, Token);

        ResolvedService service = await resolver.ResolveAsync("Big", "_wbig._tcp", BindLab.Zone, Token);

        Assert.Equal(12, service.Txt.Count);
        Assert.Equal(new string('l', 200), service.Txt["k11"]);
        Assert.Contains("flags: qr aa tc", lab.DigRaw("+ignore", "TXT", "Big._wbig._tcp.example.test"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordsLostByTheServer_AreWrittenBackByTheLeaseRefresh()
    {
        lab.Require();
        await using DnsServiceDiscovery discovery = Discovery(lab.Key, lease: TimeSpan.FromSeconds(1));
        await using ServiceRegistration registration = await discovery.RegisterAsync(new ServiceProfile("Refreshed", "_wlease._tcp", 4242) { Domain = BindLab.Zone }, Token);
        // As a server without the records (restarted without its journal, or cleaned by an operator) would be. The
        // deletion has succeeded when nsupdate returns; whether a dig sees the gap is a race with the 0.8 s refresh on
        // a loaded machine, so the test does not look for it: records present from here on were written back.
        lab.NsUpdate("update delete Refreshed._wlease._tcp.example.test\nupdate delete _wlease._tcp.example.test PTR");

        string srv = "";
        for (int i = 0; i < 50 && srv == ""; i++)
        {
            await Task.Delay(100, Token);
            srv = lab.Dig("SRV", "Refreshed._wlease._tcp.example.test").Trim();
        }

        Assert.Equal("0 0 4242 robust-host.example.test.", srv);
        Assert.Equal("Refreshed._wlease._tcp.example.test.", lab.Dig("PTR", "_wlease._tcp.example.test").Trim());
    }

    [Fact]
    public async Task HostileServer_GarbageAndMismatchedAnswers_EndInUnreachable_NotACrashOrHang()
    {
        // A fake "server" on loopback that answers every request with junk: too short, a wrong id, absurd counts,
        // a compression loop, and a query instead of a response. None may be taken for the answer.
        using var fake = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        fake.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        Task serve = Task.Run(async () =>
        {
            byte[] buffer = new byte[2048];
            while (!stop.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await fake.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                byte id0 = buffer[0], id1 = buffer[1];
                byte[][] junk =
                [
                    [id0, id1, 0x80],
                    [(byte)(id0 ^ 1), id1, 0x84, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                    [id0, id1, 0x84, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0],
                    [id0, id1, 0x84, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1],
                    [id0, id1, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                ];
                foreach (byte[] datagram in junk)
                {
                    await fake.SendToAsync(datagram, received.RemoteEndPoint, stop.Token);
                }
            }
        }, stop.Token);
        await using DnsServiceDiscovery discovery = Discovery(new TsigKey("k", "hmac-sha256", [1]), (IPEndPoint)fake.LocalEndPoint!);

        WideAreaException register = await Assert.ThrowsAsync<WideAreaException>(async () =>
            await discovery.RegisterAsync(new ServiceProfile("X", "_whost._tcp", 1) { Domain = "example.test" }, Token));
        WideAreaException resolve = await Assert.ThrowsAsync<WideAreaException>(() => discovery.ResolveAsync("X", "_whost._tcp", "example.test", Token));

        Assert.Equal(WideAreaError.Unreachable, register.Error);
        Assert.Equal(WideAreaError.Unreachable, resolve.Error);
        await stop.CancelAsync();
        await serve;
    }

    [Fact]
    public async Task ForgedUnsignedNoError_IsNotTakenForSuccess()
    {
        // A spoofer answering NOERROR without our key's signature: the registration must fail, not pretend.
        using var fake = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        fake.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        Task serve = Task.Run(async () =>
        {
            byte[] buffer = new byte[4096];
            SocketReceiveFromResult received = await fake.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), stop.Token);
            DnsMessage.TryParse(buffer.AsSpan(0, received.ReceivedBytes), out DnsMessage request, out _, out _);
            var answer = new DnsMessage { Id = request.Id, Flags = (ushort)(DnsMessage.ResponseFlag | (5 << 11)), Questions = request.Questions };
            await fake.SendToAsync(answer.ToArray(), received.RemoteEndPoint, stop.Token);
        }, stop.Token);
        // The zone is configured, so the first request is the UPDATE (no SOA query to find the zone).
        await using DnsServiceDiscovery discovery = Discovery(new TsigKey("k", "hmac-sha256", [1]), (IPEndPoint)fake.LocalEndPoint!, zone: "example.test");

        WideAreaException e = await Assert.ThrowsAsync<WideAreaException>(async () =>
            await discovery.RegisterAsync(new ServiceProfile("X", "_wforge._tcp", 1) { Domain = "example.test" }, Token));

        Assert.Equal(WideAreaError.BadSignature, e.Error);
        await serve;
    }

    [Fact]
    public async Task ServerRestart_UnderALiveRegistration_LosesNothing_AndTheBrowseGoesOnWithoutDuplicates()
    {
        lab.Require();
        await using DnsServiceDiscovery registrar = Discovery(lab.Key);
        await using DnsServiceDiscovery browser = Discovery(key: null);
        ServiceRegistration registration = await registrar.RegisterAsync(new ServiceProfile("Survivor", "_wrestart._tcp", 3030) { Domain = BindLab.Zone }, Token);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var events = new List<ServiceBrowseEvent>();
        Task browse = Task.Run(async () =>
        {
            try
            {
                await foreach (ServiceBrowseEvent e in browser.BrowseAsync("_wrestart._tcp", BindLab.Zone, stop.Token))
                {
                    lock (events)
                    {
                        events.Add(e);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, stop.Token);
        await WaitUntilAsync(() => events.Count == 1);

        // Killed as in a crash: BIND writes each update to its journal before answering, so nothing is lost.
        await lab.RestartAsync();
        // A second service registered after the restart is the browser's barrier: once it is listed, the browser has
        // polled the restarted server, and whatever it made of the restart (a duplicate, a removal) is in the list.
        await using ServiceRegistration witness = await registrar.RegisterAsync(new ServiceProfile("Witness", "_wrestart._tcp", 3031) { Domain = BindLab.Zone }, Token);
        await WaitUntilAsync(() => events.Count >= 2);

        Assert.Equal("0 0 3030 robust-host.example.test.", lab.Dig("SRV", "Survivor._wrestart._tcp.example.test").Trim());
        lock (events)
        {
            Assert.Equal([("Survivor", ServiceBrowseEventKind.Added), ("Witness", ServiceBrowseEventKind.Added)], events.Select(e => (e.InstanceName, e.Kind)));
        }

        // The registration still works against the restarted server: its removal reaches the browser.
        await registration.DisposeAsync();
        await WaitUntilAsync(() => events.Count == 3);
        lock (events)
        {
            Assert.Equal(("Survivor", ServiceBrowseEventKind.Removed), (events[2].InstanceName, events[2].Kind));
        }
        await stop.CancelAsync();
        await browse;

        Task WaitUntilAsync(Func<bool> condition) => Eventually.TrueAsync(
            () => { lock (events) { return condition(); } },
            () => { lock (events) { return $"browse events: {string.Join(", ", events.Select(e => $"{e.Kind} {e.InstanceName}"))}"; } },
            TimeSpan.FromSeconds(15), Token);
    }
}
