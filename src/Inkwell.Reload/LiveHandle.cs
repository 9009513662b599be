using Inkwell.Reload.Internal;

namespace Inkwell.Reload;

/// <summary>
/// A late-bound reference to the module type implementing <typeparamref name="T"/> (an interface or base class
/// from a shared assembly). <see cref="Value"/> always answers with an instance of the current version: after a
/// reload the handle drops the old instance (so the old version can be collected) and makes a new one when next
/// asked. Code that talks to modules only through a handle is never reloaded itself.
/// </summary>
/// <typeparam name="T">A type shared between the host and the modules.</typeparam>
public sealed class LiveHandle<T> : IDisposable, ILiveHandle
    where T : class
{
    private readonly ReloadHost _host;
    private readonly Lock _gate = new();
    private T? _value;
    private int _generation = -1;
    private bool _disposed;

    internal LiveHandle(ReloadHost host) => _host = host;

    /// <summary>The current version's instance, created on first use after each reload.</summary>
    /// <exception cref="InvalidOperationException">No module, or more than one, implements <typeparamref name="T"/>.</exception>
    public T Value
    {
        get
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                int generation = _host.Generation;
                if (_value is null || generation != _generation)
                {
                    _value = _host.Resolve<T>();
                    _generation = generation;
                }

                return _value;
            }
        }
    }

    /// <summary>The generation the current instance belongs to (-1 before the first use).</summary>
    public int Generation => _generation;

    /// <summary>Stops following reloads and lets go of the instance.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _value = null;
        }

        _host.ForgetHandle(this);
    }

    void ILiveHandle.Invalidate()
    {
        lock (_gate)
        {
            (_value as IDisposable)?.Dispose();
            _value = null;
        }
    }
}
