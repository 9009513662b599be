using System.Diagnostics;

namespace Inkwell.Cli.Tests.Support;

/// <summary>Runs a program to its end (protoc, or inkwell as a separate process) and returns what it printed.</summary>
internal static class ToolRun
{
    /// <summary>The <c>inkwell</c> command built next to the tests, run as <c>dotnet inkwell.dll</c>.</summary>
    public static (int ExitCode, string Output, string Error) Inkwell(IEnumerable<string> arguments, string workingDirectory, string? stdinFile = null) =>
        Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "inkwell.dll"), .. arguments], workingDirectory, stdinFile);

    /// <summary>Runs <paramref name="program"/> in <paramref name="workingDirectory"/>, with <paramref name="stdinFile"/>'s bytes
    /// on standard input when given and <paramref name="environment"/> added.</summary>
    public static (int ExitCode, string Output, string Error) Run(
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
        Task<string> output = process.StandardOutput.ReadToEndAsync();
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
        return (process.ExitCode, output.Result, error.Result);
    }
}
