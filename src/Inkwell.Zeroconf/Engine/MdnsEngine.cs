using Inkwell.Zeroconf.Internal;
using Inkwell.Zeroconf.Querier;
using Inkwell.Zeroconf.Responder;
using Inkwell.Zeroconf.Transport;
using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.Engine;

/// <summary>
/// The hub of the embedded backend: receives packets from a transport, hands them to the responder
/// and the querier, sends what they produce, and runs their timers. All state lives under
/// <see cref="Gate"/>; timer callbacks and packet handlers take it, so the responder and querier are
/// single-threaded state machines. Time comes from <see cref="TimeProvider"/> only, so tests drive
/// everything in virtual time.
/// </summary>
internal sealed partial class MdnsEngine : IDisposable
{
    private readonly IMulticastTransport _transport;
    private readonly RecentPackets _sent = new();
    private bool _disposed;

    public MdnsEngine(IMulticastTransport transport, string hostLabel, TimeProvider timeProvider, ILogger logger, Random? random = null)
    {
        _transport = transport;
        TimeProvider = timeProvider;
        Logger = logger;
        Random = random ?? Random.Shared;
        Responder = new MdnsResponder(this, hostLabel);
        Querier = new MdnsQuerier(this);
    }

    /// <summary>Guards every piece of responder and querier state.</summary>
    public Lock Gate { get; } = new();

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public Random Random { get; }

    public MdnsResponder Responder { get; }

    public MdnsQuerier Querier { get; }

    public IReadOnlyList<NetworkLink> Links => _transport.Links;

    public DateTimeOffset Now => TimeProvider.GetUtcNow();

    public bool IsDisposed => _disposed;

    /// <summary>Starts receiving and probes the host name.</summary>
    public void Start()
    {
        _transport.LinksChanged += OnLinksChanged;
        _transport.Start(OnPacket);
        lock (Gate)
        {
            Responder.Start();
        }
    }

    /// <summary>A uniformly random delay in [<paramref name="minMs"/>, <paramref name="maxMs"/>] milliseconds.</summary>
    public TimeSpan RandomDelay(int minMs, int maxMs) => TimeSpan.FromMilliseconds(minMs + Random.NextDouble() * (maxMs - minMs));

    /// <summary>
    /// Runs <paramref name="action"/> under <see cref="Gate"/> after <paramref name="delay"/> (at least
    /// 1 ms, so an action never runs inside the call that scheduled it, even with a fake clock).
    /// </summary>
    public ITimer Schedule(TimeSpan delay, Action action)
    {
        if (delay < TimeSpan.FromMilliseconds(1))
        {
            delay = TimeSpan.FromMilliseconds(1);
        }
        var callback = new ScheduledAction(this, action, oneShot: true);
        callback.Timer = TimeProvider.CreateTimer(static state => ((ScheduledAction)state!).Run(), callback, delay, Timeout.InfiniteTimeSpan);
        return callback.Timer;
    }

    /// <summary>
    /// A timer that runs <paramref name="action"/> under <see cref="Gate"/> each time it is armed with
    /// <see cref="Arm"/>: for work that recurs on a hot path (delayed shared answers), so arming it
    /// again allocates nothing.
    /// </summary>
    public ITimer CreateTimer(Action action)
    {
        var callback = new ScheduledAction(this, action, oneShot: false);
        callback.Timer = TimeProvider.CreateTimer(static state => ((ScheduledAction)state!).Run(), callback, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return callback.Timer;
    }

    /// <summary>Arms a timer from <see cref="CreateTimer"/> to fire once after <paramref name="delay"/> (at least 1 ms, as <see cref="Schedule"/>).</summary>
    public static void Arm(ITimer timer, TimeSpan delay) =>
        timer.Change(delay < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : delay, Timeout.InfiniteTimeSpan);

    /// <summary>An interface came, went or changed: probe and announce again, and ask again with QU (RFC 6762 §8.3, §5.4).</summary>
    private void OnLinksChanged()
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }
            Responder.OnLinksChanged();
            Querier.OnLinksChanged();
        }
    }

    /// <summary>Stops the engine after the responder said goodbye.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }
            Responder.Shutdown();
            Querier.Shutdown();
            _disposed = true;
        }
        _transport.LinksChanged -= OnLinksChanged;
        _transport.Dispose();
    }

    private sealed class ScheduledAction(MdnsEngine engine, Action action, bool oneShot)
    {
        public ITimer? Timer { get; set; }

        public void Run()
        {
            if (oneShot)
            {
                Timer?.Dispose();
            }
            lock (engine.Gate)
            {
                if (engine._disposed)
                {
                    return;
                }
                try
                {
                    action();
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    Log.TimerFailed(engine.Logger, exception);
                }
            }
        }
    }
}
