using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>Every fully-qualified name in a compilation, and the files each package appears in.</summary>
internal sealed class SymbolTable
{
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<BoundFile>> _packageFiles = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<FieldSyntax>> _extensions = new(StringComparer.Ordinal);

    // What each addition since the last checkpoint changed, to undo it when the file that made it fails (as protoc
    // rolls its tables back): a failed file's names must not be found by the files bound after it.
    private readonly List<Action> _undo = [];

    /// <summary>Keeps everything added so far: <see cref="Rollback"/> returns to this state.</summary>
    public void Checkpoint() => _undo.Clear();

    /// <summary>Removes everything added since the last <see cref="Checkpoint"/>.</summary>
    public void Rollback()
    {
        for (int i = _undo.Count - 1; i >= 0; i--)
        {
            _undo[i]();
        }

        _undo.Clear();
    }

    /// <summary>Records a resolved extension of <paramref name="extendee"/> (full name without the dot).</summary>
    public void AddExtension(string extendee, FieldSyntax extension)
    {
        if (!_extensions.TryGetValue(extendee, out List<FieldSyntax>? list))
        {
            _extensions[extendee] = list = [];
        }

        list.Add(extension);
        _undo.Add(() => list.RemoveAt(list.Count - 1));
    }

    /// <summary>Every extension of <paramref name="extendee"/> in the compilation so far.</summary>
    public IReadOnlyList<FieldSyntax> ExtensionsOf(string extendee) =>
        _extensions.TryGetValue(extendee, out List<FieldSyntax>? list) ? list : [];

    public bool TryGet(string fullName, out Symbol symbol) => _symbols.TryGetValue(fullName, out symbol!);

    /// <summary>Adds a symbol; returns the existing one when the name is taken.</summary>
    public Symbol? TryAdd(Symbol symbol)
    {
        if (_symbols.TryGetValue(symbol.FullName, out Symbol? existing))
        {
            return existing;
        }

        _symbols.Add(symbol.FullName, symbol);
        _undo.Add(() => _symbols.Remove(symbol.FullName));
        return null;
    }

    /// <summary>Registers <paramref name="file"/>'s package and all its prefixes; returns a clash with a non-package, if any.</summary>
    public Symbol? AddPackage(string package, BoundFile file)
    {
        if (package.Length == 0)
        {
            return null;
        }

        int dot = package.LastIndexOf('.');
        if (dot > 0)
        {
            Symbol? outer = AddPackage(package.Substring(0, dot), file);
            if (outer is not null)
            {
                return outer;
            }
        }

        if (!_packageFiles.TryGetValue(package, out HashSet<BoundFile>? files))
        {
            _packageFiles[package] = files = [];
        }

        if (files.Add(file))
        {
            _undo.Add(() => files.Remove(file));
        }

        if (_symbols.TryGetValue(package, out Symbol? existing))
        {
            return existing.Kind == SymbolKind.Package ? null : existing;
        }

        _symbols.Add(package, new Symbol(SymbolKind.Package, package, file, null));
        _undo.Add(() => _symbols.Remove(package));
        return null;
    }

    public bool PackageIsIn(string package, BoundFile file) =>
        _packageFiles.TryGetValue(package, out HashSet<BoundFile>? files) && files.Contains(file);
}
