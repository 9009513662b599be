using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Inkwell.Zeroconf.Avahi.Tests.Lab;

namespace Inkwell.Zeroconf.Avahi.Tests;

/// <summary>Connecting, the server proxy, and the availability probe for the future <c>auto</c> backend choice.</summary>
public sealed class AvahiClientConnectionTests
{
    [Fact(Timeout = 60_000)]
    public async Task ConnectAsync_DaemonRunning_ServerProxyAnswersAndStateIsRunning()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await lab.A.StartAvahiAsync(ct);

        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        await LabClients.WaitForServerAsync(client, AvahiServerState.Running, ct);

        Assert.StartsWith("avahi ", await client.Server.GetVersionStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(lab.A.HostName, await client.Server.GetHostNameAsync(ct));
        Assert.Equal("local", await client.Server.GetDomainNameAsync(ct));
        Assert.Equal(AvahiServerState.Running, await client.Server.GetStateAsync(ct));
        Assert.Equal("Printer #2", await client.Server.GetAlternativeServiceNameAsync("Printer", ct));
        Assert.True(client.Status.IsRunning);
    }

    [Fact(Timeout = 60_000)]
    public async Task ConnectAsync_DaemonStartsLater_StatusFollowsItToRunning()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);

        await using AvahiClient client = await LabClients.ConnectAsync(lab.A, ct);
        Assert.False(client.Status.IsPresent);
        long before = client.Status.Generation;

        await lab.A.StartAvahiAsync(ct);
        await LabClients.WaitForServerAsync(client, AvahiServerState.Running, ct);

        Assert.True(client.Status.Generation > before);
    }

    [Fact(Timeout = 60_000)]
    public async Task ConnectAsync_NoBusAtAddress_ThrowsAvahiExceptionNamingTheAddress()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string address = "unix:path=" + Path.Combine(Path.GetTempPath(), "inkwell-no-such-bus-" + Guid.NewGuid().ToString("N"));

        AvahiException exception = await Assert.ThrowsAsync<AvahiException>(
            () => AvahiClient.ConnectAsync(new AvahiClientOptions { BusAddress = address }, ct));

        Assert.Contains(address, exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task IsAvailableAsync_DaemonRunning_True()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(ct);
        await lab.A.StartAvahiAsync(ct);

        Assert.True(await AvahiClient.IsAvailableAsync(lab.A.BusAddress, TimeSpan.FromSeconds(5), cancellationToken: ct));
    }

    [Fact(Timeout = 60_000)]
    public async Task IsAvailableAsync_BusWithoutDaemon_FalseWithoutWaitingForTheTimeout()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);

        Task<bool> probe = AvahiClient.IsAvailableAsync(lab.A.BusAddress, TimeSpan.FromSeconds(30), cancellationToken: ct);

        // The bus answers ServiceUnknown at once; the probe must not sit out its timeout.
        Assert.False(await probe.WaitAsync(TimeSpan.FromSeconds(10), ct));
    }

    [Fact(Timeout = 60_000)]
    public async Task IsAvailableAsync_NoBus_False()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string address = "unix:path=" + Path.Combine(Path.GetTempPath(), "inkwell-no-such-bus-" + Guid.NewGuid().ToString("N"));

        Assert.False(await AvahiClient.IsAvailableAsync(address, TimeSpan.FromSeconds(5), cancellationToken: ct));
    }
}
