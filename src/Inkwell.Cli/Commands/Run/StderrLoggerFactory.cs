using Microsoft.Extensions.Logging;

namespace Inkwell.Cli.Commands.Run;

/// <summary>Writes log lines to the command's error stream, for <c>--verbose</c>. A few lines instead of a console
/// logging package: the command needs one format on one stream, written synchronously so lines keep their order
/// with the command's own output.</summary>
internal sealed class StderrLoggerFactory(TextWriter error, LogLevel minimum) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(error, minimum);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class StderrLogger(TextWriter error, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                error.WriteLine($"[inkwell] {logLevel.ToString().ToLowerInvariant()}: {formatter(state, exception)}");
            }
        }
    }
}
