using System.Reflection;

namespace Inkwell.Reload;

public sealed partial class ReloadHost
{
    private readonly List<WeakReference<Internal.ILiveHandle>> _handles = [];

    /// <summary>
    /// Creates an instance of the one module type (of the current version) that implements
    /// <typeparamref name="T"/>, through its parameterless constructor. Keep it only until the next reload: a
    /// <see cref="LiveHandle{T}"/> does that for you.
    /// </summary>
    /// <exception cref="InvalidOperationException">No module type, or more than one, implements <typeparamref name="T"/>.</exception>
    public T Resolve<T>()
        where T : class
    {
        return TryResolve(out T? value, out string? problem) ? value : throw new InvalidOperationException(problem);
    }

    /// <summary>Like <see cref="Resolve{T}"/>, returning false when no single module type implements <typeparamref name="T"/>.</summary>
    public bool TryResolve<T>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
        where T : class
    {
        return TryResolve(out value, out _);
    }

    /// <summary>A handle whose <see cref="LiveHandle{T}.Value"/> follows reloads.</summary>
    public LiveHandle<T> GetHandle<T>()
        where T : class
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var handle = new LiveHandle<T>(this);
        lock (_handles)
        {
            _handles.Add(new WeakReference<Internal.ILiveHandle>(handle));
        }

        return handle;
    }

    internal void ForgetHandle(Internal.ILiveHandle handle)
    {
        lock (_handles)
        {
            _handles.RemoveAll(w => !w.TryGetTarget(out Internal.ILiveHandle? h) || ReferenceEquals(h, handle));
        }
    }

    private bool TryResolve<T>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value, out string? problem)
        where T : class
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        value = null;
        if (typeof(T).Assembly.IsCollectible)
        {
            problem = $"{typeof(T)} is defined in a module; Resolve needs a type shared with the host (an interface in a shared assembly).";
            return false;
        }

        Internal.Snapshot snapshot = _snapshot;
        List<Type> candidates = [.. snapshot.UnitOrder
            .SelectMany(u => snapshot.Units[u].Assembly.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false, ContainsGenericParameters: false } && typeof(T).IsAssignableFrom(t))];
        if (candidates.Count != 1)
        {
            problem = candidates.Count == 0
                ? $"No module type implements {typeof(T)}."
                : $"Several module types implement {typeof(T)}: {string.Join(", ", candidates.Select(c => c.FullName))}.";
            return false;
        }

        try
        {
            value = (T)Activator.CreateInstance(candidates[0], nonPublic: true)!;
        }
        catch (MissingMethodException)
        {
            problem = $"{candidates[0].FullName} implements {typeof(T)} but has no parameterless constructor.";
            return false;
        }
        catch (TargetInvocationException exception)
        {
            problem = $"The constructor of {candidates[0].FullName} threw: {exception.InnerException?.Message}";
            return false;
        }

        problem = null;
        return true;
    }

    private void InvalidateHandles()
    {
        lock (_handles)
        {
            _handles.RemoveAll(w => !w.TryGetTarget(out _));
            foreach (WeakReference<Internal.ILiveHandle> weak in _handles)
            {
                if (weak.TryGetTarget(out Internal.ILiveHandle? handle))
                {
                    handle.Invalidate();
                }
            }
        }
    }
}
