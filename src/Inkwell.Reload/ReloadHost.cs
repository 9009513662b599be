using System.Reflection;
using System.Runtime.Loader;
using Inkwell.Reload.Internal;
using Inkwell.Reload.Internal.Compilation;
using Inkwell.Reload.Internal.Graph;
using Inkwell.Reload.Internal.Loading;
using Inkwell.Reload.Internal.Projects;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace Inkwell.Reload;

/// <summary>
/// Loads every <c>.cs</c> file under a folder as a module, each compiled unit (a module, or a cycle of modules)
/// into its own collectible <see cref="AssemblyLoadContext"/>, and reloads a changed module together with
/// everything that depends on it, in dependency order, as one transaction that carries
/// <see cref="PreserveAttribute"/> state across and leaves the running version untouched if anything fails.
/// </summary>
/// <example>
/// <code>
/// using var host = new ReloadHost(new ReloadHostOptions { RootDirectory = "game" });
/// host.Start();
/// while (running)
/// {
///     host.Poll();               // applies saved edits here, between frames
///     host.Resolve&lt;IGame&gt;().Frame();
/// }
/// </code>
/// </example>
public sealed partial class ReloadHost : IDisposable, IAsyncDisposable
{
    private readonly ReloadHostOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ProjectSession? _project;
    private readonly IReadOnlyList<MetadataReference> _shared;
    private ModuleCompiler _compiler;
    private DependencyIndex _dependencies = new();
    private int _frameworkCachesStale; // 1: a commit retired versions since the framework's caches were last cleared
    private readonly Lock _cachesGate = new();
    private bool _recompileAll;
    private readonly UnloadTracker _unloads = new();
    private readonly Lock _gate = new();
    private readonly string[] _referencePaths;
    private volatile Snapshot _snapshot;
    private ITimer? _verifyTimer;
    private volatile bool _unloadVerificationHeld;
    private bool _started;
    private bool _disposed;

    /// <summary>Creates a host for <see cref="ReloadHostOptions.RootDirectory"/>. Nothing is compiled until
    /// <see cref="Start"/> or <see cref="Reload"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The root folder does not exist.</exception>
    public ReloadHost(ReloadHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ProjectFile is not null)
        {
            string projectFile = Path.GetFullPath(options.ProjectFile);
            if (!File.Exists(projectFile))
            {
                throw new FileNotFoundException($"The project file '{projectFile}' does not exist.", projectFile);
            }

            _project = new ProjectSession(projectFile);
        }
        else
        {
            ArgumentException.ThrowIfNullOrEmpty(options.RootDirectory);
        }

        RootDirectory = Path.GetFullPath(string.IsNullOrEmpty(options.RootDirectory) ? _project!.Directory : options.RootDirectory);
        if (!Directory.Exists(RootDirectory))
        {
            throw new DirectoryNotFoundException($"The module folder '{RootDirectory}' does not exist.");
        }

