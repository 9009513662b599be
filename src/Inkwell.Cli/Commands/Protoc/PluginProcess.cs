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
        var start = new ProcessStartInfo(executable ?? directive.PluginName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        Process process;
        try
        {
            process = executable is null ? throw new Win32Exception() : Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            // protoc's child process prints this after a failed exec and exits 1.
            await error.WriteLineAsync($"{shownName}: program not found or is not executable").ConfigureAwait(false);
            await error.WriteLineAsync("Please specify a program using absolute path or make sure the program is available in your PATH system variable").ConfigureAwait(false);
            await error.WriteLineAsync($"{directive.Flag}: {directive.PluginName}: Plugin failed with status code 1.").ConfigureAwait(false);
            return null;
        }

        using (process)
        {
            // Asked to stop (Ctrl-C, SIGTERM): the plugin goes too, rather than outliving the command.
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
            Task<byte[]> stdout = ReadAllAsync(process.StandardOutput.BaseStream, cancellationToken);
            Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.StandardInput.BaseStream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // A plugin that exits without reading its request: its exit status says what happened.
            }

            byte[] response = await stdout.ConfigureAwait(false);
            await error.WriteAsync(await stderr.ConfigureAwait(false)).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                // .NET reports a death by signal N as exit code 128 + N (the shell's convention).
                string what = process.ExitCode > 128 && !OperatingSystem.IsWindows()
                    ? $"Plugin killed by signal {process.ExitCode - 128}."
                    : $"Plugin failed with status code {process.ExitCode}.";
                await error.WriteLineAsync($"{directive.Flag}: {directive.PluginName}: {what}").ConfigureAwait(false);
                return null;
            }

            return response;
        }
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
