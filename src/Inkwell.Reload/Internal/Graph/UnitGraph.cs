namespace Inkwell.Reload.Internal.Graph;

/// <summary>
/// The modules' dependency graph folded into units: each strongly connected component of the module graph (a
/// module, or a cycle) is one unit, named after its first module. Units come in the order they must be compiled and
/// loaded (each after what it uses), with their direct and transitive unit dependencies: a unit compiles against the
/// images of all of them, so signatures that mention a dependency's dependency bind.
/// </summary>
internal sealed class UnitGraph
{
    private readonly Dictionary<string, string> _unitOf;
    private readonly Dictionary<string, HashSet<string>> _direct;
    private readonly Dictionary<string, HashSet<string>> _transitive;

    private UnitGraph(
        IReadOnlyList<GraphUnit> units,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>> moduleDependencies,
        Dictionary<string, string> unitOf,
        Dictionary<string, HashSet<string>> direct,
        Dictionary<string, HashSet<string>> transitive)
    {
        Units = units;
        ModuleDependencies = moduleDependencies;
        _unitOf = unitOf;
        _direct = direct;
        _transitive = transitive;
    }

    /// <summary>The units, dependencies first.</summary>
    public IReadOnlyList<GraphUnit> Units { get; }

    /// <summary>For every module, the modules whose symbols it uses.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> ModuleDependencies { get; }

    /// <param name="paths">The modules, by full path.</param>
    /// <param name="uses">For each module (by index into <paramref name="paths"/>), the indexes of the modules it uses.</param>
    /// <param name="names">Each module's stable assembly name; a unit takes its first module's.</param>
    public static UnitGraph Build(IReadOnlyList<string> paths, IReadOnlyList<IReadOnlyCollection<int>> uses, IReadOnlyDictionary<string, string> names)
    {
        var moduleDependencies = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        for (int i = 0; i < paths.Count; i++)
        {
            moduleDependencies[paths[i]] = [.. uses[i].Select(j => paths[j])];
        }

        List<GraphUnit> units = [.. StronglyConnectedComponents.Find(uses)
            .Select(c => (IReadOnlyList<string>)[.. c.Select(i => paths[i])])
            .Select(modules => new GraphUnit(names[modules[0]], modules))];
        var unitOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (GraphUnit unit in units)
        {
            foreach (string module in unit.Modules)
            {
                unitOf[module] = unit.Name;
            }
        }

        var direct = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var transitive = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (GraphUnit unit in units)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (string module in unit.Modules)
            {
                used.UnionWith(moduleDependencies[module].Select(d => unitOf[d]).Where(u => u != unit.Name));
            }

            // Units come dependencies first, so every unit used here already has its closure.
            var all = new HashSet<string>(used, StringComparer.Ordinal);
            foreach (string dependency in used)
            {
                all.UnionWith(transitive[dependency]);
            }

            direct[unit.Name] = used;
            transitive[unit.Name] = all;
        }

        return new UnitGraph(units, moduleDependencies, unitOf, direct, transitive);
    }

    /// <summary>The name of the unit holding <paramref name="module"/>.</summary>
    public string UnitOf(string module) => _unitOf[module];

    /// <summary>The units whose modules <paramref name="unit"/>'s modules use.</summary>
    public IReadOnlySet<string> DirectDependencies(string unit) => _direct[unit];

    /// <summary>Every unit <paramref name="unit"/> uses, directly or not: what it is compiled against and resolves.</summary>
    public IReadOnlySet<string> TransitiveDependencies(string unit) => _transitive[unit];

    /// <summary>The public view of this graph.</summary>
    public ModuleGraph ToModuleGraph(string root) => new(root, ModuleDependencies, [.. Units.Select(u => u.Modules)]);
}