        _options = options;
        _logger = options.LoggerFactory.CreateLogger("Inkwell.Reload");
        _time = options.TimeProvider;
        _referencePaths = [.. options.References.Select(p => Path.GetFullPath(p))];
        foreach (string path in _referencePaths)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The reference '{path}' does not exist.", path);
            }
        }

        var shared = new List<MetadataReference>();
        IEnumerable<string> sharedPaths = new[] { typeof(ReloadHost).Assembly }
            .Concat(options.SharedAssemblies)
            .Select(a => a.Location)
            .Concat(_referencePaths)
            .Distinct(StringComparer.Ordinal);
        foreach (string path in sharedPaths)
        {
            shared.Add(ReferenceCache.FromFile(path)
                ?? throw new BadImageFormatException($"'{path}' is not a .NET assembly.", path));
        }

        if (_referencePaths.Length > 0)
        {
            AssemblyLoadContext.Default.Resolving += ResolveReference;
        }

        _shared = shared;
        _compiler = new ModuleCompiler(ReferenceCache.Framework, shared, options.ImplicitUsings, options.Optimize, options.PreprocessorSymbols);
        _snapshot = new Snapshot(0, new Dictionary<string, ModuleRecord>(), new Dictionary<string, LoadedUnit>(), [], ModuleGraph.Empty(RootDirectory));
    }

    /// <summary>
    /// Raised on the applying thread when a reload has compiled and loaded its new versions, just before their
    /// state is copied from the old ones: the moment to stop code still running in the old versions, so it does
    /// not change that state during the copy (<see cref="EntryPointRunner"/> stops the entry point here). A
    /// handler that throws rolls the reload back.
    /// </summary>
    public event EventHandler<ReloadingEventArgs>? Reloading;

    /// <summary>Raised after every reload that found changes, successful or not, on the thread that applied it; the
    /// event's <see cref="ReloadedEventArgs.Result"/> says what the reload did.</summary>
    public event EventHandler<ReloadedEventArgs>? Reloaded;

    /// <summary>The clock the host uses (from the options).</summary>
    public TimeProvider TimeProvider => _time;

    /// <summary>Where the entry-point runner logs too.</summary>
    internal ILogger Logger => _logger;

    /// <summary>The folder of the modules (full path).</summary>
    public string RootDirectory { get; }

    /// <summary>The project file the host runs (full path), or null for a folder of modules.</summary>
    public string? ProjectFile => _project?.ProjectFile;

    /// <summary>Grows by one with every successful reload (the first load makes it 1).</summary>
    public int Generation => _snapshot.Generation;

    /// <summary>Which module uses which, as currently loaded.</summary>
    public ModuleGraph Graph => _snapshot.Graph;

    /// <summary>Old versions unloaded but not yet collected.</summary>
    public int PendingUnloads => _unloads.Pending;

    /// <summary>Warms the compiler up, loads every module and starts watching as the options say.</summary>
    /// <returns>The result of the first load; when it failed, nothing is loaded and the host retries when files change.</returns>
    public ReloadResult Start(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_gate)
        {
            if (_started)
            {
                throw new InvalidOperationException("The host is already started.");
            }

            _started = true;
        }

        if (_options.WarmUp)
        {
            _compiler.WarmUp();
        }

        if (_options.VerifyUnloadAfter is not null)
        {
            // Created here, with no execution context: a timer created in the middle of a reload would capture
            // that moment's context and with it keep the versions it is meant to watch alive.
            using (ExecutionContext.SuppressFlow())
            {
                _verifyTimer = _time.CreateTimer(_ => VerifyInBackground(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }

        // Watch first, so that a save made while the first load compiles is not missed.
        StartWatching();
        ReloadResult result = Reload(cancellationToken);
        if (_options.WarmUp)
        {
            // Finding and first calling the framework's cache handlers (reading the attributes of every loaded assembly,
            // compiling the handlers) takes the first reload up to a second on a busy machine; do it now.
            _ = MetadataUpdateHandlers.Run();
            lock (_gate)
            {
                // The source generators' first incremental run is their slow one (JIT); let it be this one, not the first edit's.
                _compiler.WarmUpGenerators(cancellationToken);
            }
        }

        return result;
    }

    /// <summary>Compares the files with what is loaded and applies every difference now, as one transaction.</summary>
    public ReloadResult Reload(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ReloadResult result;
        lock (_gate)
        {
            result = ReloadCore(cancellationToken);
        }

        if (result.Status != ReloadStatus.NoChanges)
        {
            Reloaded?.Invoke(this, new ReloadedEventArgs(result));
        }

        ClearFrameworkCaches();
        return result;
    }

    /// <summary>The version number of <paramref name="module"/> (1 after its first load, then one more per reload).</summary>
    public int GetVersion(string module) => Record(module).Version;

    /// <summary>The assembly currently holding <paramref name="module"/>. Do not keep it: a reference to it keeps
    /// that version alive after it is replaced.</summary>
    public Assembly GetAssembly(string module)
    {
        string path = Record(module).Path;
        return (_snapshot.UnitOf(path) ?? throw new KeyNotFoundException($"'{module}' is not loaded.")).Assembly;
    }

    /// <summary>The current version of the type named <paramref name="fullName"/> in any module, or null.</summary>
    public Type? FindType(string fullName)
    {
        Snapshot snapshot = _snapshot;
        return snapshot.UnitOrder.Select(u => snapshot.Units[u].Assembly.GetType(fullName)).FirstOrDefault(t => t is not null);
    }

    /// <summary>Collects garbage until every old version is gone (up to <paramref name="attempts"/> collections, with
    /// short growing pauses after the second, about 0.9 s in all at the default) and returns the versions still alive,
    /// which shows something keeps them referenced.</summary>
    public IReadOnlyList<LeakedVersion> VerifyUnloaded(int attempts = 10)
    {
        ClearFrameworkCaches(); // if the last commit's clearing has not run yet, its caches would hold the old versions
        IReadOnlyList<LeakedVersion> leaks = _unloads.Verify(attempts);
        foreach (LeakedVersion leak in leaks)
        {
            Log.StillAlive(_logger, leak.ToString());
        }

        return leaks;
    }

    private void VerifyInBackground()
    {
        // While held, the entry point runner still references the old version's entry task; it starts the wait again
        // when it lets go.
        if (!_disposed && !_unloadVerificationHeld && VerifyUnloaded().Count == 0)
        {
            Log.AllCollected(_logger);
        }
    }

    /// <summary>Keeps the <see cref="ReloadHostOptions.VerifyUnloadAfter"/> check from reporting until
    /// <see cref="ReleaseUnloadVerification"/>. <see cref="EntryPointRunner"/> holds it from the moment it stops the old
    /// version's entry point for a reload until it has dropped that entry's task (an async method's task is an object of
    /// the old version's types, so it keeps that version alive), which on a busy machine can take longer than the wait.</summary>
    internal void HoldUnloadVerification() => _unloadVerificationHeld = true;

    /// <summary>Ends <see cref="HoldUnloadVerification"/> and starts the wait again from now if a check is due.</summary>
    internal void ReleaseUnloadVerification()
    {
        _unloadVerificationHeld = false;
        if (_options.VerifyUnloadAfter is { } delay && _unloads.Pending > 0)
        {
            _verifyTimer?.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops watching and unloads every module.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            StopWatching();
            _verifyTimer?.Dispose();
            if (_referencePaths.Length > 0)
            {
                AssemblyLoadContext.Default.Resolving -= ResolveReference;
            }

            _project?.Dispose();
            foreach (LoadedUnit unit in _snapshot.Units.Values)
            {
                _unloads.Unload(unit);
            }

            _snapshot = _snapshot with { Units = new Dictionary<string, LoadedUnit>(), UnitOrder = [] };
            InvalidateHandles();
        }
    }

    /// <summary>Same as <see cref="Dispose"/>; safe to call twice.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The module whose text declares the type named <paramref name="fullName"/>.</summary>
    internal string? ModuleDeclaring(string fullName)
    {
        lock (_gate)
        {
            return _compiler.LastDiscovery?.GetTypeByMetadataName(fullName)?.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath;
        }
    }

    private ModuleRecord Record(string module)
    {
        string path = Path.GetFullPath(module, RootDirectory);
        return _snapshot.Modules.TryGetValue(path, out ModuleRecord? record)
            ? record
            : throw new KeyNotFoundException($"'{module}' is not a loaded module.");
    }

    private Assembly? ResolveReference(AssemblyLoadContext context, AssemblyName name)
    {
        string? path = _referencePaths.FirstOrDefault(p =>
            string.Equals(Path.GetFileNameWithoutExtension(p), name.Name, StringComparison.OrdinalIgnoreCase));
        return path is null ? null : context.LoadFromAssemblyPath(path);
    }
}
