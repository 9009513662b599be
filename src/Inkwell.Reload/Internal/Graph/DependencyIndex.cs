using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Reload.Internal.Graph;

/// <summary>
/// Each module's uses (the modules and the referenced assemblies whose symbols its code uses) as the last walk found
/// them. What a module's code binds to can change only when its own text does or when some declaration does, so when
/// every changed module keeps its declarations (<see cref="SyntaxTree.IsEquivalentTo"/> at top level: a method body, an
/// initializer) and no module came or went, only the changed modules are walked again. When declarations changed, the
/// modules walked again are the changed ones, those that used them, and those that spell a name whose declaration
/// changed (<see cref="DeclarationChanges"/>): a new enum in a handler's file does not send the walk through thousands
/// of lines of generated gRPC code. Only a module set that changed, or an edit that binds without names (an operator,
/// a pattern method such as <c>GetEnumerator</c>), walks everything.
/// </summary>
internal sealed class DependencyIndex
{
    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>For each tree, the indexes of the trees it uses; the references whose symbols the trees use; and how
    /// many trees were walked (the rest came from the previous walk).</summary>
    public (HashSet<int>[] Uses, HashSet<MetadataReference> References, int Walked) Walk(
        CSharpCompilation discovery, IReadOnlyList<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        HashSet<string>? rewalk = Rewalk(trees, cancellationToken);
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
            if (rewalk is null || rewalk.Contains(tree.FilePath) || _entries[tree.FilePath] is not { } entry)
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

    /// <summary>The modules to walk again (by path), or null for all of them.</summary>
    private HashSet<string>? Rewalk(IReadOnlyList<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        if (trees.Count != _entries.Count || !trees.All(t => _entries.ContainsKey(t.FilePath)))
        {
            return null; // a module came or went
        }

        SyntaxTree[] changed = [.. trees.Where(t => _entries[t.FilePath].Tree != t)];
        var changedPaths = new HashSet<string>(changed.Select(t => t.FilePath), StringComparer.Ordinal);
        var rewalk = new HashSet<string>(changedPaths, StringComparer.Ordinal);
        SyntaxTree[] redeclared = [.. changed.Where(t => !t.IsEquivalentTo(_entries[t.FilePath].Tree, topLevel: true))];
        if (redeclared.Length == 0)
        {
            return rewalk;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (SyntaxTree tree in redeclared)
        {
            if (DeclarationChanges.Between(_entries[tree.FilePath].Tree, tree, cancellationToken) is not { } changedNames)
            {
                return null;
            }

            names.UnionWith(changedNames);
        }

        foreach (SyntaxTree tree in trees)
        {
            if (!rewalk.Contains(tree.FilePath)
                && (_entries[tree.FilePath].Uses.Any(changedPaths.Contains) || DeclarationChanges.Mentions(tree, names, cancellationToken)))
            {
                rewalk.Add(tree.FilePath);
            }
        }

        return rewalk;
    }

    private sealed record Entry(SyntaxTree Tree, IReadOnlyList<string> Uses, IReadOnlyList<MetadataReference> References);
}
