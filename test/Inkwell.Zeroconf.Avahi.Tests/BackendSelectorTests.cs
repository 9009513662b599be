using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Inkwell.Zeroconf.Avahi.Tests.Lab;
using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.Avahi.Tests;

/// <summary>The auto / avahi / embedded choice, and the log line that says which one was taken.</summary>
public sealed class BackendSelectorTests
{
    [Fact(Timeout = 60_000)]
    public async Task UseAvahiAsync_AutoWithDaemon_AvahiAndLogsWhy()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);
        await using FakeAvahi fake = await FakeAvahi.StartAsync(lab.A, AvahiServerState.Running);
        var logger = new RecordingLogger();

        Assert.True(await BackendSelector.UseAvahiAsync(BackendMode.Auto, lab.A.BusAddress, logger, cancellationToken: ct));

        Assert.Contains("Using the avahi mDNS backend (avahi-daemon answers on the system bus)", logger.Lines);
    }

    [Fact(Timeout = 60_000)]
    public async Task UseAvahiAsync_AutoWithoutDaemon_EmbeddedAndLogsWhy()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);
        var logger = new RecordingLogger();

        Assert.False(await BackendSelector.UseAvahiAsync(BackendMode.Auto, lab.A.BusAddress, logger, cancellationToken: ct));

        Assert.Contains("Using the embedded mDNS backend (avahi-daemon does not answer on the system bus)", logger.Lines);
    }

    [Fact(Timeout = 60_000)]
    public async Task UseAvahiAsync_AutoWithNoBusSocket_EmbeddedWithoutConnecting_AndSaysTheSocketIsMissing()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var logger = new RecordingLogger();

        Assert.False(await BackendSelector.UseAvahiAsync(BackendMode.Auto, "unix:path=/nonexistent/inkwell-bus", logger, cancellationToken: ct));

        Assert.Equal(
            ["Avahi is not available at unix:path=/nonexistent/inkwell-bus: the bus socket does not exist",
                "Using the embedded mDNS backend (avahi-daemon does not answer on the system bus)"],
            logger.Lines);
    }

    [Fact(Timeout = 60_000)]
    public async Task UseAvahiAsync_AvahiAskedWithoutDaemon_ThrowsNamingTheBus()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using NetnsLab lab = await NetnsLab.CreateBusOnlyAsync(ct);

        AvahiException exception = await Assert.ThrowsAsync<AvahiException>(
            () => BackendSelector.UseAvahiAsync(BackendMode.Avahi, lab.A.BusAddress, new RecordingLogger(), cancellationToken: ct));

        Assert.Contains(lab.A.BusAddress, exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task UseAvahiAsync_Embedded_DoesNotTouchTheBus()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var logger = new RecordingLogger();

        // An address nothing listens on: asking the bus would log "not available"; embedded must not ask.
        Assert.False(await BackendSelector.UseAvahiAsync(BackendMode.Embedded, "unix:path=/nonexistent/inkwell-bus", logger, cancellationToken: ct));

        Assert.Equal(["Using the embedded mDNS backend (asked for)"], logger.Lines);
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}
