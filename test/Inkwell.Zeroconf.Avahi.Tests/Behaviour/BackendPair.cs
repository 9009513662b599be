using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Avahi.Tests.Behaviour;

/// <summary>A backend on each of the lab's two hosts, and the lab they live in; disposing tears down all three.</summary>
internal sealed class BackendPair(NetnsLab lab, IServiceDiscoveryBackend onA, IServiceDiscoveryBackend onB) : IAsyncDisposable
{
    public NetnsLab Lab => lab;

    /// <summary>The backend on host A (10.213.0.1, host name inkwell-a).</summary>
    public IServiceDiscoveryBackend OnA => onA;

    /// <summary>The backend on host B (10.213.0.2, host name inkwell-b).</summary>
    public IServiceDiscoveryBackend OnB => onB;

    public async ValueTask DisposeAsync()
    {
        await onA.DisposeAsync();
        await onB.DisposeAsync();
        await lab.DisposeAsync();
    }
}
