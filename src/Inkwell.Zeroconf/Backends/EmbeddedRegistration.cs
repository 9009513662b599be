using Inkwell.Zeroconf.Internal;
using Inkwell.Zeroconf.Responder;

namespace Inkwell.Zeroconf.Backends;

/// <summary>A service registered with the embedded responder.</summary>
internal sealed class EmbeddedRegistration : ServiceRegistration
{
    private readonly EmbeddedBackend _backend;
    private readonly ServiceRecordSet _set;
    private readonly string _serviceType;
    private readonly int _port;
    private int _disposed;

    public EmbeddedRegistration(EmbeddedBackend backend, ServiceRecordSet set, string serviceType, int port)
    {
        _backend = backend;
        _set = set;
        _serviceType = serviceType;
        _port = port;
        // Raised under the engine's gate: hand it to the thread pool so a handler may call back in.
        set.Renamed = (previous, name) => ThreadPool.QueueUserWorkItem(_ => OnNameChanged(new ServiceNameChangedEventArgs(previous, name)));
    }

    public override string Name => _set.Label;

    public override string ServiceType => _serviceType;

    public override string Domain => "local";

    public override int Port => _port;

    public override ValueTask UpdateTxtAsync(IReadOnlyList<KeyValuePair<string, string?>> txt, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _backend.UpdateTxt(_set, TxtData.Encode(txt));
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _backend.Unregister(_set);
        }
        return ValueTask.CompletedTask;
    }
}
