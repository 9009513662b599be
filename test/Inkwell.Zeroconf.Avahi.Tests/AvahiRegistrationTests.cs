using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Inkwell.Zeroconf.Avahi.Tests.Lab;
using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf.Avahi.Tests;

/// <summary>Registering through the client, checked with avahi-browse on the other lab host (so over real multicast).</summary>
public sealed class AvahiRegistrationTests
{
    private const string Type = "_inkwelltest._tcp";

    [Fact(Timeout = 90_000)]
    public async Task RegisterAsync_ServiceWithTxt_AvahiBrowseOnAnotherHostResolvesItWithTxt()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);

        await using AvahiRegistration registration = await client.RegisterAsync(
            new AvahiServiceSpec("Inkwell Test", Type, 4242) { Txt = TxtData.Encode([new("path", "/x"), new("ro", null)]) }, ct);

        Assert.Equal("Inkwell Test", registration.Name);
        Assert.True(registration.IsEstablished);
        AvahiBrowseLine seen = await LabPeers.BrowseUntilAsync(lab.B, Type, l => l.Name == "Inkwell Test", ct);
        Assert.Equal(4242, seen.Port);
        Assert.Equal(lab.A.Address, seen.Address);
        Assert.Equal(lab.A.HostName + ".local", seen.Host);
        Assert.Equal(["ro", "path=/x"], seen.Txt.Order(StringComparer.Ordinal).Reverse().ToArray());
    }

    [Fact(Timeout = 90_000)]
    public async Task RegisterAsync_WithSubtype_BrowsableBySubtypeOnAnotherHost()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);

        await using AvahiRegistration registration = await client.RegisterAsync(
            new AvahiServiceSpec("Sub Test", Type, 4243) { Subtypes = ["_color._sub." + Type] }, ct);

        AvahiBrowseLine seen = await LabPeers.BrowseUntilAsync(lab.B, "_color._sub." + Type, l => l.Name == "Sub Test", ct);
        Assert.Equal(4243, seen.Port);
    }

    [Fact(Timeout = 90_000)]
    public async Task UpdateTxtAsync_Registered_AnotherHostSeesTheNewTxt()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await using AvahiRegistration registration = await client.RegisterAsync(
            new AvahiServiceSpec("Txt Test", Type, 4244) { Txt = TxtData.Encode([new("v", "1")]) }, ct);
        await LabPeers.BrowseUntilAsync(lab.B, Type, l => l.Name == "Txt Test" && l.Txt.Contains("v=1"), ct);

        await registration.UpdateTxtAsync(TxtData.Encode([new("v", "2"), new("extra", "yes")]), ct);

        AvahiBrowseLine seen = await LabPeers.BrowseUntilAsync(lab.B, Type, l => l.Name == "Txt Test" && l.Txt.Contains("v=2"), ct);
        Assert.Contains("extra=yes", seen.Txt);
        Assert.DoesNotContain("v=1", seen.Txt);
    }

    [Fact(Timeout = 90_000)]
    public async Task UpdateTxtAsync_StringAvahiRefuses_ThrowsAvahiExceptionAndTheOldTxtStays()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await using AvahiRegistration registration = await client.RegisterAsync(
            new AvahiServiceSpec("Txt Keep", Type, 4248) { Txt = TxtData.Encode([new("v", "1")]) }, ct);

        byte[] tooLong = new byte[300]; // one TXT string holds at most 255 bytes (RFC 6763 §6.1)
        tooLong.AsSpan().Fill((byte)'x');
        AvahiException exception = await Assert.ThrowsAsync<AvahiException>(() => registration.UpdateTxtAsync([tooLong], ct));

        Assert.Contains("UpdateServiceTxt", exception.Message, StringComparison.Ordinal);
        await LabPeers.BrowseUntilAsync(lab.B, Type, l => l.Name == "Txt Keep" && l.Txt.Contains("v=1"), ct);
        await registration.UpdateTxtAsync(TxtData.Encode([new("v", "3")]), ct);
        await LabPeers.BrowseUntilAsync(lab.B, Type, l => l.Name == "Txt Keep" && l.Txt.Contains("v=3"), ct);
    }

    [Fact(Timeout = 90_000)]
    public async Task RegisterAsync_NameTakenOnAnotherHost_RenamedAndBothAreVisible()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        using TestProcess publish = await LabPeers.PublishAsync(lab.B, "Clash", Type, 5000, [], ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        // A must have heard B's announcement, or its probe would be the first to claim the name.
        await LabPeers.BrowseUntilAsync(lab.A, Type, l => l.Name == "Clash", ct);
        var renames = new List<string>();

        await using AvahiRegistration registration = await client.RegisterAsync(new AvahiServiceSpec("Clash", Type, 5001), ct);

        Assert.Equal("Clash #2", registration.Name);
        AvahiBrowseLine ours = await LabPeers.BrowseUntilAsync(lab.B, Type, l => l.Name == "Clash #2", ct);
        Assert.Equal(5001, ours.Port);
        AvahiBrowseLine theirs = await LabPeers.BrowseUntilAsync(lab.B, Type, l => l.Name == "Clash", ct);
        Assert.Equal(5000, theirs.Port);
    }

    [Fact(Timeout = 90_000)]
    public async Task RegisterAsync_NameTakenByAnotherClientOfTheSameDaemon_Renamed()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        using TestProcess publish = await LabPeers.PublishAsync(lab.A, "Local Clash", Type, 5002, [], ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);

        await using AvahiRegistration registration = await client.RegisterAsync(new AvahiServiceSpec("Local Clash", Type, 5003), ct);

        Assert.Equal("Local Clash #2", registration.Name);
        await LabPeers.BrowseUntilAsync(lab.B, Type, l => l.Name == "Local Clash #2" && l.Port == 5003, ct);
    }

    [Fact(Timeout = 90_000)]
    public async Task DisposeAsync_Registered_GoodbyeRemovesItFromTheOtherHost()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await using AvahiClient observer = await LabClients.ConnectAsync(lab.B, ct);
        AvahiRegistration registration = await client.RegisterAsync(new AvahiServiceSpec("Bye", Type, 4245), ct);
        await using IAsyncEnumerator<AvahiBrowseEvent<AvahiServiceItem>> browse = observer.BrowseAsync(Type, cancellationToken: ct).GetAsyncEnumerator(ct);
        await NextAsync(browse, e => e.Kind == AvahiBrowseEventKind.Added && e.Item!.Name == "Bye", ct);

        await registration.DisposeAsync();

        // A goodbye (TTL 0) removes it within about a second; expiry would take the record's TTL (75 min for PTR).
        AvahiBrowseEvent<AvahiServiceItem> removed = await NextAsync(
            browse, e => e.Kind == AvahiBrowseEventKind.Removed, ct, TimeSpan.FromSeconds(5));
        Assert.Equal("Bye", removed.Item!.Name);
        await registration.DisposeAsync(); // twice is fine
    }

    [Fact(Timeout = 90_000)]
    public async Task RegisterAsync_CancelledWhileProbing_ThrowsAndNothingStaysRegistered()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(50)); // probing alone takes ~750 ms

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.RegisterAsync(new AvahiServiceSpec("Cancelled", Type, 4246), cancel.Token));

        string local = await lab.A.RunAsync("avahi-browse", ["-rpt", Type], TimeSpan.FromSeconds(20), ct);
        Assert.DoesNotContain(AvahiBrowseLine.ParseResolved(local), l => l.Name == "Cancelled");
    }

    [Fact(Timeout = 90_000)]
    public async Task RegisterAsync_InvalidServiceType_ThrowsAvahiExceptionWithAvahisReason()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);

        AvahiException exception = await Assert.ThrowsAsync<AvahiException>(
            () => client.RegisterAsync(new AvahiServiceSpec("Bad", "not-a-type", 1), ct));

        Assert.Equal("org.freedesktop.Avahi.InvalidServiceTypeError", exception.ErrorName);
        Assert.Contains("AddService", exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 90_000)]
    public async Task RegisterAsync_NoTxt_ResolvableWithEmptyTxt()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await StartTwoDaemonsAsync(ct);
        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await using AvahiClient observer = await LabClients.ConnectAsync(lab.B, ct);

        await using AvahiRegistration registration = await client.RegisterAsync(new AvahiServiceSpec("No Txt", Type, 4247), ct);

        // Avahi's resolver waits for SRV and TXT, so resolving at all proves a TXT record is published (Avahi
        // writes the single empty string of RFC 6763 §6.1 and reads it back as no strings).
        AvahiResolvedService resolved = await RetryResolveAsync(observer, "No Txt", ct);
        Assert.Equal(4247, resolved.Port);
        Assert.Empty(resolved.Txt);
    }

    internal static async Task<NetnsLab> StartTwoDaemonsAsync(CancellationToken ct)
    {
        NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        try
        {
            await Task.WhenAll(lab.A.StartAvahiAsync(ct), lab.B.StartAvahiAsync(ct));
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    internal static async Task<AvahiBrowseEvent<T>> NextAsync<T>(
        IAsyncEnumerator<AvahiBrowseEvent<T>> events, Func<AvahiBrowseEvent<T>, bool> predicate, CancellationToken ct, TimeSpan? timeout = null)
        where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout ?? TimeSpan.FromSeconds(20));
        var seen = new List<string>();
        try
        {
            while (await events.MoveNextAsync().AsTask().WaitAsync(deadline.Token))
            {
                seen.Add($"{events.Current.Kind} {events.Current.Item}");
                if (predicate(events.Current))
                {
                    return events.Current;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException("The expected browse event did not come; saw: " + string.Join(" | ", seen));
        }
        throw new InvalidOperationException("The browse ended without the expected event; saw: " + string.Join(" | ", seen));
    }

    internal static async Task<AvahiResolvedService> RetryResolveAsync(AvahiClient client, string name, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await client.ResolveAsync(name, Type, cancellationToken: ct);
            }
            catch (AvahiException) when (attempt < 3)
            {
                // Not heard yet by a daemon that just started; Avahi's own timeout is ~5 s.
            }
        }
    }
}
