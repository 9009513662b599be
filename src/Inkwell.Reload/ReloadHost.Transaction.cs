using System.Reflection;
using System.Text;
using Inkwell.Reload.Internal;
using Inkwell.Reload.Internal.Compilation;
using Inkwell.Reload.Internal.Graph;
using Inkwell.Reload.Internal.Loading;
using Inkwell.Reload.Internal.Projects;
using Inkwell.Reload.Internal.State;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Reload;

public sealed partial class ReloadHost
{
    /// <summary>One reload: read the files, find what changed, rebuild the graph, compile every affected unit in
    /// dependency order, load, carry state over, run hooks, and only then switch versions and unload the old
    /// ones. Any failure before the switch leaves the loaded version exactly as it was.</summary>
    private ReloadResult ReloadCore(CancellationToken cancellationToken)
    {
        long started = _time.GetTimestamp();
        Snapshot old = _snapshot;

        // 0. A project whose files changed is restored and evaluated again first; every module then recompiles
        // against what it says now.
        if (_project is not null && RefreshProject(cancellationToken) is { } projectFailure)
        {
            return new ReloadResult(ReloadStatus.ProjectFailed, old.Generation, _time.GetElapsedTime(started), [_project.ProjectFile], [], [], projectFailure, null, []);
        }

        // 1. What changed on disk, and what the project's source generators make of it now (an edited .proto
        // changes a generated module, not a file on disk).
        Dictionary<string, string> texts = ReadModules(old);
        if (_compiler.HasGenerators && Generate(texts, cancellationToken) is { } generatorErrors)
        {
            Log.CompileFailed(_logger, string.Join(Environment.NewLine, generatorErrors.Where(d => d.IsError)));
            return new ReloadResult(ReloadStatus.CompileFailed, old.Generation, _time.GetElapsedTime(started), [.. WatchedInputs().Order(StringComparer.Ordinal)], [], [], generatorErrors, null, []);
        }

        var hashes = texts.ToDictionary(p => p.Key, p => ModuleCompiler.Hash(p.Value), StringComparer.Ordinal);
        List<string> added = [.. hashes.Keys.Where(p => !old.Modules.ContainsKey(p)).Order(StringComparer.Ordinal)];
        List<string> modified = [.. hashes.Where(p => old.Modules.TryGetValue(p.Key, out ModuleRecord? r) && (_recompileAll || !r.Hash.AsSpan().SequenceEqual(p.Value)))
            .Select(p => p.Key).Order(StringComparer.Ordinal)];
        List<string> removed = [.. old.Modules.Keys.Where(p => !texts.ContainsKey(p)).Order(StringComparer.Ordinal)];
        List<string> changed = [.. added.Concat(modified).Concat(removed).Order(StringComparer.Ordinal)];
        if (changed.Count == 0)
        {
            return new ReloadResult(ReloadStatus.NoChanges, old.Generation, _time.GetElapsedTime(started), [], [], [], [], null, []);
        }

        Log.ChangesFound(_logger, string.Join(", ", changed.Select(Relative)));

        long readDone = _time.GetTimestamp();

        // 2. The new graph, from all modules compiled together once.
        string[] paths = [.. texts.Keys.Order(StringComparer.Ordinal)];
        SyntaxTree[] trees = [.. paths.Select(p => _compiler.Parse(p, texts[p], hashes[p]))];
        if (EntryPointRules.Check(trees, _project?.Inputs?.FindsItsOwnEntryPoint == true) is { } twice)
        {
            Log.CompileFailed(_logger, twice.ToString());
            return new ReloadResult(ReloadStatus.CompileFailed, old.Generation, _time.GetElapsedTime(started), changed, [], [], [twice], null, []);
        }

        CSharpCompilation discovery = _compiler.Discover(trees);
        (HashSet<int>[] uses, HashSet<IAssemblySymbol> usedAssemblies) = DependencyWalker.Walk(discovery, trees, cancellationToken);
        List<List<int>> components = StronglyConnectedComponents.Find(uses);
        Dictionary<string, string> names = AssignNames(paths, old);
        var dependencies = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        for (int i = 0; i < paths.Length; i++)
        {
            dependencies[paths[i]] = [.. uses[i].Select(j => paths[j])];
        }

        var unitPaths = components.Select(c => (IReadOnlyList<string>)[.. c.Select(i => paths[i])]).ToList();
        var graph = new ModuleGraph(RootDirectory, dependencies, unitPaths);
        var unitNameOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (IReadOnlyList<string> unit in unitPaths)
        {
            foreach (string module in unit)
            {
                unitNameOf[module] = names[unit[0]];
            }
        }

        // Direct unit dependencies, then the transitive ones each unit must be compiled against.
        var unitDependencies = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (IReadOnlyList<string> unit in unitPaths)
        {
            string name = unitNameOf[unit[0]];
            var direct = new HashSet<string>(StringComparer.Ordinal);
            foreach (string module in unit)
            {
                direct.UnionWith(dependencies[module].Select(d => unitNameOf[d]).Where(u => u != name));
            }

            unitDependencies[name] = direct;
        }

        var transitive = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (IReadOnlyList<string> unit in unitPaths)
        {
            string name = unitNameOf[unit[0]];
            var all = new HashSet<string>(unitDependencies[name], StringComparer.Ordinal);
            foreach (string direct in unitDependencies[name])
            {
                all.UnionWith(transitive[direct]);
            }

            transitive[name] = all;
        }

        // 3. What must be recompiled: changed modules; what new modules use (so it can grant them its internals);
        // what used a deleted module; units whose membership changed; then everything that depends on those.
        var affectedModules = new HashSet<string>(added.Concat(modified), StringComparer.Ordinal);
        foreach (string module in added)
        {
            affectedModules.UnionWith(dependencies[module]);
        }

        foreach (string module in removed)
        {
            affectedModules.UnionWith(old.Graph.GetDependents(module).Where(texts.ContainsKey));
        }

        var affectedUnits = new HashSet<string>(StringComparer.Ordinal);
        foreach (IReadOnlyList<string> unit in unitPaths)
        {
            string name = unitNameOf[unit[0]];
            bool sameMembers = old.Units.TryGetValue(name, out LoadedUnit? previous) && previous.Modules.SequenceEqual(unit, StringComparer.Ordinal);
            if (!sameMembers || unit.Any(affectedModules.Contains) || unitDependencies[name].Any(affectedUnits.Contains))
            {
                affectedUnits.Add(name);
            }
        }

        long graphDone = _time.GetTimestamp();

        // 4. Compile the affected units in order, each against its dependencies' new or current images.
        var images = new Dictionary<string, UnitImage>(StringComparer.Ordinal);
        var diagnostics = new List<ReloadDiagnostic>();
        var failed = new HashSet<string>(StringComparer.Ordinal);
        string[] friends = [.. names.Values];
        IReadOnlyList<string> namespaces = ModuleCompiler.DeclaredNamespaces(discovery);
        IReadOnlyList<MetadataReference> references = _compiler.SelectReferences(discovery, usedAssemblies);
        List<IReadOnlyList<string>> order = [.. unitPaths.Where(u => affectedUnits.Contains(unitNameOf[u[0]]))];
        foreach (IReadOnlyList<string> unit in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string name = unitNameOf[unit[0]];
            if (transitive[name].Any(failed.Contains))
            {
                failed.Add(name);
                continue;
            }

            IEnumerable<MetadataReference> dependencyImages = transitive[name].Order(StringComparer.Ordinal)
                .Select(d => images.TryGetValue(d, out UnitImage? image) ? image.Reference : old.Units[d].Image.Reference);
            (UnitImage? compiled, IReadOnlyList<Diagnostic> messages) = _compiler.Compile(
                name, [.. unit.Select(p => trees[Array.IndexOf(paths, p)])], dependencyImages, friends, namespaces, references, cancellationToken);
            diagnostics.AddRange(messages.Select(ModuleCompiler.ToReloadDiagnostic));
            if (compiled is null)
            {
                failed.Add(name);
            }
            else
            {
                images[name] = compiled;
            }
        }

        if (failed.Count > 0)
        {
            string errors = string.Join(Environment.NewLine, diagnostics.Where(d => d.IsError));
            Log.CompileFailed(_logger, errors);
            return new ReloadResult(ReloadStatus.CompileFailed, old.Generation, _time.GetElapsedTime(started), changed, [], [], diagnostics, null, []);
        }

        long compileDone = _time.GetTimestamp();

        // 5. Load the new versions, each resolving its dependencies to the versions it was compiled against.
        var loaded = new Dictionary<string, LoadedUnit>(StringComparer.Ordinal);
        foreach (IReadOnlyList<string> unit in order)
        {
            string name = unitNameOf[unit[0]];
            int version = old.Units.TryGetValue(name, out LoadedUnit? previous) ? previous.Version + 1 : 1;
            var resolvable = transitive[name].ToDictionary(
                d => d, d => loaded.TryGetValue(d, out LoadedUnit? fresh) ? fresh.Assembly : old.Units[d].Assembly, StringComparer.Ordinal);
            var context = new UnitLoadContext($"{name} v{version}", resolvable);
            UnitImage image = images[name];
            Assembly assembly;
            using (var pe = new MemoryStream(image.Assembly, writable: false))
            using (var pdb = new MemoryStream(image.Symbols, writable: false))
            {
                assembly = context.LoadFromStream(pe, pdb);
            }

            loaded[name] = new LoadedUnit(name, version, unit, [.. transitive[name].Order(StringComparer.Ordinal)], context, assembly, image);
        }

        // The old units that go away: the replaced ones and those whose modules were all deleted.
        var replacedModules = new HashSet<string>(order.SelectMany(u => u).Concat(removed), StringComparer.Ordinal);
        List<LoadedUnit> retired = [.. old.Units.Values.Where(u => loaded.ContainsKey(u.Name) || u.Modules.Any(replacedModules.Contains))];

        // 6. Carry state over and run the new version's hooks; a throwing hook rolls everything back.
        var notes = new List<string>();
        try
        {
            if (old.Generation > 0)
            {
                Reloading?.Invoke(this, new ReloadingEventArgs([.. replacedModules.Order(StringComparer.Ordinal)]));
            }

            TransferState(old, retired, order.Select(u => loaded[unitNameOf[u[0]]]).ToList(), discovery, notes);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            foreach (LoadedUnit unit in loaded.Values)
            {
                _unloads.Unload(unit);
            }

            Exception cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
            string failure = cause.ToString();
            Log.RolledBack(_logger, failure);
            return new ReloadResult(ReloadStatus.HookFailed, old.Generation, _time.GetElapsedTime(started), changed, [], [], diagnostics, failure, notes);
        }

        long stateDone = _time.GetTimestamp();
        Log.Phases(
            _logger,
            _time.GetElapsedTime(started, readDone).TotalMilliseconds,
            _time.GetElapsedTime(readDone, graphDone).TotalMilliseconds,
            _time.GetElapsedTime(graphDone, compileDone).TotalMilliseconds,
            order.Count,
            _time.GetElapsedTime(compileDone, stateDone).TotalMilliseconds);

        // 7. Commit: switch to the new versions, then unload the old ones.
        var records = new Dictionary<string, ModuleRecord>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            bool reloaded = loaded.ContainsKey(unitNameOf[path]);
            records[path] = old.Modules.TryGetValue(path, out ModuleRecord? previous)
                ? (reloaded ? previous with { Hash = hashes[path], Version = previous.Version + 1 } : previous)
                : new ModuleRecord(path, names[path], hashes[path], 1);
        }

