using Google.Protobuf.Reflection;
using Inkwell.Protobuf.Binding;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Internal;

/// <summary>
/// One compilation's state: loaded files, the shared symbol table, and the diagnostics so far. Files come from
/// text (parsed here) or, when the resolver is a <see cref="ParsedFileSource"/>, as earlier parses: binding only reads
/// a syntax tree and writes what it finds into a <see cref="BoundFile"/> of this compilation's own.
/// </summary>
internal sealed partial class CompilationSession(IProtoFileResolver resolver, bool recordSourceInfo, CancellationToken cancellationToken)
{
    private readonly ParsedFileSource? _parsed = resolver as ParsedFileSource;
    private readonly DescriptorSetResolver? _sets = resolver as DescriptorSetResolver ?? (resolver as BuiltInFileResolver)?.Inner as DescriptorSetResolver;

    private readonly Dictionary<string, CompiledFile?> _loaded = new(StringComparer.Ordinal);
    private readonly List<string> _loading = [];
    private readonly List<FileSyntax> _loadingSyntax = [];
    private readonly SymbolTable _table = new();
    private readonly Dictionary<FileSyntax, string> _displayNames = [];
    private readonly ParallelParser _parser = new(resolver, recordSourceInfo, cancellationToken);

    public List<Diagnostic> Diagnostics { get; } = [];

    public List<CompiledFile> Ordered { get; } = [];

    private void Report(string id, FileSyntax? file, string name, TextPosition position, string message, DiagnosticSeverity severity) =>
        Diagnostics.Add(Located(id, file, name, position, message, severity));

    private Diagnostic Located(string id, FileSyntax? file, string name, TextPosition position, string message, DiagnosticSeverity severity)
    {
        string display = file is not null && _displayNames.TryGetValue(file, out string? d) ? d : name;
        // A precompiled file's problems are reported, as by protoc, without a position (its text was written here).
        return position.Line < 0 || _sets is not null && _sets.TryGetPrecompiled(file?.Name ?? name, out _)
            ? new Diagnostic(id, display, 0, 0, message, severity)
            : new Diagnostic(id, display, position.Line + 1, position.Column + 1, message, severity);
    }

    /// <summary>Reports an error found after binding (by the inheritance checks) at a place in <paramref name="file"/>.</summary>
    public void Error(CompiledFile file, TextPosition position, string message) =>
        Report(DiagnosticIds.InheritanceError, file.Syntax, file.Name, position, message, DiagnosticSeverity.Error);

    private readonly HashSet<string> _requested = new(StringComparer.Ordinal);

    /// <summary>Starts parsing the requested files (and, transitively, their imports) in the background.</summary>
    public void Prefetch(IEnumerable<string> names)
    {
        foreach (string name in names)
        {
            _requested.Add(name);
            if (_parsed is null)
            {
                _ = _parser.Start(name);
            }
        }
    }

