using System.Diagnostics;

namespace Inkwell.Cli.Tests.Support;

/// <summary>Runs a program to its end (protoc, or inkwell as a separate process) and returns what it printed.</summary>
internal static class ToolRun
{
    /// <summary>The <c>inkwell</c> command built next to the tests, run as <c>dotnet inkwell.dll</c>.</summary>
    public static (int ExitCode, string Output, string Error) Inkwell(IEnumerable<string> arguments, string workingDirectory, string? stdinFile = null) =>
        Run("dotnet", [InkwellDll, .. arguments], workingDirectory, stdinFile);

    /// <summary><see cref="Inkwell"/> for a binary standard output.</summary>
    public static (int ExitCode, byte[] Output, string Error) InkwellForBytes(IEnumerable<string> arguments, string workingDirectory, string? stdinFile = null) =>
        RunForBytes("dotnet", [InkwellDll, .. arguments], workingDirectory, stdinFile);

    private static string InkwellDll => Path.Combine(AppContext.BaseDirectory, "inkwell.dll");

    /// <summary>Runs <paramref name="program"/> in <paramref name="workingDirectory"/>, with <paramref name="stdinFile"/>'s bytes
    /// on standard input when given and <paramref name="environment"/> added.</summary>
    public static (int ExitCode, string Output, string Error) Run(
        string program, IEnumerable<string> arguments, string workingDirectory, string? stdinFile = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exitCode, output, error) = RunForBytes(program, arguments, workingDirectory, stdinFile, environment);
        return (exitCode, System.Text.Encoding.UTF8.GetString(output), error);
    }

    /// <summary><see cref="Run"/> for a program whose standard output is binary (<c>--encode</c>): its bytes as written.</summary>
    public static (int ExitCode, byte[] Output, string Error) RunForBytes(
        string program, IEnumerable<string> arguments, string workingDirectory, string? stdinFile = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = stdinFile is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using Process process = Process.Start(start)!;
        var outputBytes = new MemoryStream();
        Task output = process.StandardOutput.BaseStream.CopyToAsync(outputBytes);
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (stdinFile is not null)
        {
            try
            {
                using (FileStream input = File.OpenRead(stdinFile))
                {
                    input.CopyTo(process.StandardInput.BaseStream);
                }

                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Refused before reading its input: the exit status and message tell.
            }
        }

        process.WaitForExit();
        output.Wait();
        return (process.ExitCode, outputBytes.ToArray(), error.Result);
    }
}
