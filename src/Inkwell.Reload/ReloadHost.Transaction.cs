using System.Reflection;
using Inkwell.Reload.Internal;
using Inkwell.Reload.Internal.Compilation;
using Inkwell.Reload.Internal.Graph;
using Inkwell.Reload.Internal.Loading;
using Microsoft.CodeAnalysis;

namespace Inkwell.Reload;

// One reload as a transaction of named stages: read the files and find what changed, rebuild the graph, find the
// affected units, compile them in dependency order, load the new versions, carry state over and run hooks, and only
// then commit: switch versions and unload the old ones. A stage that ends the transaction returns its result; any
// failure before the commit leaves the loaded version exactly as it was (contexts loaded by the transaction are
// unloaded again).
public sealed partial class ReloadHost
{
    /// <summary>Runs one transaction. With <paramref name="watch"/> (the background worker) it may end in a
    /// <see cref="ReloadDeferredException"/> instead of a result: when the files change under it before the commit, or
    /// when what it found may be a save caught half-way and the files have not been quiet for
    /// <see cref="ReloadHostOptions.Debounce"/> yet.</summary>
    private ReloadResult ReloadCore(CancellationToken cancellationToken, TransactionWatch? watch = null)
    {
        var transaction = new ReloadTransaction(_snapshot, _time.GetTimestamp(), watch);
        if (watch is not null)
        {
            // Where a reload's latency goes before its first stage: the file events, and waking the worker.
            Log.Started(_logger, Math.Max(0, _time.GetElapsedTime(Interlocked.Read(ref _lastChange), transaction.Started).TotalMilliseconds));
        }

        ReloadResult result = RefreshProjectStage(transaction, cancellationToken)
            ?? ReadStage(transaction, cancellationToken)
            ?? GraphStage(transaction, cancellationToken)
            ?? AffectedStage(transaction)
            ?? CompileStage(transaction, cancellationToken)
            ?? LoadStage(transaction)
            ?? StateStage(transaction)
            ?? CommitStage(transaction);
        if (watch is not null && result.Status is ReloadStatus.CompileFailed or ReloadStatus.ProjectFailed && UntilSettled() is var wait && wait > TimeSpan.Zero)
        {
            // An editor writing a file in two steps, or a project file half-saved: judge it once the files are quiet.
            throw new ReloadDeferredException(wait, $"{result.Status} while the files are still changing; trying again once they are quiet");
        }

        return result;
    }

    /// <summary>The test's view of the stages: called with a stage's name where the transaction checks whether it is
    /// superseded ("graph", "compile", "load").</summary>
    internal Action<string>? StageReached { get; set; }

    /// <summary>
    /// Ends a background transaction (unloading what it loaded) when the module files no longer hold what it read.
    /// Signals that leave the content as it was read — an editor's second event for one save, a <c>touch</c> — do
    /// not: the work goes on.
    /// </summary>
    private void ThrowIfSuperseded(ReloadTransaction transaction, string stage)
    {
        StageReached?.Invoke(stage);
        if (transaction.Watch is not { } watch || Interlocked.Read(ref _changes) is var changes && changes == watch.Changes)
        {
            return;
        }

        if (TryReadModuleFiles() is { } now && now.Count == transaction.Read.Count
            && now.All(p => transaction.Read.TryGetValue(p.Key, out string? read) && string.Equals(read, p.Value, StringComparison.Ordinal)))
        {
            watch.Changes = changes;
            return;
        }

        Discard(transaction);
        throw new ReloadDeferredException(TimeSpan.Zero, $"the files changed again before the {stage} stage ended; starting over");
    }

    /// <summary>A project whose files changed is restored and evaluated again first; every module then recompiles
    /// against what it says now.</summary>
    private ReloadResult? RefreshProjectStage(ReloadTransaction transaction, CancellationToken cancellationToken)
    {
        if (_project is not null && RefreshProject(cancellationToken) is { } projectFailure)
        {
            return Failed(transaction, ReloadStatus.ProjectFailed, [_project.ProjectFile], projectFailure);
        }

        return null;
    }

