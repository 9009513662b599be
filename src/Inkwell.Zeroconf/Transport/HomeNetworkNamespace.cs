using System.ComponentModel;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Inkwell.Zeroconf.Transport;

/// <summary>
/// The Linux network namespace a transport's sockets were opened in, so that interfaces are always enumerated there.
/// A process may open sockets from a thread it moved into another namespace with <c>setns(2)</c> (test labs and
/// container tools do); a socket stays in the namespace it was created in, but .NET's
/// <c>NetworkChange.NetworkAddressChanged</c> calls back on a runtime thread in the process's own namespace, where
/// <c>NetworkInterface.GetAllNetworkInterfaces</c> would list other interfaces, or none of the chosen ones, and the
/// transport would stop listening on a link that is still there. Elsewhere, or when the namespace is the caller's
/// own, this costs one <c>readlink</c>.
/// </summary>
internal sealed partial class HomeNetworkNamespace : IDisposable
{
    private const string CurrentThreadNamespace = "/proc/thread-self/ns/net";
    private const int CloneNewNet = 0x40000000;

    private readonly SafeFileHandle _handle;
    private readonly string _identity;

    private HomeNetworkNamespace(SafeFileHandle handle, string identity)
    {
        _handle = handle;
        _identity = identity;
    }

    /// <summary>The calling thread's network namespace; null off Linux or where <c>/proc</c> does not tell.</summary>
    public static HomeNetworkNamespace? OfCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        try
        {
            string? identity = CurrentIdentity();
            return identity is null ? null : new HomeNetworkNamespace(File.OpenHandle(CurrentThreadNamespace), identity);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The namespace at <paramref name="path"/> (a <c>/proc/PID/ns/net</c> link or an <c>ip netns</c> file under
    /// <c>/run/netns</c>); its identity is read from inside it.
    /// </summary>
    /// <exception cref="Win32Exception">The namespace could not be entered.</exception>
    internal static HomeNetworkNamespace Open(string path)
    {
        SafeFileHandle handle = File.OpenHandle(path);
        try
        {
            var entering = new HomeNetworkNamespace(handle, identity: "");
            string identity = entering.Run(CurrentIdentity) ?? throw new IOException($"{CurrentThreadNamespace} does not name a namespace.");
            return new HomeNetworkNamespace(handle, identity);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="action"/> in this namespace: on the calling thread when it is already there, else on a short-lived thread moved in.</summary>
    /// <exception cref="Win32Exception">The namespace could not be entered; <paramref name="action"/> did not run.</exception>
    public T Run<T>(Func<T> action)
    {
        if (CurrentIdentity() == _identity)
        {
            return action();
        }
        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                // The thread ends right after: no other thread of the process ever changes namespace.
                if (SetNs(_handle, CloneNewNet) != 0)
                {
                    throw new Win32Exception(Marshal.GetLastPInvokeError(), "setns into the sockets' network namespace failed");
                }
                result = action();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        })
        {
            IsBackground = true,
            Name = "Inkwell.Zeroconf netns",
        };
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw failure is Win32Exception ? failure : new InvalidOperationException(failure.Message, failure);
        }
        return result!;
    }

    public void Dispose() => _handle.Dispose();

    private static string? CurrentIdentity()
        => File.ResolveLinkTarget(CurrentThreadNamespace, returnFinalTarget: false)?.ToString();

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(SafeFileHandle fd, int nstype);
}
