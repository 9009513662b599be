using Microsoft.Extensions.Logging;

namespace Inkwell.Cli;

/// <summary>
/// Writes log lines to a command's error stream as <c>[inkwell] level: message</c>. A few lines instead of a console
/// logging package: a command needs one format on one stream, written synchronously so lines keep their order with
/// its own output, and Microsoft.Extensions.Logging.Console (with the options, configuration and dependency-injection
/// assemblies it loads) cost <c>dns-sd -B</c> some 50 ms of its time to first result (docs/benchmarks.md).
/// </summary>
/// <param name="error">Where the lines go.</param>
/// <param name="minimum">The lowest level written.</param>
/// <param name="shown">Which of the lines at or above <paramref name="minimum"/> are written: given the logger's category,
/// the level and the event id.</param>
/// <param name="plain">Which of the written lines are the command's own report, written as <c>[inkwell] message</c>
/// without the level (by event id); null for none.</param>
internal sealed class StderrLoggerFactory(
    TextWriter error, LogLevel minimum, Func<string, LogLevel, EventId, bool> shown, Func<EventId, bool>? plain = null) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private bool IsEnabled(LogLevel level) => level >= minimum && level != LogLevel.None;

    private void Write(string category, LogLevel level, EventId eventId, string message)
    {
        if (IsEnabled(level) && shown(category, level, eventId))
        {
            error.WriteLine(plain?.Invoke(eventId) == true
                ? $"[inkwell] {message}"
                : $"[inkwell] {level.ToString().ToLowerInvariant()}: {message}");
        }
    }

    private sealed class StderrLogger(StderrLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => factory.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                factory.Write(category, logLevel, eventId, formatter(state, exception));
            }
        }
    }
}
