namespace Inkwell.Protobuf.Binding;

/// <summary>
/// What one file can see: itself, its imports, and whatever those re-export with <c>import public</c>.
/// Implements protoc's name lookup (innermost scope first, compound names resolved from their first part).
/// </summary>
internal sealed class Scope(SymbolTable table, BoundFile file, IReadOnlyCollection<BoundFile> visibleFiles)
{
    private readonly HashSet<BoundFile> _visible = [.. visibleFiles];

    public BoundFile File => file;

    public SymbolTable Table => table;

    /// <summary>The files whose symbols this file used (for protoc's unused-import warning).</summary>
    public HashSet<BoundFile> UsedFiles { get; } = [];

    /// <summary>The last name that resolved through an outer scope to something undefined (for protoc's hint).</summary>
    public string? UndefinedResolvedName { get; private set; }

    /// <summary>A symbol found by name but declared in a file this one does not import.</summary>
    public Symbol? NotImported { get; private set; }

    /// <summary>
    /// Counts the file declaring <paramref name="fullName"/> as used when this file can see it: protoc looks each
    /// options message up by name before interpreting options, so an import of descriptor.proto is then used.
    /// </summary>
    public void MarkUsed(string fullName)
    {
        if (table.TryGet(fullName, out Symbol symbol) && symbol.Kind != SymbolKind.Package && (symbol.File == file || _visible.Contains(symbol.File)))
        {
            UsedFiles.Add(symbol.File);
        }
    }

    public Symbol? Find(string fullName)
    {
        if (!table.TryGet(fullName, out Symbol symbol))
        {
            return null;
        }

        if (symbol.File == file || _visible.Contains(symbol.File))
        {
            if (symbol.Kind != SymbolKind.Package)
            {
                UsedFiles.Add(symbol.File);
            }

            return symbol;
        }

        if (symbol.Kind == SymbolKind.Package)
        {
            if (table.PackageIsIn(fullName, file) || _visible.Any(f => table.PackageIsIn(fullName, f)))
            {
                return symbol;
            }
        }

        NotImported ??= symbol;
        return null;
    }

    /// <summary>Looks <paramref name="name"/> up relative to <paramref name="relativeTo"/> (a full name whose last part is dropped first).</summary>
    public Symbol? Lookup(string name, string relativeTo, bool typesOnly = false)
    {
        UndefinedResolvedName = null;
        NotImported = null;
        if (name.StartsWith(".", StringComparison.Ordinal))
        {
            return Find(name.Substring(1));
        }

        int firstDot = name.IndexOf('.');
        string firstPart = firstDot < 0 ? name : name.Substring(0, firstDot);
        string scope = relativeTo;
        while (true)
        {
            int dot = scope.LastIndexOf('.');
            if (dot < 0)
            {
                return Find(name);
            }

            scope = scope.Substring(0, dot);
            string candidate = scope + "." + firstPart;
            Symbol? result = Find(candidate);
            if (result is not null)
            {
                if (firstPart.Length < name.Length)
                {
                    if (result.IsAggregate)
                    {
                        string full = scope + "." + name;
                        result = Find(full);
                        if (result is null)
                        {
                            UndefinedResolvedName = full;
                        }

                        return result;
                    }
                }
                else if (!typesOnly || result.IsType)
                {
                    return result;
                }
            }
        }
    }
}
