using System.IO.Pipes;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary>
/// A child process started with <c>posix_spawn</c> and reaped with <c>waitpid</c>, its standard streams piped. Why not
/// <see cref="System.Diagnostics.Process"/>: it reports a death by signal N as exit code 128 + N, so a plugin killed by
/// SIGSEGV and one that exits with 139 look the same, and protoc tells them apart (<c>Plugin killed by signal 11.</c>,
/// <c>Plugin failed with status code 139.</c>). The runtime reaps only the children it started itself, so this one's
/// wait status is ours to read.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class PosixChildProcess : IDisposable
{
    private const int SigKill = 9;
    private const int ChildNotFound = 10; // ECHILD

    private readonly int _pid;
    private readonly AnonymousPipeServerStream _stdin;
    private readonly AnonymousPipeServerStream _stdout;
    private readonly AnonymousPipeServerStream _stderr;
    private (int ExitCode, int Signal)? _exit;

    private PosixChildProcess(int pid, AnonymousPipeServerStream stdin, AnonymousPipeServerStream stdout, AnonymousPipeServerStream stderr)
    {
        _pid = pid;
        _stdin = stdin;
        _stdout = stdout;
        _stderr = stderr;
    }

    /// <summary>The child's standard input; dispose it to close the pipe.</summary>
    public Stream StandardInput => _stdin;

    public Stream StandardOutput => _stdout;

    public Stream StandardError => _stderr;

    /// <summary>Starts <paramref name="path"/> (no PATH search, as <c>execv</c>) without arguments, in this process's environment; null if it cannot be run.</summary>
    public static PosixChildProcess? Start(string path)
    {
        // .NET's anonymous pipes are close-on-exec; dup2 onto 0, 1 and 2 gives the child its own copies without the flag.
        var stdin = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.None);
        var stdout = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None);
        var stderr = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None);
        IntPtr fileActions = Marshal.AllocHGlobal(1024); // posix_spawn_file_actions_t: 80 bytes in glibc, a pointer on macOS
        IntPtr[] argv = [Marshal.StringToCoTaskMemUTF8(path), IntPtr.Zero];
        IntPtr[] envp = [.. Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(entry => Marshal.StringToCoTaskMemUTF8($"{entry.Key}={entry.Value}")), IntPtr.Zero];
        try
        {
            Check(posix_spawn_file_actions_init(fileActions));
            try
            {
                Check(posix_spawn_file_actions_adddup2(fileActions, Descriptor(stdin.ClientSafePipeHandle), 0));
                Check(posix_spawn_file_actions_adddup2(fileActions, Descriptor(stdout.ClientSafePipeHandle), 1));
                Check(posix_spawn_file_actions_adddup2(fileActions, Descriptor(stderr.ClientSafePipeHandle), 2));
                int result = posix_spawn(out int pid, path, fileActions, IntPtr.Zero, argv, envp);
                if (result != 0)
                {
                    DisposeAll();
                    return null;
                }

                // The child has its copies: closing ours lets the pipes report end of file when it exits.
                stdin.DisposeLocalCopyOfClientHandle();
                stdout.DisposeLocalCopyOfClientHandle();
                stderr.DisposeLocalCopyOfClientHandle();
                return new PosixChildProcess(pid, stdin, stdout, stderr);
            }
            finally
            {
                _ = posix_spawn_file_actions_destroy(fileActions);
            }
        }
        catch
        {
            DisposeAll();
            throw;
        }
        finally
        {
            Marshal.FreeHGlobal(fileActions);
            foreach (IntPtr pointer in argv.Concat(envp))
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }

        void DisposeAll()
        {
            stdin.Dispose();
            stdout.Dispose();
            stderr.Dispose();
        }
    }

    /// <summary>
    /// Waits for the child to end: its exit code, or the number of the signal that killed it (then the code is 0).
    /// If something else reaped it first (a host that ignores SIGCHLD), its status is lost and reads as exit code 0.
    /// </summary>
    public async Task<(int ExitCode, int Signal)> WaitForExitAsync() => _exit ??= await Task.Run(() =>
    {
        int status;
        while (waitpid(_pid, out status, 0) < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == ChildNotFound)
            {
                return (0, 0);
            }
        }

        // WIFEXITED / WEXITSTATUS / WTERMSIG, the same on Linux and macOS.
        int low = status & 0x7F;
        return low == 0 ? ((status >> 8) & 0xFF, 0) : (0, low);
    }).ConfigureAwait(false);

    /// <summary>Kills the child (SIGKILL) if it has not been reaped yet.</summary>
    public void Kill()
    {
        if (_exit is null)
        {
            _ = kill(_pid, SigKill);
        }
    }

    public void Dispose()
    {
        _stdin.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
    }

    private static int Descriptor(SafeHandle handle) => (int)handle.DangerousGetHandle();

    private static void Check(int result)
    {
        if (result != 0)
        {
            throw new IOException($"posix_spawn_file_actions failed: error {result}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_spawn_file_actions_init(IntPtr fileActions);

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_spawn_file_actions_adddup2(IntPtr fileActions, int fd, int newFd);

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_spawn_file_actions_destroy(IntPtr fileActions);

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int posix_spawn(out int pid, string path, IntPtr fileActions, IntPtr attributes, IntPtr[] argv, IntPtr[] envp);

    [DllImport("libc", SetLastError = true)]
    private static extern int waitpid(int pid, out int status, int options);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