        var units = new Dictionary<string, LoadedUnit>(StringComparer.Ordinal);
        foreach (IReadOnlyList<string> unit in unitPaths)
        {
            string name = unitNameOf[unit[0]];
            units[name] = loaded.TryGetValue(name, out LoadedUnit? fresh) ? fresh : old.Units[name];
        }

        _snapshot = new Snapshot(old.Generation + 1, records, units, [.. unitPaths.Select(u => unitNameOf[u[0]])], graph);
        _recompileAll = false;
        foreach (string path in removed)
        {
            _compiler.Forget(path);
        }

        foreach (LoadedUnit unit in retired)
        {
            _unloads.Unload(unit);
        }

        if (retired.Count > 0)
        {
            // The framework's static caches (System.Text.Json, TypeDescriptor, ASP.NET Core) would otherwise keep
            // entries for the old versions' types, and with them the old versions.
            notes.AddRange(MetadataUpdateHandlers.Run().Select(f => $"clearing the framework's caches: {f}"));
        }

        InvalidateHandles();
        if (retired.Count > 0 && _options.VerifyUnloadAfter is { } delay)
        {
            _verifyTimer?.Change(delay, Timeout.InfiniteTimeSpan);
        }

        foreach (string note in notes)
        {
            Log.StateNote(_logger, note);
        }

