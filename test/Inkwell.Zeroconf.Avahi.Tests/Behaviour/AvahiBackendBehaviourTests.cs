using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Avahi.Tests.Behaviour;

/// <summary>The shared cases against <see cref="AvahiBackend"/>, talking to each lab host's own avahi-daemon.</summary>
public sealed class AvahiBackendBehaviourTests : BackendBehaviourTests
{
    internal override async Task<BackendPair> CreatePairAsync(CancellationToken cancellationToken)
    {
        NetnsLab lab = await NetnsLab.CreateWithBusesAsync(cancellationToken);
        IServiceDiscoveryBackend? onA = null;
        try
        {
            onA = await LabBackends.AvahiAsync(lab.A, cancellationToken);
            return new BackendPair(lab, onA, await LabBackends.AvahiAsync(lab.B, cancellationToken));
        }
        catch
        {
            if (onA is not null)
            {
                await onA.DisposeAsync();
            }
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>A second client of host A's avahi-daemon, on its own D-Bus connection.</summary>
    internal override async Task<IServiceDiscoveryBackend> CreateNeighbourOnAAsync(BackendPair pair, CancellationToken cancellationToken)
        => await AvahiBackend.ConnectAsync(new AvahiBackendOptions { BusAddress = pair.Lab.A.BusAddress }, cancellationToken);

    protected override string SecondName(string name) => name + " #2";
}
