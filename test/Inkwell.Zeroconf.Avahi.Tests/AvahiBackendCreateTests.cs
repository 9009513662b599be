using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Inkwell.Zeroconf.Avahi.Tests.Lab;
using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Avahi.Tests;

/// <summary><see cref="AvahiBackend.CreateAsync"/>: the backend the auto / avahi / embedded choice actually builds.</summary>
public sealed class AvahiBackendCreateTests
{
    /// <summary>
    /// Should the embedded responder be built, it fails at once for want of this interface: the tests see which
    /// backend was chosen without ever opening a socket on the machine's real interfaces.
    /// </summary>
    private static readonly DnsServiceDiscoveryOptions s_noInterface = new() { Interfaces = ["inkwell-none0"] };

    [Fact(Timeout = 60_000)]
    public async Task CreateAsync_AutoWithDaemon_IsTheAvahiBackend()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);
        await using FakeAvahi fake = await FakeAvahi.StartAsync(lab.A, AvahiServerState.Running);

        await using IServiceDiscoveryBackend backend = await AvahiBackend.CreateAsync(
            BackendMode.Auto, s_noInterface, new AvahiBackendOptions { BusAddress = lab.A.BusAddress }, ct);

        Assert.IsType<AvahiBackend>(backend);
        Assert.Equal("avahi", backend.Name);
    }

    [Fact(Timeout = 60_000)]
    public async Task CreateAsync_AutoWithoutDaemon_BuildsTheEmbeddedBackend()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);

        ZeroconfException exception = await Assert.ThrowsAsync<ZeroconfException>(() => AvahiBackend.CreateAsync(
            BackendMode.Auto, s_noInterface, new AvahiBackendOptions { BusAddress = lab.A.BusAddress }, ct));

        Assert.Contains("inkwell-none0", exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task CreateAsync_AvahiWithoutDaemon_ThrowsAZeroconfException()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);

        // Callers of the library catch its one exception base, whichever backend failed.
        ZeroconfException exception = await Assert.ThrowsAnyAsync<ZeroconfException>(() => AvahiBackend.CreateAsync(
            BackendMode.Avahi, s_noInterface, new AvahiBackendOptions { BusAddress = lab.A.BusAddress }, ct));

        Assert.IsType<AvahiException>(exception);
        Assert.Contains("avahi-daemon does not answer", exception.Message, StringComparison.Ordinal);
    }
}
