using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Inkwell.Testing;

/// <summary>
/// A logger factory that keeps every entry, for tests that wait on what the code under test logged: an entry is the
/// event itself, so a test waits for it instead of sleeping and hoping it has happened.
/// </summary>
internal sealed class ListLoggerFactory : ILoggerFactory, ILogger
{
    private TaskCompletionSource _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every entry so far, in the order logged.</summary>
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message)> Entries { get; } = new();

    /// <summary>Waits until an entry matching <paramref name="match"/> has been logged and returns it; fails after
    /// <paramref name="limit"/>, which only broken code should reach.</summary>
    public async Task<(LogLevel Level, EventId Id, string Message)> WaitForAsync(
        Func<(LogLevel Level, EventId Id, string Message), bool> match, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        while (true)
        {
            Task next = Volatile.Read(ref _logged).Task; // taken before looking, so an entry logged meanwhile is not missed
            foreach (var entry in Entries)
            {
                if (match(entry))
                {
                    return entry;
                }
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"No matching log entry within {limit.TotalSeconds:F0} s; logged:\n{string.Join('\n', Entries.Select(e => $"{e.Id.Id} {e.Message}"))}");
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Entries.Enqueue((logLevel, eventId, formatter(state, exception)));
        Interlocked.Exchange(ref _logged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public void Dispose()
    {
    }
}
