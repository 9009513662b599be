using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inkwell.Zeroconf.Hosting.Internal.Handover;

/// <summary>
/// The logger factory of a backend that outlives the hosts using it: it logs through the factory of the host that holds the
/// backend now, and nowhere while the backend is kept between two hosts. Holding the first host's factory instead would log
/// through a disposed factory, and keep that host's container (and with it that version of the app) alive.
/// </summary>
internal sealed class ForwardingLoggerFactory : ILoggerFactory
{
    private readonly List<ForwardingLogger> _loggers = [];
    private volatile ILoggerFactory _target = NullLoggerFactory.Instance;

    /// <summary>Sends what is logged from now on to <paramref name="target"/> (null: nowhere).</summary>
    public void ForwardTo(ILoggerFactory? target)
    {
        _target = target ?? NullLoggerFactory.Instance;
        // Each category's logger is made from the new factory now, as the backend made them from its first host's.
        lock (_loggers)
        {
            foreach (ForwardingLogger logger in _loggers)
            {
                _ = logger.IsEnabled(LogLevel.None);
            }
        }
    }

    public ILogger CreateLogger(string categoryName)
    {
        var logger = new ForwardingLogger(this, categoryName);
        _ = logger.IsEnabled(LogLevel.None);
        lock (_loggers)
        {
            _loggers.Add(logger);
        }
        return logger;
    }

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("Add providers to the host's logging.");

    public void Dispose()
    {
    }

    /// <summary>One category's logger, made again from the current target whenever the target changes.</summary>
    private sealed class ForwardingLogger(ForwardingLoggerFactory factory, string category) : ILogger
    {
        // One object, so a thread never sees one target's factory with another's logger.
        private volatile Made _current = new(NullLoggerFactory.Instance, NullLogger.Instance);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => Current.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => Current.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Current.Log(logLevel, eventId, state, exception, formatter);

        private ILogger Current
        {
            get
            {
                ILoggerFactory target = factory._target;
                Made current = _current;
                if (!ReferenceEquals(current.Factory, target))
                {
                    try
                    {
                        current = new(target, target.CreateLogger(category));
                    }
                    catch (ObjectDisposedException)
                    {
                        current = new(target, NullLogger.Instance);
                    }
                    _current = current;
                }
                return current.Logger;
            }
        }

        private sealed record Made(ILoggerFactory Factory, ILogger Logger);
    }
}