    /// <summary>What changed on disk, and what the project's source generators make of it now (an edited
    /// <c>.proto</c> changes a generated module, not a file on disk). No change ends the transaction.</summary>
    private ReloadResult? ReadStage(ReloadTransaction transaction, CancellationToken cancellationToken)
    {
        Snapshot old = transaction.Old;
        transaction.Read = ReadModules(old);
        transaction.Texts = new Dictionary<string, string>(transaction.Read, StringComparer.Ordinal);
        if (_compiler.HasGenerators && Generate(transaction.Texts, cancellationToken) is { } generatorErrors)
        {
            Log.CompileFailed(_logger, string.Join(Environment.NewLine, generatorErrors.Where(d => d.IsError)));
            return Failed(transaction, ReloadStatus.CompileFailed, [.. WatchedInputs().Order(StringComparer.Ordinal)], generatorErrors);
        }

        Dictionary<string, string> texts = transaction.Texts;
        transaction.Hashes = texts.ToDictionary(p => p.Key, p => ModuleCompiler.Hash(p.Value), StringComparer.Ordinal);
        transaction.Added = [.. transaction.Hashes.Keys.Where(p => !old.Modules.ContainsKey(p)).Order(StringComparer.Ordinal)];
        transaction.Modified = [.. transaction.Hashes
            .Where(p => old.Modules.TryGetValue(p.Key, out ModuleRecord? r) && (_recompileAll || !r.Hash.AsSpan().SequenceEqual(p.Value)))
            .Select(p => p.Key).Order(StringComparer.Ordinal)];
        transaction.Removed = [.. old.Modules.Keys.Where(p => !texts.ContainsKey(p)).Order(StringComparer.Ordinal)];
        transaction.Changed = [.. transaction.Added.Concat(transaction.Modified).Concat(transaction.Removed).Order(StringComparer.Ordinal)];
        if (transaction.Changed.Count == 0)
        {
            return new ReloadResult(ReloadStatus.NoChanges, old.Generation, _time.GetElapsedTime(transaction.Started), [], [], [], [], null, []);
        }

        Log.ChangesFound(_logger, string.Join(", ", transaction.Changed.Select(Relative)));
        if (transaction.Watch is not null && UntilSettled() is var wait && wait > TimeSpan.Zero
            && (transaction.Removed.Count > 0 || transaction.Changed.Any(p => transaction.Read.TryGetValue(p, out string? text) && string.IsNullOrWhiteSpace(text))))
        {
            // A save that deletes and creates, or truncates and then writes: a module gone or emptied counts once the
            // files are quiet, so its state is not lost to a moment of the save.
            throw new ReloadDeferredException(wait, "a module deleted or emptied while the files are still changing; applying it once they are quiet");
        }

        transaction.ReadDone = _time.GetTimestamp();
        return null;
    }

    /// <summary>The new graph, from all modules compiled together once and walked for the symbols each one uses.</summary>
    private ReloadResult? GraphStage(ReloadTransaction transaction, CancellationToken cancellationToken)
    {
        transaction.Paths = [.. transaction.Texts.Keys.Order(StringComparer.Ordinal)];
        SyntaxTree[] trees = [.. transaction.Paths.Select(p => _compiler.Parse(p, transaction.Texts[p], transaction.Hashes[p]))];
        if (EntryPointRules.Check(trees, _project?.Inputs?.FindsItsOwnEntryPoint == true) is { } twice)
        {
            Log.CompileFailed(_logger, twice.ToString());
            return Failed(transaction, ReloadStatus.CompileFailed, transaction.Changed, [twice]);
        }

        transaction.Trees = trees.ToDictionary(t => t.FilePath, StringComparer.Ordinal);
        transaction.Discovery = _compiler.Discover(trees);
        (HashSet<int>[] uses, HashSet<MetadataReference> usedReferences, int walked) = _dependencies.Walk(transaction.Discovery, trees, cancellationToken);
        transaction.UsedReferences = usedReferences;
        transaction.Walked = walked;
        transaction.Names = ModuleNames.Assign(transaction.Paths, RootDirectory, p => transaction.Old.Modules.TryGetValue(p, out ModuleRecord? r) ? r.Name : null);
        transaction.Graph = UnitGraph.Build(transaction.Paths, uses, transaction.Names);
        ThrowIfSuperseded(transaction, "graph");
        return null;
    }

