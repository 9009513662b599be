using System.Diagnostics;

namespace Inkwell.Testing;

/// <summary>
/// Runs a program to its end (protoc, BIND's tools, ip, <c>inkwell</c> as a separate process, …) and returns what it
/// printed. For programs that keep running while the test talks to them, see <see cref="TestProcess"/>.
/// </summary>
internal static class ProcessRun
{
    /// <summary>
    /// Runs <paramref name="fileName"/> to its end in <paramref name="workingDirectory"/> (default: the current one), with
    /// <paramref name="environment"/> added, and with <paramref name="input"/> (text) or <paramref name="inputFile"/>'s bytes
    /// on standard input when given.
    /// </summary>
    public static ProcessResult Run(
        string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, string? input = null, string? inputFile = null)
    {
        byte[]? bytes = input is null ? null : System.Text.Encoding.UTF8.GetBytes(input);
        (int exitCode, byte[] output, string error, string commandLine) = RunCore(fileName, arguments, workingDirectory, environment, bytes, inputFile);
        return new ProcessResult(exitCode, System.Text.Encoding.UTF8.GetString(output), error) { CommandLine = commandLine };
    }

    /// <summary>
    /// <see cref="Run"/> for a program whose standard output is binary (<c>protoc --encode</c>): its bytes as written. Standard
    /// input gets <paramref name="inputFile"/>'s bytes or <paramref name="input"/> when given (<c>protoc --decode</c>).
    /// </summary>
    public static (int ExitCode, byte[] Output, string Error) RunForBytes(
        string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, string? inputFile = null, byte[]? input = null)
    {
        (int exitCode, byte[] output, string error, _) = RunCore(fileName, arguments, workingDirectory, environment, input, inputFile);
        return (exitCode, output, error);
    }

    private static (int ExitCode, byte[] Output, string Error, string CommandLine) RunCore(
        string fileName, IEnumerable<string> arguments, string? workingDirectory,
        IReadOnlyDictionary<string, string>? environment, byte[]? input, string? inputFile)
    {
        using Process process = Process.Start(StartInfo(fileName, arguments, workingDirectory, environment, redirectInput: input is not null || inputFile is not null))!;
        var output = new MemoryStream();
        Task copied = process.StandardOutput.BaseStream.CopyToAsync(output);
        Task<string> error = process.StandardError.ReadToEndAsync();
        WriteInput(process, input, inputFile);
        process.WaitForExit();
        copied.Wait();
        return (process.ExitCode, output.ToArray(), error.Result, CommandLine(process.StartInfo));
    }

    /// <summary>
    /// Runs <paramref name="fileName"/> to its end, killing it (and failing with what it printed) when it takes longer
    /// than <paramref name="timeout"/> (default: 60 s, generous for a loaded machine).
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default, string? workingDirectory = null)
    {
        using TestProcess process = TestProcess.Start(fileName, arguments, environment, workingDirectory);
        int exitCode = await process.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(60), cancellationToken);
        return new ProcessResult(exitCode, string.Join("", process.Lines.Select(l => l + "\n")), process.Errors) { CommandLine = process.CommandLine };
    }

    /// <summary>The start information every process of the tests uses: no shell, both output streams redirected.</summary>
    internal static ProcessStartInfo StartInfo(
        string fileName, IEnumerable<string> arguments, string? workingDirectory, IReadOnlyDictionary<string, string>? environment, bool redirectInput)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        return start;
    }

    internal static string CommandLine(ProcessStartInfo start) => string.Join(' ', [start.FileName, .. start.ArgumentList]);

    private static void WriteInput(Process process, byte[]? input, string? inputFile)
    {
        if (input is null && inputFile is null)
        {
            return;
        }
        try
        {
            if (inputFile is not null)
            {
                using FileStream file = File.OpenRead(inputFile);
                file.CopyTo(process.StandardInput.BaseStream);
            }
            else
            {
                process.StandardInput.BaseStream.Write(input!);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program stopped reading (refused its input early): its exit status and message tell.
        }
    }
}
