using Inkwell.Zeroconf.Avahi;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Hosting.Internal.Handover;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inkwell.Zeroconf.Hosting.Tests;

/// <summary>
/// Handing the app's registrations from one host to the next in one process (<see cref="HandoverBackend"/>), on the in-memory
/// network in virtual time. What the network sees is read from the packets themselves: probes (queries carrying proposed records)
/// and goodbyes (answers with TTL 0) from the app's host.
/// </summary>
public sealed class HandoverTests
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_grace = TimeSpan.FromSeconds(10);

    private sealed class Lab : IAsyncDisposable
    {
        public SimulatedLan Lan { get; } = new();

        public RegistrationHandover Handover { get; } = new();

        public bool Restarting { get; set; }

        public int Created { get; private set; }

        public HandoverBackend Host()
        {
            var policy = new ZeroconfHandover(s_grace, () => Restarting);
            HandoverKey key = HandoverKey.From(new ZeroconfOptions { Backend = BackendMode.Embedded, HostName = "zoo-host" }, Lan.Time);
            return new HandoverBackend(Handover, policy, key, NullLoggerFactory.Instance, _ =>
            {
                Created++;
                return Lan.AddInkwell("zoo-host", seed: Created);
            });
        }

        public async Task<ServiceRegistration> RegisterAsync(HandoverBackend host, int port, params KeyValuePair<string, string?>[] txt) =>
            await Lan.RunUntil(host.RegisterAsync(new ServiceProfile("zoo", "_zoo._tcp", port) { Txt = txt }, TestContext.Current.CancellationToken).AsTask(), s_limit);

        private IEnumerable<DnsMessage> FromZooHost => Lan.Network.Log.Where(p => p.From == "zoo-host")
            .Select(p => DnsMessage.TryParse(p.Data, out DnsMessage message, out _, out _) ? message : null).OfType<DnsMessage>();

        /// <summary>Probes for the instance sent so far (queries proposing its records).</summary>
        public int Probes => FromZooHost.Count(m => !m.IsResponse && m.Authorities.Any(r => IsInstance(r.Name)));

        /// <summary>Goodbyes for the instance sent so far.</summary>
        public int Goodbyes => FromZooHost.Count(m => m.IsResponse && m.Answers.Any(r => r.Ttl == 0 && IsInstance(r.Name)));

        private static bool IsInstance(DnsName name) => name.ToString().StartsWith("zoo._zoo._tcp", StringComparison.OrdinalIgnoreCase);

        public ValueTask DisposeAsync() => Lan.DisposeAsync();
    }

    [Fact]
    public async Task Restart_NextHostAsksTheSame_TakesItOver_NoGoodbyeNoProbe_TxtChangeAnnounced()
    {
        await using var lab = new Lab();
        HandoverBackend first = lab.Host();
        ServiceRegistration registration = await lab.RegisterAsync(first, 5080, new KeyValuePair<string, string?>("v", "1"));
        int probes = lab.Probes;
        Assert.True(probes >= 1);

        lab.Restarting = true;
        await first.DisposeAsync();
        lab.Restarting = false;
        lab.Lan.Advance(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(10));
        Assert.Equal(1, lab.Handover.KeptBackends);

        HandoverBackend second = lab.Host();
        Assert.Equal(1, lab.Created); // the same responder goes on
        Assert.Equal(0, lab.Handover.KeptBackends);
        ServiceRegistration taken = await lab.RegisterAsync(second, 5080, new KeyValuePair<string, string?>("v", "2"));
        Assert.Equal("zoo", taken.Name);
        lab.Lan.Advance(s_grace * 2, TimeSpan.FromMilliseconds(50));

        Assert.Equal(0, lab.Goodbyes);
        Assert.Equal(probes, lab.Probes);
        // The new TXT was announced (a response carrying it), without probing.
        Assert.Contains(lab.Lan.Network.Log, p => p.From == "zoo-host" && DnsMessage.TryParse(p.Data, out DnsMessage m, out _, out _)
            && m.IsResponse && m.Answers.Any(r => r.Type == DnsRecordType.Txt && r.Ttl > 0 && r.Data.ToString()!.Contains("v=2", StringComparison.Ordinal)));

        // The old host's handle no longer withdraws anything; the new one does.
        await registration.DisposeAsync();
        Assert.Equal(0, lab.Goodbyes);
        await taken.DisposeAsync();
        Assert.True(lab.Goodbyes >= 1);
        await second.DisposeAsync();
    }

    [Fact]
    public async Task Restart_NobodyTakesItOver_WithdrawnAfterTheGrace_AndTheResponderClosed()
    {
        await using var lab = new Lab();
        HandoverBackend first = lab.Host();
        await lab.RegisterAsync(first, 5080);
        lab.Restarting = true;
        await first.DisposeAsync();

        lab.Lan.Advance(s_grace - TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50));
        Assert.Equal(0, lab.Goodbyes);
        lab.Lan.Advance(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(50));
        await WaitAsync(() => lab.Goodbyes >= 1 && lab.Handover.KeptBackends == 0);

        // The next host builds a responder of its own.
        HandoverBackend second = lab.Host();
        Assert.Equal(2, lab.Created);
        await second.DisposeAsync();
    }

    [Fact]
    public async Task StopForGood_Withdraws_AtOnce_AndKeepsNothing()
    {
        await using var lab = new Lab();
        HandoverBackend first = lab.Host();
        await lab.RegisterAsync(first, 5080);
        await first.DisposeAsync();

        Assert.True(lab.Goodbyes >= 1);
        Assert.Equal(0, lab.Handover.KeptBackends);
    }

    [Fact]
    public async Task Restart_NextHostOnAnotherPort_WithdrawsTheKeptOne_AndRegistersAnew()
    {
        await using var lab = new Lab();
        HandoverBackend first = lab.Host();
        await lab.RegisterAsync(first, 5080);
        int probes = lab.Probes;
        lab.Restarting = true;
        await first.DisposeAsync();
        lab.Restarting = false;

        HandoverBackend second = lab.Host();
        ServiceRegistration moved = await lab.RegisterAsync(second, 5081);
        Assert.Equal(5081, moved.Port);
        Assert.Equal("zoo", moved.Name); // its own goodbye freed the name: no conflict with itself
        Assert.True(lab.Goodbyes >= 1);
        Assert.True(lab.Probes > probes);
        await second.DisposeAsync();
    }

    [Fact]
    public async Task ProcessExit_WithdrawsWhatIsKept()
    {
        await using var lab = new Lab();
        HandoverBackend first = lab.Host();
        await lab.RegisterAsync(first, 5080);
        lab.Restarting = true;
        await first.DisposeAsync();

        await lab.Handover.WithdrawAllAsync();

        Assert.True(lab.Goodbyes >= 1);
        Assert.Equal(0, lab.Handover.KeptBackends);
    }

    [Fact]
    public void Policy_HandsOverOnlyWhileTheSwitchIsOn_AndWithAGrace()
    {
        Assert.False(new ZeroconfHandover(s_grace).IsHandingOver); // nobody set the switch in this process
        Assert.True(new ZeroconfHandover(s_grace, () => true).IsHandingOver);
        Assert.False(new ZeroconfHandover(TimeSpan.Zero, () => true).IsHandingOver);

        // Once a host's stop is a restart it stays one, even if the runner clears the switch before the host is disposed.
        bool restarting = true;
        var handover = new ZeroconfHandover(s_grace, () => restarting);
        Assert.True(handover.IsHandingOver);
        restarting = false;
        Assert.True(handover.IsHandingOver);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (int i = 0; i < 3000 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
        Assert.True(condition());
    }
}
