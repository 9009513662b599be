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

        /// <summary>A host of the app; <paramref name="appClock"/> is the TimeProvider its container holds (else the LAN's clock).</summary>
        public HandoverBackend Host(TimeProvider? appClock = null)
        {
            var policy = new ZeroconfHandover(s_grace, () => Restarting);
            TimeProvider clock = appClock ?? Lan.Time;
            HandoverKey key = HandoverKey.From(new ZeroconfOptions { Backend = BackendMode.Embedded, HostName = "zoo-host" }, clock);
            return new HandoverBackend(Handover, policy, key, NullLoggerFactory.Instance, clock, (_, time) =>
            {
                Created++;
                return Lan.AddInkwell("zoo-host", seed: Created, time: time);
            });
        }

        public async Task<ServiceRegistration> RegisterAsync(HandoverBackend host, int port, params KeyValuePair<string, string?>[] txt) =>
            await Lan.RunUntil(host.RegisterAsync(new ServiceProfile("zoo", "_zoo._tcp", port) { Txt = txt }, TestContext.Current.CancellationToken), s_limit);

        private IEnumerable<DnsMessage> FromZooHost => Lan.Network.Log.Where(p => p.From == "zoo-host")
            .Select(p => DnsMessage.TryParse(p.Data, out DnsMessage message, out _, out _) ? message : null).OfType<DnsMessage>();

        /// <summary>Probes for the instance sent so far (queries proposing its records).</summary>
        public int Probes => FromZooHost.Count(m => !m.IsResponse && m.Authorities.Any(r => IsInstance(r.Name)));

        /// <summary>Goodbyes for the instance sent so far.</summary>
        public int Goodbyes => FromZooHost.Count(m => m.IsResponse && m.Answers.Any(r => r.Ttl == 0 && IsInstance(r.Name)));

        /// <summary>Whether the host sent a response carrying a live TXT record with <paramref name="entry"/>.</summary>
        public bool AnnouncedTxt(string entry) => FromZooHost.Any(m => m.IsResponse
            && m.Answers.Any(r => r.Type == DnsRecordType.Txt && r.Ttl > 0 && r.Data.ToString()!.Contains(entry, StringComparison.Ordinal)));

        /// <summary>Stops <paramref name="host"/> as a reload stops it: with the restarting switch on, which is off again afterwards.</summary>
        public async Task StopForRestartAsync(HandoverBackend host)
        {
            Restarting = true;
            await host.DisposeAsync();
            Restarting = false;
        }

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

        await lab.StopForRestartAsync(first);
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
        Assert.True(lab.AnnouncedTxt("v=2"));

        // The old host's handle no longer withdraws anything; the new one does.
        await registration.DisposeAsync();
        Assert.Equal(0, lab.Goodbyes);
        await taken.DisposeAsync();
        Assert.True(lab.Goodbyes >= 1);
        await second.DisposeAsync();
    }

    /// <summary>
    /// A TimeProvider of the app's own, as a version's container builds it: virtual time read from the LAN's clock, through an
    /// instance per version. Counts its live timers, and what it is asked once <see cref="Retired"/> (its version is gone).
    /// </summary>
    private sealed class AppClock(TimeProvider lan) : TimeProvider
    {
        private int _liveTimers;
        private int _calls;
        private int _callsWhileRetired;

        public bool Retired { get; set; }

        public int LiveTimers => Volatile.Read(ref _liveTimers);

        public int Calls => Volatile.Read(ref _calls);

        public int CallsWhileRetired => Volatile.Read(ref _callsWhileRetired);

        public override long TimestampFrequency => lan.TimestampFrequency;

        public override DateTimeOffset GetUtcNow()
        {
            Asked();
            return lan.GetUtcNow();
        }

        public override long GetTimestamp()
        {
            Asked();
            return lan.GetTimestamp();
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Asked();
            Interlocked.Increment(ref _liveTimers);
            return new CountedTimer(lan.CreateTimer(callback, state, dueTime, period), () => Interlocked.Decrement(ref _liveTimers));
        }

        private void Asked()
        {
            Interlocked.Increment(ref _calls);
            if (Retired)
            {
                Interlocked.Increment(ref _callsWhileRetired);
            }
        }

        private sealed class CountedTimer(ITimer inner, Action disposed) : ITimer
        {
            private int _disposed;

            public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0)
                {
                    disposed();
                }
                inner.Dispose();
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }

    [Fact]
    public async Task Restart_AppsOwnClock_NextVersionsClockTakesItOver_AndTheOldClockIsLetGo()
    {
        await using var lab = new Lab();
        var firstClock = new AppClock(lab.Lan.Time);
        HandoverBackend first = lab.Host(firstClock);
        await lab.RegisterAsync(first, 5080, new KeyValuePair<string, string?>("v", "1"));
        int probes = lab.Probes;
        await lab.StopForRestartAsync(first);
        lab.Lan.Advance(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(10));
        Assert.True(firstClock.LiveTimers > 0); // the kept registration's grace runs on the stopped version's clock until then

        var secondClock = new AppClock(lab.Lan.Time);
        HandoverBackend second = lab.Host(secondClock);
        firstClock.Retired = true;

        // Another instance of the same clock type: the kept responder goes on, and nothing is armed on the old clock any more.
        Assert.Equal(1, lab.Created);
        Assert.Equal(0, firstClock.LiveTimers);
        ServiceRegistration taken = await lab.RegisterAsync(second, 5080, new KeyValuePair<string, string?>("v", "2"));
        Assert.Equal("zoo", taken.Name);
        lab.Lan.Advance(s_grace * 2, TimeSpan.FromMilliseconds(50));

        Assert.Equal(0, lab.Goodbyes);
        Assert.Equal(probes, lab.Probes);
        Assert.True(lab.AnnouncedTxt("v=2"));
        Assert.Equal(0, firstClock.CallsWhileRetired);
        Assert.True(secondClock.Calls > 0); // the responder's time comes from the running version's clock
        await taken.DisposeAsync();
        Assert.True(lab.Goodbyes >= 1);
        await second.DisposeAsync();
        Assert.Equal(0, firstClock.CallsWhileRetired);
    }

    [Fact]
    public async Task Restart_KeptRegistrationNobodyAsksFor_WithdrawnAfterTheGraceOnTheNextVersionsClock()
    {
        await using var lab = new Lab();
        var firstClock = new AppClock(lab.Lan.Time);
        HandoverBackend first = lab.Host(firstClock);
        await lab.RegisterAsync(first, 5080);
        await lab.StopForRestartAsync(first);

        var secondClock = new AppClock(lab.Lan.Time);
        HandoverBackend second = lab.Host(secondClock);
        firstClock.Retired = true;
        Assert.Equal(1, lab.Created);
        Assert.Equal(0, firstClock.LiveTimers); // the grace left the old clock
        lab.Lan.Advance(s_grace - TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50));
        Assert.Equal(0, lab.Goodbyes);
        lab.Lan.Advance(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(50));

        // The grace moved to the new clock with the time it had left, and ended there.
        await Eventually.TrueAsync(() => lab.Goodbyes >= 1, () => $"goodbyes: {lab.Goodbyes}", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, firstClock.CallsWhileRetired);
        Assert.Equal(0, firstClock.LiveTimers);
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
        await Eventually.TrueAsync(() => lab.Goodbyes >= 1 && lab.Handover.KeptBackends == 0, () => $"goodbyes: {lab.Goodbyes}, kept backends: {lab.Handover.KeptBackends}", cancellationToken: TestContext.Current.CancellationToken);

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
        await lab.StopForRestartAsync(first);

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
}
