using Inkwell.Zeroconf;
using Inkwell.Zeroconf.Backends;
using Inkwell.Zeroconf.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Inkwell.Testing.Zeroconf;

/// <summary>
/// An in-memory link in virtual time with Inkwell instances and scripted raw peers on it. Advancing
/// the fake clock runs every timer and delivery in order on the test's thread.
/// </summary>
internal sealed class SimulatedLan : IAsyncDisposable
{
    private readonly List<EmbeddedBackend> _backends = [];
    private int _nextAddress = 10;

    public SimulatedLan()
    {
        Network = new InMemoryNetwork(Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public InMemoryNetwork Network { get; }

    public DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Virtual time since the LAN was created.</summary>
    public TimeSpan Elapsed => Time.GetUtcNow() - Start;

    /// <summary>
    /// Adds an Inkwell instance; pass another instance's <paramref name="address"/> to run both on one host (two programs), and
    /// a clock of its own as <paramref name="time"/> (one that reads <see cref="Time"/>, or virtual time would split).
    /// </summary>
    public EmbeddedBackend AddInkwell(string hostName, int seed = 1, string? address = null, TimeProvider? time = null)
    {
        // Synchronous like the rest of the LAN set-up; CreateAsync runs the same Open and completes at once.
        EmbeddedBackend backend = EmbeddedBackend.Open(new DnsServiceDiscoveryOptions
        {
            Transport = Network.AddHost(hostName, address ?? $"192.168.7.{_nextAddress++}"),
            TimeProvider = time ?? Time,
            HostName = hostName,
            Random = new Random(seed),
        });
        _backends.Add(backend);
        return backend;
    }

    public RawPeer AddPeer(string name, int sourcePort = MulticastDnsEndpoints.Port, string? address = null) =>
        new(Network.AddHost(name, address ?? $"192.168.7.{_nextAddress++}", sourcePort), Time);

    /// <summary>
    /// Advances virtual time in steps. FakeTimeProvider fires every timer due within one step at the
    /// step's end, so the step is the timing resolution: 1 ms by default, coarser for long spans.
    /// </summary>
    public void Advance(TimeSpan span, TimeSpan? step = null)
    {
        TimeSpan s = step ?? TimeSpan.FromMilliseconds(1);
        DateTimeOffset end = Time.GetUtcNow() + span;
        while (Time.GetUtcNow() < end)
        {
            TimeSpan left = end - Time.GetUtcNow();
            Time.Advance(left < s ? left : s);
        }
    }

    /// <summary>Advances virtual time until <paramref name="task"/> completes (or <paramref name="limit"/> passes), then awaits it.</summary>
    public async Task<T> RunUntil<T>(Task<T> task, TimeSpan limit)
    {
        DateTimeOffset end = Time.GetUtcNow() + limit;
        int steps = 0;
        while (!task.IsCompleted && Time.GetUtcNow() < end)
        {
            Time.Advance(TimeSpan.FromMilliseconds(1));
            if (++steps % 20 == 0)
            {
                await Task.Yield();
            }
        }
        // The task's continuation may still be on its way from the thread pool.
        await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        return await task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Waits (in real time) until a browse or query started on another thread has subscribed, so virtual
    /// time does not start moving before it; a fixed delay would be flaky on a loaded machine.
    /// </summary>
    public static async Task WaitForQueries(EmbeddedBackend backend, int count = 1)
    {
        int Subscribed()
        {
            lock (backend.Engine.Gate)
            {
                return backend.Engine.Querier.QueryCount;
            }
        }

        await Eventually.TrueAsync(() => Subscribed() >= count, () => $"The browse or query never subscribed: {Subscribed()} of {count} queries.", cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (EmbeddedBackend backend in _backends)
        {
            await backend.DisposeAsync();
        }
    }
}
