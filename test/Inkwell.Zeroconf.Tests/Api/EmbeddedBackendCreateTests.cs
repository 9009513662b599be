using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Tests.Api;

/// <summary>
/// Creating the embedded backend: <see cref="EmbeddedBackend.CreateAsync"/> reports its failures through the task, and
/// <c>new DnsServiceDiscovery(options)</c> opens nothing until a multicast call. The interface name below exists nowhere, so
/// no socket is ever opened and nothing is sent.
/// </summary>
public sealed class EmbeddedBackendCreateTests
{
    private static readonly DnsServiceDiscoveryOptions s_noSuchInterface = new() { Interfaces = ["inkwell-none0"] };

    [Fact]
    public async Task CreateAsync_InterfaceThatDoesNotExist_FaultsWithAZeroconfExceptionNamingIt()
    {
        Task<EmbeddedBackend> creating = EmbeddedBackend.CreateAsync(s_noSuchInterface, TestContext.Current.CancellationToken);

        ZeroconfException exception = await Assert.ThrowsAsync<ZeroconfException>(() => creating);
        Assert.Contains("inkwell-none0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_CancelledToken_IsCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Task<EmbeddedBackend> creating = EmbeddedBackend.CreateAsync(s_noSuchInterface, cancelled.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => creating);
        Assert.True(creating.IsCanceled);
    }

    [Fact]
    public async Task ServiceDiscoveryConstructor_OpensNothing_TheFirstMulticastCallReportsTheFailure()
    {
        // The constructor succeeds although the backend could never be opened: it has not tried yet.
        await using var discovery = new DnsServiceDiscovery(s_noSuchInterface);

        ZeroconfException exception = await Assert.ThrowsAsync<ZeroconfException>(async () =>
            await discovery.RegisterAsync(new ServiceProfile("Lazy", "_daap._tcp", 3689), TestContext.Current.CancellationToken));
        Assert.Contains("inkwell-none0", exception.Message, StringComparison.Ordinal);
    }
}
