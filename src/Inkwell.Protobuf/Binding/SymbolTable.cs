using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>Every fully-qualified name in a compilation, and the files each package appears in.</summary>
internal sealed class SymbolTable
{
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<FileSyntax>> _packageFiles = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<FieldSyntax>> _extensions = new(StringComparer.Ordinal);

    /// <summary>Records a resolved extension of <paramref name="extendee"/> (full name without the dot).</summary>
    public void AddExtension(string extendee, FieldSyntax extension)
    {
        if (!_extensions.TryGetValue(extendee, out List<FieldSyntax>? list))
        {
            _extensions[extendee] = list = [];
        }

        list.Add(extension);
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
        return null;
    }

    /// <summary>Registers <paramref name="file"/>'s package and all its prefixes; returns a clash with a non-package, if any.</summary>
    public Symbol? AddPackage(string package, FileSyntax file)
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

        if (!_packageFiles.TryGetValue(package, out HashSet<FileSyntax>? files))
        {
            _packageFiles[package] = files = [];
        }

        files.Add(file);
        if (_symbols.TryGetValue(package, out Symbol? existing))
        {
            return existing.Kind == SymbolKind.Package ? null : existing;
        }

        _symbols.Add(package, new Symbol(SymbolKind.Package, package, file, null));
        return null;
    }

    public bool PackageIsIn(string package, FileSyntax file) =>
        _packageFiles.TryGetValue(package, out HashSet<FileSyntax>? files) && files.Contains(file);
}
