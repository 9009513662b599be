using System.CommandLine;
using System.Reflection;

namespace Inkwell.Cli;

/// <summary>The root of the <c>inkwell</c> command: its subcommands and how it is invoked.</summary>
internal static class InkwellCommand
{
    /// <summary>Builds the whole command tree: every subcommand, for the root's help and its errors.</summary>
    public static RootCommand Create() => Create(args: []);

    /// <summary>
    /// Builds the command tree for <paramref name="args"/>: when the first argument names a subcommand, the root holds
    /// only that one, so a command does not build the dozens of options of the others at every start (part of
    /// <c>dns-sd -B</c>'s time to first result, docs/benchmarks.md); otherwise every subcommand, as <see cref="Create()"/>.
    /// </summary>
    /// <param name="args">The command line, without the program name.</param>
    public static RootCommand Create(IReadOnlyList<string> args)
    {
        var root = new RootCommand(
            "Inkwell: a protobuf compiler with message inheritance, live C# module reloading, and DNS-SD for .NET.");
        // Each library adds its subcommand here when it has one.
        (string Name, Func<Command> Create)[] subcommands =
        [
            ("protoc", Commands.Protoc.ProtocCommandDefinition.Create),
            ("run", Commands.Run.RunCommandDefinition.Create),
            ("dns-sd", Commands.DnsSd.DnsSdCommandDefinition.Create),
        ];
        bool named = false;
        foreach ((string name, _) in subcommands) // a loop, not LINQ over value tuples: that would be JIT-compiled at every start
        {
            named |= args.Count > 0 && name == args[0];
        }
        foreach ((string name, Func<Command> create) in subcommands)
        {
            if (!named || name == args[0])
            {
                root.Subcommands.Add(create());
            }
        }
        return root;
    }

    /// <summary>The tool's version as <c>--version</c> prints it: the informational version (with the commit), else the assembly version.</summary>
    public static string Version =>
        typeof(InkwellCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(InkwellCommand).Assembly.GetName().Version?.ToString() ?? "";

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
        if (args is ["--version"])
        {
            // What scripts run to see the tool is there, answered before System.CommandLine is set up: building, parsing and
            // invoking even an empty root costs more than the runtime's own start (docs/benchmarks.md, "--version"). The
            // line is the one System.CommandLine's version option prints (a test holds them equal).
            await output.WriteLineAsync(Version);
            return 0;
        }

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
            RootCommand root = Create(args);
            StartupTrace.Mark("tree");
            ParseResult parsed = root.Parse(args);
            StartupTrace.Mark("parsed");
            return await parsed.InvokeAsync(configuration, stopRequested);
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
