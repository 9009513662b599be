using System.CommandLine;

namespace Inkwell.Cli;

/// <summary>The root of the <c>inkwell</c> command: its subcommands and how it is invoked.</summary>
internal static class InkwellCommand
{
    /// <summary>Builds the command tree. Each library adds its subcommand here when it has one.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Inkwell: a protobuf compiler with message inheritance, live C# module reloading, and DNS-SD for .NET.");
        root.Subcommands.Add(Commands.Protoc.ProtocCommandDefinition.Create());
        root.Subcommands.Add(Commands.Run.RunCommandDefinition.Create());
        root.Subcommands.Add(Commands.DnsSd.DnsSdCommandDefinition.Create());
        return root;
    }

    /// <summary>The exit code of a command that could not finish because it was asked to stop: what a shell reports for a
    /// command ended by Ctrl-C (128 + SIGINT).</summary>
    public const int StoppedExitCode = 130;

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="stopRequested">
    /// Asks the running command to stop (the process's SIGINT and SIGTERM, see <see cref="TerminationSignals"/>). A
    /// long-running command (<c>dns-sd</c>, <c>run</c>) cleans up and returns 0: stopping it is how it ends. A command that
    /// works towards a result (<c>protoc</c>) gives up, and the exit code is <see cref="StoppedExitCode"/>.
    /// </param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken stopRequested = default)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Signals are handled by TerminationSignals, not by System.CommandLine (why: see there).
            ProcessTerminationTimeout = null,
            // Its handler turns an OperationCanceledException into exit code 1, as for any failure; a stop is not one.
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await Create().Parse(args).InvokeAsync(configuration, stopRequested);
        }
        catch (OperationCanceledException) when (stopRequested.IsCancellationRequested)
        {
            return StoppedExitCode;
        }
        catch (Exception exception)
        {
            await error.WriteLineAsync($"inkwell: unhandled exception: {exception}");
            return 1;
        }
    }
}
