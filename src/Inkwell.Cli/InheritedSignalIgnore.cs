using System.Runtime.InteropServices;

namespace Inkwell.Cli;

/// <summary>
/// Undoes an ignored SIGINT inherited from the parent, so Ctrl-C and <c>kill -INT</c> stop <c>inkwell</c> wherever it was
/// started. A POSIX shell without job control (<c>sh -c 'inkwell dns-sd -R … &amp;'</c>, a script, a CI step) starts a
/// background command with SIGINT and SIGQUIT ignored, and .NET keeps an inherited SIG_IGN (its signal handling and
/// <see cref="PosixSignalRegistration"/> never install a handler over one), so <see cref="TerminationSignals"/> would never
/// see the signal and <c>kill -INT</c> would do nothing at all. Apple's <c>dns-sd</c> installs its SIGINT and SIGTERM
/// handlers unconditionally (signal(3)); so does inkwell, for SIGINT. An ignored SIGTERM is left as it is: no shell sets
/// that by itself, so it is somebody's explicit choice (<c>trap '' TERM</c>). docs/cli.md, "Stopping".
/// </summary>
/// <remarks>
/// Must run before anything initializes .NET's signal handling (<see cref="PosixSignalRegistration"/>, the console, a
/// child process): that first initialization records SIGINT's disposition once and for all.
/// </remarks>
internal static unsafe partial class InheritedSignalIgnore
{
    private const int SigInt = 2;
    private static readonly nint s_ignore = 1; // SIG_IGN on Linux and macOS; SIG_DFL is 0

    /// <summary>Sets SIGINT back to its default action if the process inherited it ignored; true when it did.</summary>
    public static bool RestoreInterrupt()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }
        // struct sigaction starts with the handler on Linux (every architecture .NET runs on) and macOS; the rest (mask,
        // flags) fits well within the buffer. Reading it through sigaction(2) leaves the disposition untouched, which
        // signal(3) could not: the runtime has a handler of its own there unless the signal is ignored.
        byte* action = stackalloc byte[512];
        new Span<byte>(action, 512).Clear();
        if (SigAction(SigInt, null, action) != 0 || *(nint*)action != s_ignore)
        {
            return false;
        }
        return Signal(SigInt, 0) != -1;
    }

    [LibraryImport("libc", EntryPoint = "sigaction")]
    private static partial int SigAction(int signal, byte* action, byte* oldAction);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);
}
