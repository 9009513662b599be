using System.CommandLine;
using Inkwell.Reload;
using Microsoft.Extensions.Logging;

namespace Inkwell.Cli.Commands.Run;

/// <summary>Starts a reload host over the project or folder, runs its entry point, and reports every reload on stderr in one
/// line (or the compiler's errors) until Ctrl-C.</summary>
internal static class RunCommandAction
{
    /// <summary>Runs until <paramref name="cancellationToken"/> asks it to stop (Ctrl-C or SIGTERM, see
    /// <see cref="TerminationSignals"/>), then stops the program and returns 0.</summary>
    public static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        TextWriter error = TextWriter.Synchronized(parseResult.InvocationConfiguration.Error);
        (string? projectFile, string? directory, string? problem) = ProjectLocator.Locate(
            parseResult.GetRequiredValue(RunCommandDefinition.Path), parseResult.GetValue(RunCommandDefinition.Project));
        if (problem is not null)
        {
            await error.WriteLineAsync($"inkwell run: {problem}");
            return 1;
        }

        FileInfo? missing = parseResult.GetValue(RunCommandDefinition.Reference)?.FirstOrDefault(f => !f.Exists);
        if (missing is not null)
        {
            await error.WriteLineAsync($"inkwell run: {missing.FullName}: no such reference assembly");
            return 1;
        }

        bool verbose = parseResult.GetValue(RunCommandDefinition.Verbose);
        if (projectFile is not null)
        {
            // As `dotnet run`: the program starts in its project's folder (a web app's content root, appsettings.json)
            // with its launch profile's environment.
            string projectDirectory = Path.GetDirectoryName(projectFile)!;
            Environment.CurrentDirectory = projectDirectory;
            string? profile = LaunchProfile.Apply(projectDirectory, line => error.WriteLine($"[inkwell] {line}"));
            if (verbose && profile is not null)
            {
                error.WriteLine($"[inkwell] using launch profile '{profile}'");
            }
        }

        int? pollMilliseconds = parseResult.GetValue(RunCommandDefinition.Poll);
        // The entry-point runner's reports (event ids 610-699: restarts, the program's exit or failure) are the command's
        // own lines. Without --verbose, besides those, only warnings the command does not already report (old versions
        // still alive, watcher trouble, state that could not be carried over); reload outcomes (event ids 1xx) it prints itself.
        static bool RunnerReport(EventId eventId) => eventId.Id is >= 610 and < 700;
        using var loggerFactory = new StderrLoggerFactory(
            error,
            verbose ? LogLevel.Debug : LogLevel.Information,
            (_, level, eventId) => verbose || RunnerReport(eventId) || (level >= LogLevel.Warning && eventId.Id is < 100 or >= 200),
            RunnerReport);
        var options = new ReloadHostOptions
        {
            RootDirectory = directory ?? string.Empty,
            ProjectFile = projectFile,
            Watch = pollMilliseconds is null ? WatchMode.Events : WatchMode.Polling,
            PollingInterval = TimeSpan.FromMilliseconds(pollMilliseconds ?? RunCommandDefinition.DefaultPollMilliseconds),
            Debounce = TimeSpan.FromMilliseconds(parseResult.GetValue(RunCommandDefinition.Debounce)),
            ApplyInBackground = true,
            VerifyUnloadAfter = TimeSpan.FromSeconds(2),
            LoggerFactory = loggerFactory,
        };
        foreach (FileInfo reference in parseResult.GetValue(RunCommandDefinition.Reference) ?? [])
        {
            options.References.Add(reference.FullName);
        }

        await using var host = new ReloadHost(options);
        ReloadResult first = host.Start(cancellationToken);
        host.Reloaded += (_, e) => ReloadReport.Write(error, host.RootDirectory, e.Result);
        if (!first.Succeeded)
        {
            ReloadReport.Write(error, host.RootDirectory, first);
        }
        else if (verbose)
        {
            error.WriteLine($"[inkwell] loaded {host.Graph.Modules.Count} module(s) in {first.Duration.TotalMilliseconds:F0} ms");
        }

        // INKWELL_KEEP_LISTENING_SOCKETS=0 lets every version of a web app close and reopen its sockets, as before they
        // were kept (for comparisons: bench/scripts/reload-web.py --ab).
        var runner = new EntryPointRunner(host, parseResult.GetValue(RunCommandDefinition.Entry))
        {
            KeepListeningSockets = Environment.GetEnvironmentVariable("INKWELL_KEEP_LISTENING_SOCKETS") != "0",
        };
        int exitCode = await runner.RunAsync(cancellationToken);
        if (verbose)
        {
            error.WriteLine("[inkwell] stopped");
        }

        // Asked to stop (Ctrl-C, SIGTERM): a clean stop, whatever the program last returned.
        return cancellationToken.IsCancellationRequested ? 0 : exitCode;
    }
}
