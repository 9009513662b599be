using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Inkwell.Zeroconf.Avahi.Tests.Lab;

/// <summary>
/// Creates objects whose sockets live in a lab host's network namespace, from inside the test process: the
/// embedded backend chooses its interfaces and opens its sockets in its constructor, and a socket stays in the
/// namespace it was created in. So the constructor runs on a throw-away thread moved into the namespace with
/// <c>setns(2)</c>; the thread ends afterwards, and no other thread of the test process ever changes namespace.
/// </summary>
internal static partial class NetworkNamespace
{
    private const int CloneNewNet = 0x40000000;

    /// <summary>Runs <paramref name="create"/> inside the namespace <paramref name="name"/> (as <c>ip netns</c> named it).</summary>
    /// <exception cref="Win32Exception">The thread could not enter the namespace; nothing was created.</exception>
    public static T Create<T>(string name, Func<T> create)
    {
        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(Path.Combine("/run/netns", name));
                if (SetNs((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    // Never fall through to create(): its sockets would be on the machine's real interfaces.
                    throw new Win32Exception(Marshal.GetLastPInvokeError(), $"setns into network namespace {name} failed");
                }
                result = create();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        })
        {
            IsBackground = true,
            Name = "netns " + name,
        };
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException($"Creating an object inside network namespace {name} failed: {failure.Message}", failure);
        }
        return result!;
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nstype);
}
