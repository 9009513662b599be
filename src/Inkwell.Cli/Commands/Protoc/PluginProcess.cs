using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary>Runs a plugin executable as protoc does: the request on its standard input, the response from its standard output.</summary>
internal static class PluginProcess
{
    /// <summary>
    /// Runs the plugin; returns its standard output, or null after printing protoc's message for a plugin that
    /// cannot be started, exits non-zero or dies of a signal. The plugin's standard error goes to <paramref name="error"/>.
    /// </summary>
    public static async Task<byte[]?> RunAsync(OutputDirective directive, string? explicitPath, byte[] request, TextWriter error, CancellationToken cancellationToken)
    {
        string shownName = explicitPath ?? directive.PluginName;
        string? executable = explicitPath ?? FindOnPath(directive.PluginName);
        (byte[] Output, int ExitCode, int Signal)? run = executable is null ? null
            : OperatingSystem.IsWindows() ? await RunProcessAsync(executable, request, error, cancellationToken).ConfigureAwait(false)
            : await RunSpawnedAsync(executable, request, error, cancellationToken).ConfigureAwait(false);
        if (run is not { } finished)
        {
            // protoc's child process prints this after a failed exec and exits 1.
            await error.WriteLineAsync($"{shownName}: program not found or is not executable").ConfigureAwait(false);
            await error.WriteLineAsync("Please specify a program using absolute path or make sure the program is available in your PATH system variable").ConfigureAwait(false);
            await error.WriteLineAsync($"{directive.Flag}: {directive.PluginName}: Plugin failed with status code 1.").ConfigureAwait(false);
            return null;
        }

        if (finished.Signal != 0 || finished.ExitCode != 0)
        {
            string what = finished.Signal != 0 ? $"Plugin killed by signal {finished.Signal}." : $"Plugin failed with status code {finished.ExitCode}.";
            await error.WriteLineAsync($"{directive.Flag}: {directive.PluginName}: {what}").ConfigureAwait(false);
            return null;
        }

        return finished.Output;
    }

    /// <summary>Unix: posix_spawn and waitpid, which tell a signal from an exit code (see <see cref="PosixChildProcess"/>). Null if it cannot be run.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static async Task<(byte[], int, int)?> RunSpawnedAsync(string executable, byte[] request, TextWriter error, CancellationToken cancellationToken)
    {
        using PosixChildProcess? child = PosixChildProcess.Start(executable);
        if (child is null)
        {
            return null;
        }

        // Asked to stop (Ctrl-C, SIGTERM): the plugin goes too, rather than outliving the command.
        using (cancellationToken.Register(child.Kill))
        {
            byte[] output = await CommunicateAsync(child.StandardInput, child.StandardOutput, child.StandardError, request, error, cancellationToken).ConfigureAwait(false);
            (int exitCode, int signal) = await child.WaitForExitAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return (output, exitCode, signal);
        }
    }

    /// <summary>Windows: <see cref="Process"/>, where there are no signals. Null if it cannot be run.</summary>
    private static async Task<(byte[], int, int)?> RunProcessAsync(string executable, byte[] request, TextWriter error, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            using CancellationTokenRegistration killOnStop = cancellationToken.Register(() =>
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            });
            byte[] output = await CommunicateAsync(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, process.StandardError.BaseStream, request, error, cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return (output, process.ExitCode, 0);
        }
    }

    /// <summary>Writes the request to the plugin and reads both of its outputs to their ends; its standard error is passed on.</summary>
    private static async Task<byte[]> CommunicateAsync(Stream stdin, Stream stdout, Stream stderr, byte[] request, TextWriter error, CancellationToken cancellationToken)
    {
        Task<byte[]> output = ReadAllAsync(stdout, cancellationToken);
        Task<byte[]> errorOutput = ReadAllAsync(stderr, cancellationToken);
        try
        {
            await stdin.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            await stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // A plugin that exits without reading its request: its exit status says what happened.
        }
        finally
        {
            stdin.Dispose();
        }

        byte[] response = await output.ConfigureAwait(false);
        await error.WriteAsync(Encoding.UTF8.GetString(await errorOutput.ConfigureAwait(false))).ConfigureAwait(false);
        return response;
    }

    /// <summary>protoc's C escaping of unparseable plugin output (octal for anything not printable ASCII).</summary>
    public static string CEscape(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            text.Append(b switch
            {
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                (byte)'\t' => "\\t",
                (byte)'"' => "\\\"",
                (byte)'\'' => "\\'",
                (byte)'\\' => "\\\\",
                < 0x20 or >= 0x7F => "\\" + Convert.ToString(b, 8).PadLeft(3, '0'),
                _ => ((char)b).ToString(),
            });
        }

        return text.ToString();
    }

    /// <summary>What execvp would run for a bare name: the first executable file of that name on PATH.</summary>
    private static string? FindOnPath(string name)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string candidate in OperatingSystem.IsWindows() ? new[] { name + ".exe", name } : [name])
            {
                string path = Path.Combine(directory, candidate);
                if (File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
                {
                    return path;
                }
            }
        }

        return null;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
