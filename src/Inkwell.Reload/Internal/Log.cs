using Microsoft.Extensions.Logging;

namespace Inkwell.Reload.Internal;

/// <summary>Every log message of Inkwell.Reload. Event ids: 1xx loading and reloading, 2xx state, 3xx unloading,
/// 4xx watching, 5xx projects, 6xx running the entry point (600–609 timings, 610–699 what the user of a running
/// program should know: restarts, its exit or failure; worded as lines of <c>inkwell run</c>'s output, which shows
/// them as they are).</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "Loaded {ModuleCount} module(s) in {Milliseconds:F1} ms")]
    public static partial void Loaded(ILogger logger, int moduleCount, double milliseconds);

    [LoggerMessage(101, LogLevel.Information, "Reloaded {Modules} in {Milliseconds:F1} ms (generation {Generation})")]
    public static partial void Reloaded(ILogger logger, string modules, double milliseconds, int generation);

    [LoggerMessage(102, LogLevel.Warning, "Reload failed to compile; the previous version keeps running:\n{Errors}")]
    public static partial void CompileFailed(ILogger logger, string errors);

    [LoggerMessage(103, LogLevel.Error, "Reload rolled back: {Failure}")]
    public static partial void RolledBack(ILogger logger, string failure);

    [LoggerMessage(104, LogLevel.Debug, "Changes: {Changes}")]
    public static partial void ChangesFound(ILogger logger, string changes);

    [LoggerMessage(105, LogLevel.Debug, "Phases: read {Read:F1} ms, graph {Graph:F1} ms ({Walked} modules walked), compile {Compile:F1} ms ({Units} units, {Reused} of them reusing their image), load {Load:F1} ms, stopping the old version {Stop:F1} ms, state {State:F1} ms, commit {Commit:F1} ms")]
    public static partial void Phases(ILogger logger, double read, double graph, int walked, double compile, int units, int reused, double load, double stop, double state, double commit);

    [LoggerMessage(106, LogLevel.Information, "Evaluated {Project}: {Modules} module(s), {References} reference(s), {Generators} source generator(s) in {Milliseconds:F0} ms")]
    public static partial void ProjectEvaluated(ILogger logger, string project, int modules, int references, int generators, double milliseconds);

    [LoggerMessage(107, LogLevel.Warning, "The project could not be restored or evaluated; the previous version keeps running:\n{Errors}")]
    public static partial void ProjectFailed(ILogger logger, string errors);

    [LoggerMessage(108, LogLevel.Debug, "Reload deferred: {Reason}")]
    public static partial void Deferred(ILogger logger, string reason);

    [LoggerMessage(109, LogLevel.Debug, "Reload started {Milliseconds:F1} ms after the last change signal")]
    public static partial void Started(ILogger logger, double milliseconds);

    [LoggerMessage(110, LogLevel.Debug, "The framework's caches were cleared of the old versions' types in {Milliseconds:F1} ms")]
    public static partial void CachesCleared(ILogger logger, double milliseconds);

    [LoggerMessage(500, LogLevel.Warning, "Project: {Note}")]
    public static partial void ProjectNote(ILogger logger, string note);

    [LoggerMessage(200, LogLevel.Warning, "State: {Note}")]
    public static partial void StateNote(ILogger logger, string note);

    [LoggerMessage(300, LogLevel.Warning, "Old version not collected: {Leak}")]
    public static partial void StillAlive(ILogger logger, string leak);

    [LoggerMessage(301, LogLevel.Debug, "Every old version was collected")]
    public static partial void AllCollected(ILogger logger);

    [LoggerMessage(400, LogLevel.Warning, "File-system events are unavailable under {Root} ({Reason}); polling instead")]
    public static partial void FallingBackToPolling(ILogger logger, string root, string reason);

    [LoggerMessage(401, LogLevel.Warning, "The file watcher reported an error ({Reason}); rescanning")]
    public static partial void WatcherError(ILogger logger, string reason);

    [LoggerMessage(402, LogLevel.Error, "Applying changes in the background failed")]
    public static partial void BackgroundReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(600, LogLevel.Debug, "The entry stopped for the reload in {Milliseconds:F1} ms")]
    public static partial void EntryStopped(ILogger logger, double milliseconds);

    [LoggerMessage(601, LogLevel.Debug, "A host started {Milliseconds:F1} ms after its entry did ({Reused} listening socket(s) taken over so far)")]
    public static partial void HostStarted(ILogger logger, double milliseconds, int reused);

    [LoggerMessage(610, LogLevel.Information, "restarting the entry point on the new version")]
    public static partial void EntryRestarting(ILogger logger);

    [LoggerMessage(611, LogLevel.Information, "entry returned {ExitCode}; waiting for changes")]
    public static partial void EntryReturned(ILogger logger, int exitCode);

    // The exception as text: a logger keeping the exception object would keep this version of the program alive.
    [LoggerMessage(612, LogLevel.Error, "entry failed: {Failure}")]
    public static partial void EntryFailed(ILogger logger, string failure);

    [LoggerMessage(613, LogLevel.Information, "waiting for changes")]
    public static partial void WaitingForChanges(ILogger logger);

    [LoggerMessage(614, LogLevel.Warning, "{Problem}")]
    public static partial void NoEntryPoint(ILogger logger, string problem);

    [LoggerMessage(615, LogLevel.Warning, "entry did not return within {Seconds:F0} s of being cancelled; reloading anyway")]
    public static partial void EntryNotStoppedForReload(ILogger logger, double seconds);

    [LoggerMessage(616, LogLevel.Warning, "entry did not return within {Seconds:F0} s of being cancelled; its old version stays in memory")]
    public static partial void EntryNotStopped(ILogger logger, double seconds);
}