    /// <summary>The units to recompile (<see cref="AffectedUnits"/>); every other unit keeps its loaded assembly.</summary>
    private ReloadResult? AffectedStage(ReloadTransaction transaction)
    {
        Snapshot old = transaction.Old;
        UnitGraph graph = transaction.Graph!;
        HashSet<string> affected = AffectedUnits.Find(
            graph, transaction.Added, transaction.Modified, transaction.Removed, old.Graph, u => old.Units.TryGetValue(u, out LoadedUnit? unit) ? unit.Modules : null);
        transaction.Order = [.. graph.Units.Where(u => affected.Contains(u.Name))];
        transaction.GraphDone = _time.GetTimestamp();
        return null;
    }

    /// <summary>Compiles the affected units in order, each against its dependencies' new or current images. Any error
    /// ends the transaction with every diagnostic; a unit whose dependency failed is not compiled.</summary>
    private ReloadResult? CompileStage(ReloadTransaction transaction, CancellationToken cancellationToken)
    {
        Snapshot old = transaction.Old;
        UnitGraph graph = transaction.Graph!;
        var failed = new HashSet<string>(StringComparer.Ordinal);
        string[] friends = [.. transaction.Names.Values];
        IReadOnlyList<string> namespaces = ModuleCompiler.DeclaredNamespaces(transaction.Discovery!);
        IReadOnlyList<MetadataReference> references = _compiler.SelectReferences(transaction.UsedReferences);
        var edited = new HashSet<string>(transaction.Added.Concat(transaction.Modified), StringComparer.Ordinal);
        foreach (GraphUnit unit in transaction.Order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlySet<string> dependencies = graph.TransitiveDependencies(unit.Name);
            if (dependencies.Any(failed.Contains))
            {
                failed.Add(unit.Name);
                continue;
            }

            if (CanReuseImage(transaction, unit, dependencies, edited))
            {
                transaction.Images[unit.Name] = old.Units[unit.Name].Image;
                transaction.Reused.Add(unit.Name);
                continue;
            }

            IEnumerable<MetadataReference> dependencyImages = dependencies.Order(StringComparer.Ordinal)
                .Select(d => transaction.Images.TryGetValue(d, out UnitImage? image) ? image.Reference : old.Units[d].Image.Reference);
            (UnitImage? compiled, IReadOnlyList<Diagnostic> messages) = _compiler.Compile(
                unit.Name, [.. unit.Modules.Select(p => transaction.Trees[p])], dependencyImages, friends, namespaces, references, cancellationToken);
            transaction.Diagnostics.AddRange(messages.Select(ModuleCompiler.ToReloadDiagnostic));
            if (compiled is null)
            {
                failed.Add(unit.Name);
            }
            else
            {
                transaction.Images[unit.Name] = compiled;
            }

            ThrowIfSuperseded(transaction, "compile");
        }

        if (failed.Count > 0)
        {
            Log.CompileFailed(_logger, string.Join(Environment.NewLine, transaction.Diagnostics.Where(d => d.IsError)));
            return Failed(transaction, ReloadStatus.CompileFailed, transaction.Changed, transaction.Diagnostics);
        }

        transaction.CompileDone = _time.GetTimestamp();
        return null;
    }

