using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Reload.Internal.Graph;

/// <summary>
/// Each module's uses (the modules and the referenced assemblies whose symbols its code uses) as the last walk found
/// them. What a module's code binds to can change only when its own text does or when some declaration does, so when
/// every changed module keeps its declarations (<see cref="SyntaxTree.IsEquivalentTo"/> at top level: a method body, an
/// initializer) and no module came or went, only the changed modules are walked again; otherwise all are.
/// </summary>
internal sealed class DependencyIndex
{
    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>For each tree, the indexes of the trees it uses; the references whose symbols the trees use; and how
    /// many trees were walked (the rest came from the previous walk).</summary>
    public (HashSet<int>[] Uses, HashSet<MetadataReference> References, int Walked) Walk(
        CSharpCompilation discovery, IReadOnlyList<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        bool declarationsKept = trees.Count == _entries.Count && trees.All(t =>
            _entries.TryGetValue(t.FilePath, out Entry? entry) && (entry.Tree == t || t.IsEquivalentTo(entry.Tree, topLevel: true)));
        var indexOf = new Dictionary<SyntaxTree, int>();
        var indexOfPath = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < trees.Count; i++)
        {
            indexOf[trees[i]] = i;
            indexOfPath[trees[i].FilePath] = i;
        }

        var uses = new HashSet<int>[trees.Count];
        var references = new HashSet<MetadataReference>();
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        int walked = 0;
        foreach (SyntaxTree tree in trees)
        {
            if (!declarationsKept || _entries[tree.FilePath] is not { } entry || entry.Tree != tree)
            {
                (HashSet<int> used, HashSet<IAssemblySymbol> assemblies) = DependencyWalker.Walk(discovery, indexOf, tree, cancellationToken);
                entry = new Entry(
                    tree,
                    [.. used.Select(i => trees[i].FilePath)],
                    [.. assemblies.Select(discovery.GetMetadataReference).OfType<MetadataReference>()]);
                walked++;
            }

            entries[tree.FilePath] = entry;
            uses[indexOf[tree]] = [.. entry.Uses.Select(p => indexOfPath[p])];
            references.UnionWith(entry.References);
        }

        _entries = entries;
        return (uses, references, walked);
    }

    private sealed record Entry(SyntaxTree Tree, IReadOnlyList<string> Uses, IReadOnlyList<MetadataReference> References);
}
