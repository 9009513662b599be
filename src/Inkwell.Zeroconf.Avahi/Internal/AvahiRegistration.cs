using System.Threading.Channels;
using Inkwell.Zeroconf.Avahi.Internal.DBus;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>
/// A service registered through an Avahi entry group, kept registered for as long as it lives: renamed on a
/// collision (<c>GetAlternativeServiceName</c>), withdrawn while the server is not RUNNING and re-added when it
/// is, re-created when the daemon restarts. Disposing frees the group, and Avahi says goodbye.
/// </summary>
/// <remarks>
/// One loop owns all the state and handles, in order, everything that can happen to the registration: daemon
/// status changes, the group's <c>StateChanged</c> signals, TXT updates and disposal. No locks, no races between
/// a restart and an update.
/// </remarks>
internal sealed partial class AvahiRegistration : IAsyncDisposable
{
    private readonly AvahiClient _client;
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _firstEstablished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IDisposable _statusSubscription;
    private readonly Task _loop;
    private AvahiServiceSpec _spec;
    private string _name;
    private int _disposeState;

    private AvahiRegistration(AvahiClient client, AvahiServiceSpec spec)
    {
        _client = client;
        _spec = spec;
        _name = spec.Name;
        _statusSubscription = client.Subscribe(status => _events.Writer.TryWrite(status));
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The name the service is registered under now: the requested one, or the one picked after a collision.</summary>
    public string Name => Volatile.Read(ref _name);

    public string Type => _spec.Type;

    /// <summary>Whether Avahi reports the group ESTABLISHED now (false while re-registering after a restart or collision).</summary>
    public bool IsEstablished { get; private set; }

    /// <summary>Raised (on the registration's loop) when a collision made the daemon pick another name (previous, new).</summary>
    public event Action<string, string>? Renamed;

    /// <summary>Registers and waits until Avahi reports the group ESTABLISHED (probing done).</summary>
    /// <exception cref="AvahiException">Avahi refused the service, its group failed, or the bus went away.</exception>
    public static async Task<AvahiRegistration> RegisterAsync(AvahiClient client, AvahiServiceSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrEmpty(spec.Name);
        ArgumentException.ThrowIfNullOrEmpty(spec.Type);
        var registration = new AvahiRegistration(client, spec);
        try
        {
            await registration._firstEstablished.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return registration;
        }
        catch
        {
            await registration.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Replaces the TXT record (Avahi's <c>UpdateServiceTxt</c>: no re-probing, the new record is announced).</summary>
    public async Task UpdateTxtAsync(IReadOnlyList<byte[]> txt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(txt);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposeState) != 0, this);
        var request = new UpdateTxtRequest(txt);
        if (!_events.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(AvahiRegistration));
        }
        await request.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeState, 1) != 0)
        {
            await _loop.ConfigureAwait(false);
            return;
        }
        _statusSubscription.Dispose();
        _events.Writer.TryWrite(DisposeRequest.Instance);
        await _loop.ConfigureAwait(false);
    }

    private sealed record UpdateTxtRequest(IReadOnlyList<byte[]> Txt)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record GroupSignal(string Path, AvahiSignal Signal);

    private sealed record DisposeRequest
    {
        public static readonly DisposeRequest Instance = new();
    }
}
