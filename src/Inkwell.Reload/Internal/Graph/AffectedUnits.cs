namespace Inkwell.Reload.Internal.Graph;

/// <summary>
/// Which units a change recompiles: those holding a changed or new module; those a new module uses (so they grant it
/// their internals); those that used a deleted module; units whose membership changed (a cycle formed or broke);
/// and, transitively, everything that depends on any of these. Every other unit keeps its loaded assembly.
/// </summary>
internal static class AffectedUnits
{
    /// <param name="graph">The new graph.</param>
    /// <param name="added">Modules that are new.</param>
    /// <param name="modified">Modules whose content changed (or everything, when the compiler's inputs changed).</param>
    /// <param name="removed">Modules that are gone.</param>
    /// <param name="previousGraph">The graph as loaded, to find what used the removed modules.</param>
    /// <param name="previousMembers">A unit's modules as loaded, or null for a unit not loaded before.</param>
    public static HashSet<string> Find(
        UnitGraph graph,
        IReadOnlyCollection<string> added,
        IReadOnlyCollection<string> modified,
        IReadOnlyCollection<string> removed,
        ModuleGraph previousGraph,
        Func<string, IReadOnlyList<string>?> previousMembers)
    {
        var modules = new HashSet<string>(added.Concat(modified), StringComparer.Ordinal);
        foreach (string module in added)
        {
            modules.UnionWith(graph.ModuleDependencies[module]);
        }

        foreach (string module in removed)
        {
            modules.UnionWith(previousGraph.GetDependents(module).Where(graph.ModuleDependencies.ContainsKey));
        }

        var units = new HashSet<string>(StringComparer.Ordinal);
        foreach (GraphUnit unit in graph.Units)
        {
            // Units come dependencies first, so a dependency's verdict is known here.
            bool sameMembers = previousMembers(unit.Name) is { } members && members.SequenceEqual(unit.Modules, StringComparer.Ordinal);
            if (!sameMembers || unit.Modules.Any(modules.Contains) || graph.DirectDependencies(unit.Name).Any(units.Contains))
            {
                units.Add(unit.Name);
            }
        }

        return units;
    }
}
