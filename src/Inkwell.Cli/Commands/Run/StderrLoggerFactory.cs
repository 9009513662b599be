using Microsoft.Extensions.Logging;

namespace Inkwell.Cli.Commands.Run;

/// <summary>Writes log lines to the command's error stream. A few lines instead of a console logging package: the
/// command needs one format on one stream, written synchronously so lines keep their order with its own output.
/// Without <c>--verbose</c> only warnings the command does not already report are shown (old versions still
/// alive, watcher trouble, state that could not be carried over); reload outcomes (event ids 1xx) it prints
/// itself.</summary>
internal sealed class StderrLoggerFactory(TextWriter error, bool verbose) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(error, verbose);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class StderrLogger(TextWriter error, bool verbose) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= (verbose ? LogLevel.Debug : LogLevel.Warning) && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && (verbose || eventId.Id is < 100 or >= 200))
            {
                error.WriteLine($"[inkwell] {logLevel.ToString().ToLowerInvariant()}: {formatter(state, exception)}");
            }
        }
    }
}
