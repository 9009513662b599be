using Inkwell.Zeroconf.Avahi.Tests.Lab;

namespace Inkwell.Zeroconf.Avahi.Tests.Behaviour;

/// <summary>The shared cases against the embedded responder, one inside each lab host's network namespace.</summary>
public sealed class EmbeddedBackendBehaviourTests : BackendBehaviourTests
{
    internal override async Task<BackendPair> CreatePairAsync(CancellationToken cancellationToken)
    {
        AvahiLab lab = await AvahiLab.CreateAsync(cancellationToken);
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

    protected override string SecondName(string name) => name + " (2)";
}
