using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Avahi.Tests.Behaviour;

/// <summary>The shared cases against the embedded responder, one inside each lab host's network namespace.</summary>
public sealed class EmbeddedBackendBehaviourTests : BackendBehaviourTests
{
    internal override async Task<BackendPair> CreatePairAsync(CancellationToken cancellationToken)
    {
        NetnsLab lab = await NetnsLab.CreateWithBusesAsync(cancellationToken);
        try
        {
            return new BackendPair(lab, LabBackends.Embedded(lab.A), LabBackends.Embedded(lab.B));
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>A second embedded responder in host A's namespace: both bind port 5353 with address reuse, as two programs would.</summary>
    internal override Task<IServiceDiscoveryBackend> CreateNeighbourOnAAsync(BackendPair pair, CancellationToken cancellationToken)
        => Task.FromResult(LabBackends.Embedded(pair.Lab.A));

    protected override string SecondName(string name) => name + " (2)";
}