    /// <summary>Loads, parses and binds <paramref name="name"/> after its imports; null when it or they failed.</summary>
    public CompiledFile? Load(string name, FileSyntax? importedFrom, TextPosition importPosition)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_loaded.TryGetValue(name, out CompiledFile? done))
        {
            return done;
        }

        // Parsing text runs ahead on the thread pool.
        ParsedProtoFile? kept = _parsed?.Find(name);
        ParsedFile parsed = kept?.ToParsedFile() ?? (_parsed is not null ? ParsedFileSource.NotFound(name) : _parser.Get(name));
        if (parsed.Syntax is null)
        {
            _loaded[name] = null;
            Diagnostics.Add(new Diagnostic(DiagnosticIds.FileNotLoaded, name, 0, 0, "File not found.", DiagnosticSeverity.Error));
            return null;
        }

        FileSyntax syntax = parsed.Syntax;
        Diagnostics.AddRange(parsed.Diagnostics);
        _displayNames[syntax] = parsed.DisplayPath;
        if (parsed.HadErrors)
        {
            _loaded[name] = null;
            return null;
        }

        // protoc loads every import first (what goes wrong inside one is reported there), then, building this file,
        // reports each import that failed and goes on without it; only importing itself stops it at once.
        _loading.Add(name);
        _loadingSyntax.Add(syntax);
        foreach (ImportSyntax import in syntax.Imports)
        {
            int start = _loading.IndexOf(import.Path);
            if (start >= 0)
            {
                ReportCycle(start, import.Path);
            }
            else
            {
                Load(import.Path, syntax, import.Position);
            }
        }

        _loading.RemoveAt(_loading.Count - 1);
        _loadingSyntax.RemoveAt(_loadingSyntax.Count - 1);
        var dependencies = new List<CompiledFile>();
        var optionDependencies = new List<CompiledFile>();
        bool dependencyFailed = false;
        foreach (ImportSyntax import in syntax.Imports)
        {
            if (import.Path == name)
            {
                _loaded[name] = null;
                return null;
            }

            if (!_loaded.TryGetValue(import.Path, out CompiledFile? dependency) || dependency is null)
            {
                Report(DiagnosticIds.FileNotLoaded, syntax, name, import.Position, $"Import \"{import.Path}\" was not found or had errors.", DiagnosticSeverity.Error);
                dependencyFailed = true;
                continue;
            }

            (import.Kind == ImportKind.Option ? optionDependencies : dependencies).Add(dependency);
        }

        CompiledFile? before = Ordered.Count > 0 ? Ordered[^1] : null;
        if (kept is not null)
        {
            if (!dependencyFailed && TryReuse(kept, name, before, parsed.DisplayPath) is { } reused)
            {
                return reused;
            }
        }

        var bound = new BoundFile(syntax, name);
        var visible = new HashSet<BoundFile>();
        foreach (ImportSyntax import in syntax.Imports)
        {
            if (_loaded.TryGetValue(import.Path, out CompiledFile? dependency) && dependency is not null)
            {
                AddWithPublicImports(dependency, visible);
            }
        }

        int firstBindingDiagnostic = Diagnostics.Count;
        var binder = new Binder(_table, bound, visible, BuiltIns.Instance, (file, position, message, severity) => Report(DiagnosticIds.Semantic(severity), file, name, position, message, severity));
        _table.Checkpoint();
        bool ok = binder.Bind() && !dependencyFailed;
        if (!ok)
        {
            _table.Rollback(); // as protoc: names of a file that failed are not found by the files after it
        }

        Diagnostic[] bindingDiagnostics = [.. Diagnostics.Skip(firstBindingDiagnostic)];
        var unusedImports = new List<Diagnostic>();
        if (ok && syntax.UsesInheritance)
        {
            foreach (ImportSyntax import in syntax.Imports)
            {
                if (import.Kind == ImportKind.Plain && _loaded.TryGetValue(import.Path, out CompiledFile? dependency) && dependency is not null)
                {
                    var reexported = new HashSet<BoundFile>();
                    AddWithPublicImports(dependency, reexported);
                    if (reexported.Overlaps(binder.InheritanceUsedFiles) && !reexported.Overlaps(binder.UsedFiles))
                    {
                        bound.InheritanceOnlyImports.Add(import.Path);
                    }
                }
            }
        }
        FileDescriptorProto? precompiled = null;
        bool isPrecompiled = _sets is not null && _sets.TryGetPrecompiled(name, out precompiled);
        if (ok && !isPrecompiled && (_requested.Contains(name) || kept is not null))
        {
            // protoc warns about unused plain imports of the files it was asked to compile (a kept binding keeps them for a link that asks),
            // not of precompiled ones.
            foreach (ImportSyntax import in syntax.Imports)
            {
                if (import.Kind == ImportKind.Plain && _loaded.TryGetValue(import.Path, out CompiledFile? dependency) && dependency is not null &&
                    !IsUsed(dependency, binder))
                {
                    unusedImports.Add(Located(DiagnosticIds.UnusedImport, syntax, name, import.Position, $"Import {import.Path} is unused.", DiagnosticSeverity.Warning));
                }
            }

            if (_requested.Contains(name))
            {
                Diagnostics.AddRange(unusedImports);
            }
        }

        var compiled = ok ? new CompiledFile(bound, dependencies, optionDependencies, precompiled) : null;
        if (compiled is not null && kept is not null)
        {
            Remember(kept, name, before, compiled, bindingDiagnostics, unusedImports);
        }
        _loaded[name] = compiled;
        if (compiled is not null)
        {
            Ordered.Add(compiled);
        }

        return compiled;
    }

    // protoc reports a cycle in the first file of it, at its import of the next one (or of itself).
    private void ReportCycle(int start, string reentered)
    {
        string cycle = string.Join(" -> ", _loading.Skip(start).Append(reentered));
        string next = start + 1 < _loading.Count ? _loading[start + 1] : reentered;
        FileSyntax file = _loadingSyntax[start];
        ImportSyntax? import = file.Imports.Find(i => i.Path == next);
        Report(DiagnosticIds.FileNotLoaded, file, _loading[start], import?.Position ?? TextPosition.None, $"File recursively imports itself: {cycle}", DiagnosticSeverity.Error);
    }

    // An import is used when a symbol came from it or from a file it re-exports with `import public`, as in protoc.
    private bool IsUsed(CompiledFile dependency, Binder binder)
    {
        var reexported = new HashSet<BoundFile>();
        AddWithPublicImports(dependency, reexported);
        return reexported.Overlaps(binder.UsedFiles) || reexported.Overlaps(binder.InheritanceUsedFiles);
    }

    private void AddWithPublicImports(CompiledFile file, HashSet<BoundFile> visible)
    {
        if (!visible.Add(file.Bound))
        {
            return;
        }

        foreach (ImportSyntax import in file.Syntax.Imports)
        {
            if (import.Kind == ImportKind.Public && _loaded.TryGetValue(import.Path, out CompiledFile? dependency) && dependency is not null)
            {
                AddWithPublicImports(dependency, visible);
            }
        }
    }
}
