using Inkwell.Zeroconf.Internal;
using Inkwell.Zeroconf.Responder;

namespace Inkwell.Zeroconf.Backends;

/// <summary>A service registered with the embedded responder.</summary>
internal sealed class EmbeddedRegistration(EmbeddedBackend backend, ServiceRecordSet set, string serviceType, int port) : ServiceRegistration
{
    private int _disposed;

    public override string Name => set.Label;

    public override string ServiceType => serviceType;

    public override string Domain => "local";

    public override int Port => port;

    public override ValueTask UpdateTxtAsync(IReadOnlyList<KeyValuePair<string, string?>> txt, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        backend.UpdateTxt(set, TxtData.Encode(txt));
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            backend.Unregister(set);
        }
        return ValueTask.CompletedTask;
    }
}
