using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Inkwell.Reload.Tests;

/// <summary>Keeps every log entry, to assert on what the host logged.</summary>
public sealed class ListLoggerFactory : ILoggerFactory, ILogger
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message)> Entries { get; } = new();

    /// <summary>Waits until an entry matching <paramref name="match"/> is logged (checking every 20 ms) and returns it;
    /// fails after <paramref name="limit"/>, which only a broken host should reach.</summary>
    public async Task<(LogLevel Level, EventId Id, string Message)> WaitForAsync(
        Func<(LogLevel Level, EventId Id, string Message), bool> match, TimeSpan limit, CancellationToken cancellationToken)
    {
        long deadline = Environment.TickCount64 + (long)limit.TotalMilliseconds;
        while (true)
        {
            foreach (var entry in Entries)
            {
                if (match(entry))
                {
                    return entry;
                }
            }

            Assert.True(Environment.TickCount64 < deadline, $"No matching log entry within {limit.TotalSeconds:F0} s.");
            await Task.Delay(20, cancellationToken);
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, eventId, formatter(state, exception)));

    public void Dispose()
    {
    }
}
