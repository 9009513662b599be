using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Tests.Api;

/// <summary>The public API end to end on the in-memory network: the post's example between two hosts.</summary>
public sealed class DnsServiceDiscoveryTests
{
    private static async Task<List<ServiceBrowseEvent>> Until(List<ServiceBrowseEvent> events, Func<List<ServiceBrowseEvent>, bool> done)
    {
        List<ServiceBrowseEvent> Copy()
        {
            lock (events)
            {
                return [.. events];
            }
        }

        await Eventually.TrueAsync(() => done(Copy()), () => $"the browse events never got there: {string.Join("; ", Copy())}", cancellationToken: TestContext.Current.CancellationToken);
        return Copy();
    }

    private static List<ServiceBrowseEvent> Browse(DnsServiceDiscovery discovery, string type, CancellationToken token)
    {
        var events = new List<ServiceBrowseEvent>();
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (ServiceBrowseEvent e in discovery.BrowseAsync(type, cancellationToken: token))
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
        }, CancellationToken.None);
        return events;
    }

    [Fact]
    public async Task Register_BrowseResolveGoodbye_AcrossTwoHosts()
    {
        await using var lan = new SimulatedLan();
        await using var server = new DnsServiceDiscovery(lan.AddInkwell("server", seed: 1));
        await using var client = new DnsServiceDiscovery(lan.AddInkwell("client", seed: 2));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        ServiceRegistration registration = await lan.RunUntil(server.RegisterAsync(new ServiceProfile("DAAP Server", "_daap._tcp", 3689)
        {
            Txt = [new("txtvers", "1"), new("Machine Name", "Living room")],
        }, stop.Token), TimeSpan.FromSeconds(5));
        List<ServiceBrowseEvent> events = Browse(client, "_daap._tcp", stop.Token);
        await SimulatedLan.WaitForQueries((EmbeddedBackend)client.Backend);
        lan.Advance(TimeSpan.FromMilliseconds(300));
        List<ServiceBrowseEvent> added = await Until(events, e => e.Count >= 1);
        Assert.Equal(new ServiceBrowseEvent(ServiceBrowseEventKind.Added, "DAAP Server", "_daap._tcp", "local", "sim0", 2), added[0]);

        ResolvedService resolved = await lan.RunUntil(client.ResolveAsync("DAAP Server", "_daap._tcp", cancellationToken: stop.Token), TimeSpan.FromSeconds(5));
        Assert.Equal("server.local", resolved.HostName);
        Assert.Equal(3689, resolved.Port);
        Assert.Equal("192.168.7.10", Assert.Single(resolved.Addresses).ToString());
        Assert.Equal("Living room", resolved.Txt["machine name"]);

        await registration.DisposeAsync();
        lan.Advance(TimeSpan.FromSeconds(1.5));
        List<ServiceBrowseEvent> all = await Until(events, e => e.Count >= 2);
        Assert.Equal(ServiceBrowseEventKind.Removed, all[^1].Kind);
        stop.Cancel();
    }

    [Fact]
    public async Task Register_SameNameOnTwoHosts_EndsWithTwoDistinctNames()
    {
        await using var lan = new SimulatedLan();
        await using var first = new DnsServiceDiscovery(lan.AddInkwell("first", seed: 1));
        await using var second = new DnsServiceDiscovery(lan.AddInkwell("second", seed: 2));
        var profile = new ServiceProfile("DAAP Server", "_daap._tcp", 3689);

        Task<ServiceRegistration> a = first.RegisterAsync(profile, TestContext.Current.CancellationToken);
        Task<ServiceRegistration> b = second.RegisterAsync(new ServiceProfile("DAAP Server", "_daap._tcp", 3690), TestContext.Current.CancellationToken);
        await lan.RunUntil(Task.WhenAll(a, b).ContinueWith(_ => true, TaskScheduler.Default), TimeSpan.FromSeconds(15));
        lan.Advance(TimeSpan.FromSeconds(5));

        string[] names = [(await a).Name, (await b).Name];
        Assert.Contains("DAAP Server", names);
        Assert.Contains("DAAP Server (2)", names);
    }

    [Fact]
    public async Task Register_SameHostName_SecondHostIsRenamedWithSuffix()
    {
        await using var lan = new SimulatedLan();
        EmbeddedBackend one = lan.AddInkwell("twin", seed: 1);
        _ = one.RegisterAsync(new ServiceProfile("One", "_daap._tcp", 1), TestContext.Current.CancellationToken);
        lan.Advance(TimeSpan.FromSeconds(3));
        EmbeddedBackend two = lan.AddInkwell("twin", seed: 2);
        _ = two.RegisterAsync(new ServiceProfile("Two", "_daap._tcp", 2), TestContext.Current.CancellationToken);
        lan.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal("twin.local", one.HostName);
        Assert.Equal("twin-2.local", two.HostName);
    }

    [Fact]
    public async Task Browse_InTheSameProcess_SeesItsOwnService_AndSubtypesAndTypes()
    {
        await using var lan = new SimulatedLan();
        await using var discovery = new DnsServiceDiscovery(lan.AddInkwell("solo"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await lan.RunUntil(discovery.RegisterAsync(new ServiceProfile("Printer", "_http._tcp", 80) { Subtypes = ["_printer"] }, stop.Token), TimeSpan.FromSeconds(5));

        List<ServiceBrowseEvent> plain = Browse(discovery, "_http._tcp", stop.Token);
        List<ServiceBrowseEvent> subtype = Browse(discovery, "_printer._sub._http._tcp", stop.Token);
        var types = new List<ServiceBrowseEvent>();
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (ServiceBrowseEvent e in discovery.BrowseServiceTypesAsync(cancellationToken: stop.Token))
                {
                    lock (types)
                    {
                        types.Add(e);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);
        await SimulatedLan.WaitForQueries((EmbeddedBackend)discovery.Backend, 3);
        lan.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Equal("Printer", (await Until(plain, e => e.Count > 0))[0].InstanceName);
        Assert.Equal("Printer", (await Until(subtype, e => e.Count > 0))[0].InstanceName);
        Assert.Equal("_http._tcp", (await Until(types, e => e.Count > 0))[0].ServiceType);
        stop.Cancel();
    }

    [Theory]
    [InlineData("_daap._tcp", null)]
    [InlineData("_daap._udp", null)]
    [InlineData("_printer._sub._http._tcp", null)]
    [InlineData("_daap._tcp.local.", null)]
    [InlineData("_daap._tcp", "local.")]
    public void C29_ValidServiceTypes_AreAccepted(string type, string? domain) =>
        Internal.ServiceNames.ParseServiceType(type, domain, "type");

    [Theory]
    [InlineData("daap._tcp")]
    [InlineData("_daap._sctp")]
    [InlineData("_a-very-long-service-name._tcp")]
    [InlineData("_daap")]
    [InlineData("_da ap._tcp")]
    public void C29_InvalidServiceTypes_AreRefused(string type) =>
        Assert.Throws<ArgumentException>(() => Internal.ServiceNames.ParseServiceType(type, null, "type"));

    [Fact]
    public async Task C28_InstanceNames_AtMost63BytesWithoutControlCharacters_DotsAllowed()
    {
        await using var lan = new SimulatedLan();
        await using var discovery = new DnsServiceDiscovery(lan.AddInkwell("alpha"));
        await Assert.ThrowsAsync<ArgumentException>(async () => await discovery.RegisterAsync(new ServiceProfile(new string('x', 64), "_daap._tcp", 1), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(async () => await discovery.RegisterAsync(new ServiceProfile("bad\u0001name", "_daap._tcp", 1), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(async () => await discovery.RegisterAsync(new ServiceProfile("x", "_daap._tcp", 1) { Domain = "example.com" }, TestContext.Current.CancellationToken));
        ServiceRegistration dotted = await lan.RunUntil(discovery.RegisterAsync(new ServiceProfile("Mr. Smith's Server", "_daap._tcp", 1), TestContext.Current.CancellationToken), TimeSpan.FromSeconds(5));
        Assert.Equal("Mr. Smith's Server", dotted.Name);
    }

    [Fact]
    public void C30_Txt_EncodingRules()
    {
        Assert.Equal(["a=1"u8.ToArray(), "flag"u8.ToArray(), "e="u8.ToArray()], Internal.TxtData.Encode([new("a", "1"), new("flag", null), new("e", "")]));
        Assert.Throws<ArgumentException>(() => Internal.TxtData.Encode([new("a=b", "1")]));
        Assert.Throws<ArgumentException>(() => Internal.TxtData.Encode([new("k", new string('v', 300))]));
        Dictionary<string, string?> decoded = Internal.TxtData.Decode(["Key=1"u8.ToArray(), "key=2"u8.ToArray(), "=ignored"u8.ToArray(), "bool"u8.ToArray(), "empty="u8.ToArray()]);
        Assert.Equal("1", decoded["KEY"]);
        Assert.Null(decoded["bool"]);
        Assert.Equal("", decoded["empty"]);
        Assert.Equal(3, decoded.Count);
    }

    [Fact]
    public async Task Register_CancelledWhileProbing_WithdrawsQuietly()
    {
        await using var lan = new SimulatedLan();
        RawPeer peer = lan.AddPeer("observer");
        await using var discovery = new DnsServiceDiscovery(lan.AddInkwell("alpha"));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Task<ServiceRegistration> registering = discovery.RegisterAsync(new ServiceProfile("Quick", "_daap._tcp", 1), cancel.Token);
        lan.Advance(TimeSpan.FromMilliseconds(400)); // probing takes at least 750 ms

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => registering);
        lan.Advance(TimeSpan.FromSeconds(3));

        Assert.DoesNotContain(peer.Heard, p => p.Message.IsResponse && p.Message.Answers.Any(a => a.Name.Labels[0] == "Quick"));
    }
}
