using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Avahi.Tests.Behaviour;

/// <summary>
/// The two backends speak the same protocol: a service registered through avahi-daemon on one lab host is browsed
/// and resolved by the embedded responder on the other, and the other way round.
/// </summary>
public sealed class CrossBackendInteropTests
{
    private const string Type = "_inkwellinterop._tcp";

    [Fact(Timeout = 120_000)]
    public async Task RegisteredThroughAvahi_EmbeddedBackendOnTheOtherHostBrowsesAndResolvesIt()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await using IServiceDiscoveryBackend avahi = await LabBackends.AvahiAsync(lab.A, ct);
        await using IServiceDiscoveryBackend embedded = LabBackends.Embedded(lab.B);

        await using ServiceRegistration registration = await avahi.RegisterAsync(
            new ServiceProfile("From Avahi", Type, 5001) { Txt = [new("origin", "avahi")] }, ct);

        ServiceBrowseEvent added = await BrowseWaits.UntilAsync(
            embedded.BrowseAsync(Type, ct), e => e.Kind == ServiceBrowseEventKind.Added && e.InstanceName == "From Avahi", "the Avahi registration", ct);
        Assert.False(added.IsLocal || added.IsOwn, added.ToString());
        ResolvedService resolved = await BrowseWaits.ResolveUntilAsync(embedded, "From Avahi", Type, _ => true, ct);
        Assert.Equal(5001, resolved.Port);
        Assert.Equal("inkwell-a.local", resolved.HostName.TrimEnd('.'));
        Assert.Contains(resolved.Addresses, a => a.ToString() == lab.A.Address);
        Assert.Equal("avahi", resolved.Txt["origin"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task RegisteredByTheEmbeddedBackend_AvahiBackendOnTheOtherHostBrowsesAndResolvesIt()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await using IServiceDiscoveryBackend embedded = LabBackends.Embedded(lab.A);
        await using IServiceDiscoveryBackend avahi = await LabBackends.AvahiAsync(lab.B, ct);

        await using ServiceRegistration registration = await embedded.RegisterAsync(
            new ServiceProfile("From Embedded", Type, 5002) { Txt = [new("origin", "embedded")] }, ct);

        await BrowseWaits.UntilAsync(avahi.BrowseAsync(Type, ct), e => e.Kind == ServiceBrowseEventKind.Added && e.InstanceName == "From Embedded", "the embedded registration", ct);
        ResolvedService resolved = await BrowseWaits.ResolveUntilAsync(avahi, "From Embedded", Type, _ => true, ct);
        Assert.Equal(5002, resolved.Port);
        Assert.Equal("inkwell-a.local", resolved.HostName.TrimEnd('.'));
        Assert.Contains(resolved.Addresses, a => a.ToString() == lab.A.Address);
        Assert.Equal("embedded", resolved.Txt["origin"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task RegisteredThroughAvahi_EmbeddedBackendOnTheSameHostSeesItLocalButNotOwn()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await using IServiceDiscoveryBackend avahi = await LabBackends.AvahiAsync(lab.A, ct);
        await using IServiceDiscoveryBackend embedded = LabBackends.Embedded(lab.A);

        await using ServiceRegistration registration = await avahi.RegisterAsync(new ServiceProfile("Same Host", Type, 5003), ct);

        // avahi-daemon's answers come from host A's own address: the embedded backend there calls the instance local.
        ServiceBrowseEvent added = await BrowseWaits.UntilAsync(
            embedded.BrowseAsync(Type, ct), e => e.Kind == ServiceBrowseEventKind.Added && e.InstanceName == "Same Host", "the Avahi registration", ct);
        Assert.True(added.IsLocal, added.ToString());
        Assert.False(added.IsOwn, added.ToString());
    }
}
