using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Reload.Internal.Graph;

/// <summary>
/// Each module's uses (the modules and the referenced assemblies whose symbols its code uses) as the last walk found
/// them. What a module's code binds to can change only when its own text does or when some declaration does, so when
/// every changed module keeps its declarations (<see cref="SyntaxTree.IsEquivalentTo"/> at top level: a method body, an
/// initializer) and no module came or went, only the changed modules are walked again, and not even those whose edit
/// changed only the text of string literals (<see cref="LiteralEdits"/>: a greeting). When declarations changed, the
/// modules walked again are the changed ones, those that spell a name whose declaration changed
/// (<see cref="DeclarationChanges"/>; each entry keeps the names its tree spells, so this is a set lookup, not a pass over
/// thousands of lines of generated gRPC code), and those that used a type that was removed or reshaped (its base types,
/// say), since code reaches a type without spelling it (<c>var</c>). A new enum or method in a handler's file walks that
/// file alone. Only a module set that changed, or an edit that binds without names (an operator, a
/// pattern method such as <c>GetEnumerator</c>), walks everything.
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
                (HashSet<int> used, HashSet<string> types, HashSet<IAssemblySymbol> assemblies) = DependencyWalker.Walk(discovery, indexOf, tree, cancellationToken);
                entry = new Entry(
                    tree,
                    [.. used.Select(i => trees[i].FilePath)],
                    types,
                    [.. assemblies.Select(discovery.GetMetadataReference).OfType<MetadataReference>()],
                    DeclarationChanges.IdentifiersOf(tree, cancellationToken));
                walked++;
            }

            // A module whose edit changed only literals keeps what its last walk found, for its new tree.
            entries[tree.FilePath] = entry = entry.Tree == tree ? entry : entry with { Tree = tree };
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
        var rewalk = new HashSet<string>(
            changed.Where(t => !LiteralEdits.OnlyLiteralsChanged(_entries[t.FilePath].Tree, t, cancellationToken)).Select(t => t.FilePath), StringComparer.Ordinal);
        SyntaxTree[] redeclared = [.. changed.Where(t => !t.IsEquivalentTo(_entries[t.FilePath].Tree, topLevel: true))];
        if (redeclared.Length == 0)
        {
            return rewalk;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var reshaped = new HashSet<string>(StringComparer.Ordinal); // type names
        foreach (SyntaxTree tree in redeclared)
        {
            if (DeclarationChanges.Between(_entries[tree.FilePath].Tree, tree, cancellationToken) is not { } changes)
            {
                return null;
            }

            names.UnionWith(changes.Names);
            reshaped.UnionWith(changes.ReshapedTypes);
        }

        foreach (SyntaxTree tree in trees)
        {
            Entry entry = _entries[tree.FilePath];
            if (!rewalk.Contains(tree.FilePath) && (entry.Types.Overlaps(reshaped) || entry.Identifiers.Overlaps(names)))
            {
                rewalk.Add(tree.FilePath);
            }
        }

        return rewalk;
    }

    /// <summary>What the last walk of <paramref name="Tree"/> found (the modules it uses, the names of their types it uses,
    /// the references it uses), and the names the tree spells.</summary>
    private sealed record Entry(
        SyntaxTree Tree, IReadOnlyList<string> Uses, IReadOnlySet<string> Types, IReadOnlyList<MetadataReference> References, IReadOnlySet<string> Identifiers);
}
