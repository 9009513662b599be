using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Avahi.Tests.Behaviour;

/// <summary>
/// A browse kept running across several waits. Disposing cancels it first and lets a read still in flight finish, so a
/// wait that timed out fails the test with its own message: disposing an async iterator while it is being read throws
/// <see cref="NotSupportedException"/>, which used to hide the real failure.
/// </summary>
internal sealed class LiveBrowse : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly IAsyncEnumerator<ServiceBrowseEvent> _events;
    private Task<bool>? _pending;

    private LiveBrowse(IAsyncEnumerable<ServiceBrowseEvent> events, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _events = events.GetAsyncEnumerator(_stop.Token);
    }

    public static LiveBrowse Start(IServiceDiscoveryBackend backend, string type, CancellationToken cancellationToken)
        => new(backend.BrowseAsync(type, cancellationToken), cancellationToken);

    /// <summary>Reads until an event matches; fails the test after <see cref="BrowseWaits.Generous"/> or when the browse ends.</summary>
    public async Task<ServiceBrowseEvent> NextAsync(Func<ServiceBrowseEvent, bool> match, string what)
    {
        using var deadline = new CancellationTokenSource(BrowseWaits.Generous);
        while (true)
        {
            _pending ??= _events.MoveNextAsync().AsTask();
            bool more;
            try
            {
                more = await _pending.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                Assert.Fail($"No browse event for {what} within {BrowseWaits.Generous.TotalSeconds} s.");
                throw;
            }
            _pending = null;
            if (!more)
            {
                Assert.Fail($"The browse ended before an event for {what}.");
            }
            if (match(_events.Current))
            {
                return _events.Current;
            }
        }
    }

    /// <summary>Reads until the browse ends and returns how: null when it ended quietly, else its exception.</summary>
    public async Task<Exception?> EndAsync(TimeSpan timeout)
    {
        try
        {
            while (await (_pending ??= _events.MoveNextAsync().AsTask()).WaitAsync(timeout))
            {
                _pending = null;
            }
            _pending = null;
            return null;
        }
        catch (Exception exception) when (exception is not TimeoutException)
        {
            _pending = null;
            return exception;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_pending is not null)
        {
            try
            {
                await _pending;
            }
            catch (Exception)
            {
                // The browse was cancelled, or had failed: what it said was reported by the wait that started the read.
            }
        }
        await _events.DisposeAsync();
        _stop.Dispose();
    }
}
