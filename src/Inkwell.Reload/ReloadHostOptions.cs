using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inkwell.Reload;

/// <summary>Settings of a <see cref="ReloadHost"/>.</summary>
public sealed class ReloadHostOptions
{
    /// <summary>The folder whose <c>.cs</c> files (recursively, skipping <c>bin</c>, <c>obj</c> and hidden folders)
    /// are the modules; with <see cref="ProjectFile"/>, the folder watched for changes (default: the project's
    /// folder). One of the two is required.</summary>
    public string RootDirectory { get; init; } = string.Empty;

    /// <summary>A C# project file (<c>.csproj</c>) to run instead of a bare folder: its compile items are the
    /// modules, compiled with the references, analyzers and source generators, language version, nullable context and
    /// preprocessor symbols the SDK gives it after a restore (<c>dotnet</c> must be on the PATH), and its packages and
    /// shared frameworks load at run time as the app would load them. Editing the project file restores and
    /// evaluates it again and recompiles every module; when that fails, the loaded version keeps running and
    /// <see cref="ReloadStatus.ProjectFailed"/> carries MSBuild's errors. <see cref="ImplicitUsings"/> and
    /// <see cref="PreprocessorSymbols"/> do not apply: the project says.</summary>
    public string? ProjectFile { get; init; }

    /// <summary>Assemblies the modules compile against and share with the host (loaded once, in the default
    /// context). Types the host and the modules exchange, such as interfaces for <see cref="ReloadHost.Resolve{T}"/>,
    /// live in these.</summary>
    public IList<Assembly> SharedAssemblies { get; } = [];

    /// <summary>Paths of further assemblies the modules compile against; they are loaded into the default context
    /// when first needed.</summary>
    public IList<string> References { get; } = [];

    /// <summary>The usings a new console project has (<c>System</c>, <c>System.Linq</c>, ...) as global usings. Default true.</summary>
    public bool ImplicitUsings { get; init; } = true;

    /// <summary>Compile optimized code (the default) rather than debuggable code.</summary>
    public bool Optimize { get; init; } = true;

    /// <summary>Preprocessor symbols the modules are compiled with.</summary>
    public IList<string> PreprocessorSymbols { get; } = [];

    /// <summary>How changes are noticed. Default <see cref="WatchMode.Events"/>.</summary>
    public WatchMode Watch { get; init; } = WatchMode.Events;

    /// <summary>How often <see cref="WatchMode.Polling"/> looks at the files. Default 250 ms.</summary>
    public TimeSpan PollingInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the files must stay quiet before <see cref="ReloadHost.Poll"/> applies a change, so that an
    /// editor's save (write to a temporary file and rename, delete and create, several writes) becomes one reload. With
    /// <see cref="ApplyInBackground"/> a change is applied at the first event instead (a transaction whose files change
    /// again before its commit starts over), and only an outcome a save caught half-way may produce — a compile error,
    /// a deleted or emptied module, a project that does not evaluate — waits this long for quiet before it is reported
    /// or applied. Default 50 ms.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Apply changes on a background thread of the host's, starting at the first file event, instead of on the
    /// thread that calls <see cref="ReloadHost.Poll"/>. Default false.</summary>
    public bool ApplyInBackground { get; init; }

    /// <summary>When set, this long after each successful reload the host collects garbage and logs a warning (event
    /// 300) for every old version still alive, as <see cref="ReloadHost.VerifyUnloaded"/> would return, or logs event 301
    /// (debug) when all are gone. Under <see cref="EntryPointRunner"/> the wait starts again once the runner has let go of
    /// the old entry point. Off by default: a forced collection is a pause a game loop may not want. <c>inkwell run</c> uses 2 s.</summary>
    public TimeSpan? VerifyUnloadAfter { get; init; }

    /// <summary>How long the static constructors of a new version's types with <see cref="PreserveAttribute"/> members
    /// or <c>OnReload</c> hooks may run before the reload gives up and rolls back (they run just before the state is
    /// copied into those types). Default 5 s.</summary>
    public TimeSpan StaticConstructorTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Compile a throwaway module at start so the first real reload is fast. Default true.</summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>Where logs go. Default: nowhere.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The clock for debouncing, polling and durations.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
