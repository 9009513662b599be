using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>
/// A connection to avahi-daemon over D-Bus: registers, browses and resolves services, and follows the daemon
/// (server state, the daemon leaving and coming back, the bus going away) so registrations and browsers
/// survive a daemon restart. See docs/zeroconf-avahi.md.
/// </summary>
internal sealed partial class AvahiClient : IAsyncDisposable
{
    private readonly DBusConnection _connection;
    private readonly AvahiClientOptions _options;
    private readonly string _address;
    private readonly Lock _lock = new();
    private readonly List<Action<AvahiDaemonStatus>> _listeners = [];
    private readonly CancellationTokenSource _disposed = new();
    private AvahiSignalRouter? _router;
    private IDisposable? _ownerSubscription;
    private AvahiDaemonStatus _status;
    private int _disposeState;

    private AvahiClient(DBusConnection connection, AvahiClientOptions options, string address)
    {
        _connection = connection;
        _options = options;
        _address = address;
        Logger = options.LoggerFactory.CreateLogger("Inkwell.Zeroconf.Avahi");
        Server = new AvahiServerProxy(connection);
    }

    public ILogger Logger { get; }

    public AvahiServerProxy Server { get; }

    public AvahiSignalRouter Router => _router ?? throw new InvalidOperationException("The client is not connected.");

    public DBusConnection Connection => _connection;

    public AvahiClientOptions Options => _options;

    /// <summary>The latest known state of the daemon.</summary>
    public AvahiDaemonStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    /// <summary>Connects to the bus and starts following the daemon; the daemon need not be running yet.</summary>
    /// <exception cref="AvahiException">The bus cannot be reached.</exception>
    public static async Task<AvahiClient> ConnectAsync(AvahiClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AvahiClientOptions();
        string address = options.ResolveBusAddress();
        var connection = new DBusConnection(new DBusConnectionOptions(address) { AutoConnect = false });
        var client = new AvahiClient(connection, options, address);
        try
        {
            await client.StartAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Whether <c>org.freedesktop.Avahi</c> answers on the bus within <paramref name="timeout"/> — the test for the
    /// <c>auto</c> backend choice. Never throws for an absent bus or daemon; does not start the daemon by D-Bus
    /// activation (the call carries NO_AUTO_START).
    /// </summary>
    public static async Task<bool> IsAvailableAsync(
        string? busAddress, TimeSpan timeout, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        string address = busAddress ?? DBusAddress.System ?? "";
        if (address.Length == 0)
        {
            return false;
        }
        if (IsMissingUnixSocket(address))
        {
            if (logger is not null)
            {
                Log.NotAvailable(logger, address, "the bus socket does not exist");
            }
            return false;
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var connection = new DBusConnection(new DBusConnectionOptions(address) { AutoConnect = false });
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(deadline.Token).ConfigureAwait(false);
            await new AvahiServerProxy(connection).GetVersionStringAsync(deadline.Token, MessageFlags.NoAutoStart).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is AvahiException or DBusConnectionException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (logger is not null)
            {
                Log.NotAvailable(logger, address, exception is OperationCanceledException ? $"no answer within {timeout}" : exception.Message);
            }
            return false;
        }
    }

    /// <summary>
    /// A plain <c>unix:path=…</c> address whose socket is not there: no daemon can answer on it. Telling so without a
    /// connect saves a failing connect's exception machinery, tens of milliseconds of a command's start
    /// (docs/benchmarks.md, <c>dns-sd -B</c> time to first result). Lists of addresses and escaped paths are tried as usual.
    /// </summary>
    private static bool IsMissingUnixSocket(string address)
    {
        const string Prefix = "unix:path=";
        if (!address.StartsWith(Prefix, StringComparison.Ordinal) || address.Contains(';', StringComparison.Ordinal) || address.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }
        int end = address.IndexOf(',', StringComparison.Ordinal);
        string path = end < 0 ? address[Prefix.Length..] : address[Prefix.Length..end];
        return path.Length > 0 && !File.Exists(path);
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeState, 1) != 0)
        {
            return ValueTask.CompletedTask;
        }
        // Registrations and browsers still alive end now, with a clear reason, instead of failing on a dead connection.
        lock (_lock)
        {
            Publish(new AvahiDaemonStatus(_status.Generation + 1, null, AvahiServerState.Invalid, new AvahiException("The Avahi client was disposed.")));
        }
        _disposed.Cancel();
        _ownerSubscription?.Dispose();
        _router?.Dispose();
        _connection.Dispose();
        // _disposed is not disposed: loops that are finishing may still link to its token.
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Calls <paramref name="listener"/> with the current status now and with every change, in order, until the
    /// returned subscription is disposed. The listener runs under the client's lock: it must only hand the status on.
    /// </summary>
    public IDisposable Subscribe(Action<AvahiDaemonStatus> listener)
    {
        lock (_lock)
        {
            _listeners.Add(listener);
            listener(_status);
        }
        return new Subscription(this, listener);
    }

    /// <summary>A token that cancels after <see cref="AvahiClientOptions.CallTimeout"/>, when the client is disposed, or with <paramref name="cancellationToken"/>.</summary>
    public CancellationTokenSource CreateCallTimeout(CancellationToken cancellationToken = default)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token, cancellationToken);
        source.CancelAfter(_options.CallTimeout);
        return source;
    }

    private void Unsubscribe(Action<AvahiDaemonStatus> listener)
    {
        lock (_lock)
        {
            _listeners.Remove(listener);
        }
    }

    private sealed class Subscription(AvahiClient client, Action<AvahiDaemonStatus> listener) : IDisposable
    {
        public void Dispose() => client.Unsubscribe(listener);
    }
}