    /// <summary>
    /// Whether <paramref name="unit"/>, affected only because units it uses were recompiled, can load its current image
    /// again instead of being compiled: its modules, its membership and the units it uses are as they were, no module came
    /// or went (the friends every unit names), and every unit it uses that this transaction compiled kept its surface (a
    /// method-body edit). Code compiled against the old versions then binds to the new ones exactly as it did; it still
    /// loads into a new context that resolves them, and it counts as reloaded.
    /// </summary>
    private static bool CanReuseImage(ReloadTransaction transaction, GraphUnit unit, IReadOnlySet<string> dependencies, HashSet<string> edited)
    {
        Snapshot old = transaction.Old;
        if (transaction.Added.Count > 0 || transaction.Removed.Count > 0 || unit.Modules.Any(edited.Contains)
            || !old.Units.TryGetValue(unit.Name, out LoadedUnit? loaded)
            || !loaded.Modules.SequenceEqual(unit.Modules, StringComparer.Ordinal)
            || !loaded.Dependencies.SequenceEqual(dependencies.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return false;
        }

        return dependencies.All(d => !transaction.Images.TryGetValue(d, out UnitImage? image)
            || (old.Units.TryGetValue(d, out LoadedUnit? previous) && image.Surface.AsSpan().SequenceEqual(previous.Image.Surface)));
    }

    /// <summary>Loads each new version into its own collectible context, resolving its dependencies to the versions it
    /// was compiled against.</summary>
    private ReloadResult? LoadStage(ReloadTransaction transaction)
    {
        Snapshot old = transaction.Old;
        foreach (GraphUnit unit in transaction.Order)
        {
            int version = old.Units.TryGetValue(unit.Name, out LoadedUnit? previous) ? previous.Version + 1 : 1;
            IReadOnlySet<string> dependencies = transaction.Graph!.TransitiveDependencies(unit.Name);
            var resolvable = dependencies.ToDictionary(
                d => d, d => transaction.Loaded.TryGetValue(d, out LoadedUnit? fresh) ? fresh.Assembly : old.Units[d].Assembly, StringComparer.Ordinal);
            var context = new UnitLoadContext($"{unit.Name} v{version}", resolvable);
            UnitImage image = transaction.Images[unit.Name];
            Assembly assembly;
            using (var pe = new MemoryStream(image.Assembly, writable: false))
            using (var pdb = new MemoryStream(image.Symbols, writable: false))
            {
                assembly = context.LoadFromStream(pe, pdb);
            }

            transaction.Loaded[unit.Name] = new LoadedUnit(unit.Name, version, unit.Modules, [.. dependencies.Order(StringComparer.Ordinal)], context, assembly, image);
        }

        transaction.ReplacedModules = new HashSet<string>(transaction.Order.SelectMany(u => u.Modules).Concat(transaction.Removed), StringComparer.Ordinal);
        transaction.Retired = [.. old.Units.Values.Where(u => transaction.Loaded.ContainsKey(u.Name) || u.Modules.Any(transaction.ReplacedModules.Contains))];

        // The last moment to start over: from here on the old versions are stopped and their state copied.
        ThrowIfSuperseded(transaction, "load");
        transaction.LoadDone = _time.GetTimestamp();
        return null;
    }

    /// <summary>Stops what runs in the old versions (<see cref="Reloading"/>), carries state over and runs the new
    /// versions' hooks; a throwing hook (or handler) discards the new versions and keeps the old ones.</summary>
    private ReloadResult? StateStage(ReloadTransaction transaction)
    {
        try
        {
            if (transaction.Old.Generation > 0)
            {
                Reloading?.Invoke(this, new ReloadingEventArgs([.. transaction.ReplacedModules.Order(StringComparer.Ordinal)]));
            }

            transaction.StopDone = _time.GetTimestamp();

            TransferState(transaction);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Discard(transaction);
            Exception cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
            string failure = cause.ToString();
            Log.RolledBack(_logger, failure);
            return new ReloadResult(
                ReloadStatus.HookFailed, transaction.Old.Generation, _time.GetElapsedTime(transaction.Started), transaction.Changed, [], [], transaction.Diagnostics, failure, transaction.Notes);
        }

        transaction.StateDone = _time.GetTimestamp();
        return null;
    }

    /// <summary>Switches the host to the new versions, then unloads the old ones and clears the framework's caches
    /// of their types.</summary>
    private ReloadResult CommitStage(ReloadTransaction transaction)
    {
        Snapshot old = transaction.Old;
        UnitGraph graph = transaction.Graph!;
        var records = new Dictionary<string, ModuleRecord>(StringComparer.Ordinal);
        foreach (string path in transaction.Paths)
        {
            bool reloaded = transaction.Loaded.ContainsKey(graph.UnitOf(path));
            byte[] hash = transaction.Hashes[path];
            records[path] = old.Modules.TryGetValue(path, out ModuleRecord? previous)
                ? (reloaded ? previous with { Hash = hash, Version = previous.Version + 1 } : previous)
                : new ModuleRecord(path, transaction.Names[path], hash, 1);
        }

        var units = new Dictionary<string, LoadedUnit>(StringComparer.Ordinal);
        foreach (GraphUnit unit in graph.Units)
        {
            units[unit.Name] = transaction.Loaded.TryGetValue(unit.Name, out LoadedUnit? fresh) ? fresh : old.Units[unit.Name];
        }

        _snapshot = new Snapshot(old.Generation + 1, records, units, [.. graph.Units.Select(u => u.Name)], graph.ToModuleGraph(RootDirectory));
        _recompileAll = false;
        foreach (string path in transaction.Removed)
        {
            _compiler.Forget(path);
        }

        foreach (LoadedUnit unit in transaction.Retired)
        {
            _unloads.Unload(unit);
        }

        List<string> notes = transaction.Notes;

        // The framework's static caches (System.Text.Json, TypeDescriptor, ASP.NET Core) would otherwise keep entries for
        // the old versions' types, and with them the old versions. Clearing them takes a few milliseconds (tens on a busy
        // machine) that the new version need not wait for: it happens right after Reloaded is raised.
        if (transaction.Retired.Count > 0)
        {
            Volatile.Write(ref _frameworkCachesStale, 1);
        }

        InvalidateHandles();
        if (transaction.Retired.Count > 0 && _options.VerifyUnloadAfter is { } delay)
        {
            _verifyTimer?.Change(delay, Timeout.InfiniteTimeSpan);
        }

        foreach (string note in notes)
        {
            Log.StateNote(_logger, note);
        }

        List<string> reloadedModules = [.. transaction.Order.SelectMany(u => u.Modules)];
        TimeSpan duration = _time.GetElapsedTime(transaction.Started);
        Log.Phases(
            _logger,
            _time.GetElapsedTime(transaction.Started, transaction.ReadDone).TotalMilliseconds,
            _time.GetElapsedTime(transaction.ReadDone, transaction.GraphDone).TotalMilliseconds,
            transaction.Walked,
            _time.GetElapsedTime(transaction.GraphDone, transaction.CompileDone).TotalMilliseconds,
            transaction.Order.Count,
            transaction.Reused.Count,
            _time.GetElapsedTime(transaction.CompileDone, transaction.LoadDone).TotalMilliseconds,
            _time.GetElapsedTime(transaction.LoadDone, transaction.StopDone).TotalMilliseconds,
            _time.GetElapsedTime(transaction.StopDone, transaction.StateDone).TotalMilliseconds,
            _time.GetElapsedTime(transaction.StateDone).TotalMilliseconds);
        if (old.Generation == 0)
        {
            Log.Loaded(_logger, reloadedModules.Count, duration.TotalMilliseconds);
        }
        else
        {
            Log.Reloaded(_logger, string.Join(" -> ", reloadedModules.Select(Relative)), duration.TotalMilliseconds, old.Generation + 1);
        }

        return new ReloadResult(
            ReloadStatus.Succeeded, old.Generation + 1, duration, transaction.Changed, reloadedModules, transaction.Removed, transaction.Diagnostics, null, notes,
            [.. reloadedModules.Where(_compiler.IsGenerated)]);
    }

    /// <summary>Runs the framework's cache handlers if a commit retired old versions since they last ran (after the
    /// commit's <see cref="Reloaded"/> event, so the restart of what the reload stopped does not wait for them). Not
    /// under the host's lock: the new version's entry point starts meanwhile, and finding it asks the host (under the lock)
    /// which module declares it, which would then wait for the handlers (3–45 ms). A commit made while they run marks the
    /// caches stale again, and the next call clears them again.</summary>
    private void ClearFrameworkCaches()
    {
        lock (_cachesGate) // a caller (VerifyUnloaded) returns only once a clearing under way is done
        {
            if (Interlocked.Exchange(ref _frameworkCachesStale, 0) == 0)
            {
                return;
            }

            long started = _time.GetTimestamp();
            foreach (string failure in MetadataUpdateHandlers.Run())
            {
                Log.StateNote(_logger, $"clearing the framework's caches: {failure}");
            }

            Log.CachesCleared(_logger, _time.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>Unloads the versions a transaction loaded but will not commit.</summary>
    private void Discard(ReloadTransaction transaction)
    {
        foreach (LoadedUnit unit in transaction.Loaded.Values)
        {
            _unloads.Unload(unit);
        }

        transaction.Loaded.Clear();
    }

    private ReloadResult Failed(ReloadTransaction transaction, ReloadStatus status, IReadOnlyList<string> changed, IReadOnlyList<ReloadDiagnostic> diagnostics) =>
        new(status, transaction.Old.Generation, _time.GetElapsedTime(transaction.Started), changed, [], [], diagnostics, null, []);

    private string Relative(string path) => Path.GetRelativePath(RootDirectory, path);
}
