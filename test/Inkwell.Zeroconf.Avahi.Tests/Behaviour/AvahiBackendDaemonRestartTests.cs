using Inkwell.Zeroconf.Avahi.Tests.Lab;
using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Avahi.Tests.Behaviour;

/// <summary>Through the seam: avahi-daemon stopped and started again under a live registration and a live browse.</summary>
public sealed class AvahiBackendDaemonRestartTests
{
    private const string Type = "_inkwellrestart._tcp";

    [Fact(Timeout = 180_000)]
    public async Task DaemonRestart_RegistrationComesBack_AndTheBrowseGoesOn()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using AvahiLab lab = await AvahiLab.CreateAsync(ct);
        await using IServiceDiscoveryBackend onA = await LabBackends.AvahiAsync(lab.A, ct);
        await using IServiceDiscoveryBackend onB = await LabBackends.AvahiAsync(lab.B, ct);
        await using ServiceRegistration registration = await onA.RegisterAsync(new ServiceProfile("Survivor", Type, 4900), ct);
        await using IAsyncEnumerator<ServiceBrowseEvent> watchFromB = onB.BrowseAsync(Type, ct).GetAsyncEnumerator(ct);
        await using IAsyncEnumerator<ServiceBrowseEvent> browseOnA = onA.BrowseAsync(Type, ct).GetAsyncEnumerator(ct);
        await NextAsync(watchFromB, ServiceBrowseEventKind.Added, "Survivor");

        await lab.A.StopAvahiAsync();
        await NextAsync(watchFromB, ServiceBrowseEventKind.Removed, "Survivor"); // the stopping daemon said goodbye
        await lab.A.StartAvahiAsync(ct);

        // The registration is re-established by the new daemon under the same name, without the caller doing anything.
        await NextAsync(watchFromB, ServiceBrowseEventKind.Added, "Survivor");
        Assert.Equal("Survivor", registration.Name);
        // The browse on A outlived its daemon: it reports a service that appears after the restart.
        await using ServiceRegistration later = await onB.RegisterAsync(new ServiceProfile("After Restart", Type, 4901), ct);
        await NextAsync(browseOnA, ServiceBrowseEventKind.Added, "After Restart");
    }

    private static async Task NextAsync(IAsyncEnumerator<ServiceBrowseEvent> browse, ServiceBrowseEventKind kind, string name)
    {
        using var deadline = new CancellationTokenSource(BrowseWaits.Generous);
        while (await browse.MoveNextAsync().AsTask().WaitAsync(deadline.Token))
        {
            if (browse.Current.Kind == kind && browse.Current.InstanceName == name)
            {
                return;
            }
        }
        Assert.Fail($"The browse ended before {kind} {name}.");
    }
}