        List<string> reloadedModules = [.. order.SelectMany(u => u)];
        TimeSpan duration = _time.GetElapsedTime(started);
        if (old.Generation == 0)
        {
            Log.Loaded(_logger, reloadedModules.Count, duration.TotalMilliseconds);
        }
        else
        {
            Log.Reloaded(_logger, string.Join(" -> ", reloadedModules.Select(Relative)), duration.TotalMilliseconds, old.Generation + 1);
        }

        return new ReloadResult(ReloadStatus.Succeeded, old.Generation + 1, duration, changed, reloadedModules, removed, diagnostics, null, notes, [.. reloadedModules.Where(_compiler.IsGenerated)]);
    }

    private void TransferState(Snapshot old, List<LoadedUnit> retired, List<LoadedUnit> fresh, CSharpCompilation discovery, List<string> notes)
    {
        if (retired.Count == 0)
        {
            return;
        }

        StateTransfer.RunClassConstructors(fresh.Select(u => u.Assembly), _options.StaticConstructorTimeout);
        var oldAssemblies = new HashSet<Assembly>(retired.Select(u => u.Assembly));
        Type? FindNew(string fullName) => fresh.Select(u => u.Assembly.GetType(fullName)).FirstOrDefault(t => t is not null);
        Type? FindOld(string fullName) => retired.Select(u => u.Assembly.GetType(fullName)).FirstOrDefault(t => t is not null);
        var migrator = new ObjectMigrator(oldAssemblies, FindNew, notes.Add);
        StateTransfer.CopyPreserved(oldAssemblies, FindNew, migrator, notes.Add);

        foreach (LoadedUnit unit in fresh)
        {
            if (!unit.Modules.Any(old.Modules.ContainsKey))
            {
                continue; // a new module has nothing to migrate from
            }

            foreach (MethodInfo hook in StateTransfer.FindHooks(unit.Assembly))
            {
                string fullName = hook.DeclaringType!.FullName!;
                string module = discovery.GetTypeByMetadataName(fullName)?.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath ?? unit.Modules[0];
                int previousVersion = old.Modules.TryGetValue(module, out ModuleRecord? record) ? record.Version : 0;
                var context = new ReloadContext(module, previousVersion, previousVersion + 1, FindOld(fullName), FindOld, migrator);
                try
                {
                    hook.Invoke(null, [context]);
                }
                catch (TargetInvocationException exception) when (exception.InnerException is { } inner)
                {
                    throw new InvalidOperationException($"{fullName}.OnReload in {Relative(module)} threw {inner.GetType().Name}: {inner.Message}", inner);
                }
                finally
                {
                    context.Close();
                }
            }
        }
    }

    /// <summary>Adds the generated sources to <paramref name="texts"/>, keyed by their (virtual) paths. Returns the
    /// generators' diagnostics when one of them is an error (a <c>.proto</c> that does not parse), else null.</summary>
    private IReadOnlyList<ReloadDiagnostic>? Generate(Dictionary<string, string> texts, CancellationToken cancellationToken)
    {
        SyntaxTree[] moduleTrees = [.. texts.Keys.Order(StringComparer.Ordinal).Select(p => _compiler.Parse(p, texts[p], ModuleCompiler.Hash(texts[p])))];
        (IReadOnlyList<(string Path, string Text)> sources, IReadOnlyList<Diagnostic> diagnostics) = _compiler.Generate(moduleTrees, cancellationToken);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return [.. diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(ModuleCompiler.ToReloadDiagnostic)];
        }

        foreach ((string path, string text) in sources)
        {
            texts[path] = text;
        }

        return null;
    }

    /// <summary>Restores and evaluates the project again when its files changed or <c>.cs</c> files came or went,
    /// and switches to a compiler with what it says now. Returns MSBuild's errors when that failed (the compiler
    /// and everything loaded stay as they were), else null.</summary>
    private IReadOnlyList<ReloadDiagnostic>? RefreshProject(CancellationToken cancellationToken)
    {
        List<string> sources = [.. EnumerateModuleFiles(RootDirectory)];
        if (!_project!.IsStale(sources))
        {
            return null;
        }

        long started = _time.GetTimestamp();
        try
        {
            var notes = new List<string>();
            (CompilerSettings settings, bool changed) = _project.Evaluate(sources, _shared, _options.Optimize, notes.Add, cancellationToken);
            if (changed)
            {
                _compiler = new ModuleCompiler(settings);
                _recompileAll = true;
            }

            Log.ProjectEvaluated(_logger, Relative(_project.ProjectFile), _project.ModuleFiles.Count, settings.Framework.Count, settings.Generators?.Generators.Count ?? 0, _time.GetElapsedTime(started).TotalMilliseconds);
            foreach (string note in notes)
            {
                Log.ProjectNote(_logger, note);
            }

            return null;
        }
        catch (ProjectEvaluationException exception)
        {
            Log.ProjectFailed(_logger, string.Join(Environment.NewLine, exception.Diagnostics));
            return exception.Diagnostics;
        }
    }

    /// <summary>Reads every module file. A file that cannot be read right now (an editor is writing it) keeps
    /// its loaded text, and the change is picked up by the next look.</summary>
    private Dictionary<string, string> ReadModules(Snapshot old)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in _project?.ModuleFiles ?? EnumerateModuleFiles(RootDirectory))
        {
            try
            {
                texts[path] = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (e is FileNotFoundException or DirectoryNotFoundException && !old.Modules.ContainsKey(path))
                {
                    continue;
                }

                if (old.Modules.ContainsKey(path) && _compiler.TryGetText(path, out string? text))
                {
                    texts[path] = text;
                }

                MarkChanged();
            }
        }

        return texts;
    }

    internal static IEnumerable<string> EnumerateModuleFiles(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        return Directory.EnumerateFiles(root, "*.cs", options)
            .Where(p => !IsIgnored(Path.GetRelativePath(root, p)))
            .Select(Path.GetFullPath);
    }

    private static bool IsIgnored(string relativePath)
    {
        string[] parts = relativePath.Split(Path.DirectorySeparatorChar);
        return parts.Length > 1 && parts[..^1].Any(d => d is "bin" or "obj" || d.StartsWith('.'))
            || parts[^1].StartsWith('.');
    }

    /// <summary>Stable assembly names from relative paths (<c>sim/World.cs</c> → <c>Module.sim.World</c>; the
    /// prefix keeps them clear of framework names such as <c>System</c>), kept for the
    /// life of the module.</summary>
    private Dictionary<string, string> AssignNames(string[] paths, Snapshot old)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in paths)
        {
            if (old.Modules.TryGetValue(path, out ModuleRecord? record))
            {
                names[path] = record.Name;
                taken.Add(record.Name);
            }
        }

        foreach (string path in paths.Where(p => !names.ContainsKey(p)))
        {
            string relative = Path.ChangeExtension(Path.GetRelativePath(RootDirectory, path), null);
            var builder = new StringBuilder("Module.");
            foreach (char c in relative)
            {
                builder.Append(char.IsAsciiLetterOrDigit(c) ? c : c == Path.DirectorySeparatorChar ? '.' : '_');
            }

            string baseName = builder.ToString();
            string name = baseName;
            for (int i = 2; !taken.Add(name); i++)
            {
                name = $"{baseName}_{i}";
            }

            names[path] = name;
        }

        return names;
    }

    private string Relative(string path) => Path.GetRelativePath(RootDirectory, path);
}
