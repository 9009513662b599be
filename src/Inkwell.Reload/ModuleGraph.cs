namespace Inkwell.Reload;

/// <summary>
/// An immutable snapshot of which module uses which. Modules are named by their full file path; methods
/// also accept a path relative to the host's root. Edges are exact: module B depends on module A when B's
/// code uses a symbol declared in A.
/// </summary>
public sealed class ModuleGraph
{
    private readonly string _root;
    private readonly Dictionary<string, IReadOnlyList<string>> _dependencies;
    private readonly Dictionary<string, IReadOnlyList<string>> _dependents;
    private readonly Dictionary<string, IReadOnlyList<string>> _unitOf;

    internal ModuleGraph(string root, IReadOnlyDictionary<string, IReadOnlyCollection<string>> dependencies, IReadOnlyList<IReadOnlyList<string>> units)
    {
        _root = root;
        Modules = [.. dependencies.Keys.Order(StringComparer.Ordinal)];
        _dependencies = dependencies.ToDictionary(
            p => p.Key, p => (IReadOnlyList<string>)[.. p.Value.Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        var dependents = Modules.ToDictionary(m => m, _ => new List<string>(), StringComparer.Ordinal);
        foreach ((string module, IReadOnlyList<string> uses) in _dependencies)
        {
            foreach (string used in uses)
            {
                dependents[used].Add(module);
            }
        }

        _dependents = dependents.ToDictionary(
            p => p.Key, p => (IReadOnlyList<string>)[.. p.Value.Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        Units = units;
        _unitOf = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (IReadOnlyList<string> unit in units)
        {
            foreach (string module in unit)
            {
                _unitOf[module] = unit;
            }
        }
    }

    /// <summary>The graph of a host that has loaded nothing yet.</summary>
    internal static ModuleGraph Empty(string root) => new(root, new Dictionary<string, IReadOnlyCollection<string>>(), []);

    /// <summary>Every module, by full path, in ordinal order.</summary>
    public IReadOnlyList<string> Modules { get; }

    /// <summary>The compiled units in the order they are compiled and loaded (each after what it uses). A unit
    /// holds one module, or every module of a dependency cycle.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Units { get; }

    /// <summary>Whether <paramref name="module"/> is a module of this graph.</summary>
    public bool Contains(string module) => _dependencies.ContainsKey(Normalize(module));

    /// <summary>The modules whose symbols <paramref name="module"/> uses directly.</summary>
    public IReadOnlyList<string> GetDependencies(string module) => Lookup(_dependencies, module);

    /// <summary>The modules that use symbols of <paramref name="module"/> directly.</summary>
    public IReadOnlyList<string> GetDependents(string module) => Lookup(_dependents, module);

    /// <summary>The modules compiled together with <paramref name="module"/> (itself, or its whole cycle).</summary>
    public IReadOnlyList<string> GetUnit(string module) => Lookup(_unitOf, module);

    /// <summary>Everything <paramref name="module"/> uses, directly or not, excluding itself.</summary>
    public IReadOnlyList<string> GetTransitiveDependencies(string module) => Closure(_dependencies, module);

    /// <summary>Everything that would be reloaded with <paramref name="module"/>, excluding itself.</summary>
    public IReadOnlyList<string> GetTransitiveDependents(string module) => Closure(_dependents, module);

    /// <summary>The graph as text, one module per line with what it uses (paths relative to the root).</summary>
    public override string ToString()
    {
        return string.Join(
            Environment.NewLine,
            Modules.Select(m => $"{Relative(m)} -> [{string.Join(", ", _dependencies[m].Select(Relative))}]"));
    }

    private string Relative(string path) => Path.GetRelativePath(_root, path);

    private string Normalize(string module) => Path.GetFullPath(module, _root);

    private IReadOnlyList<string> Lookup(Dictionary<string, IReadOnlyList<string>> map, string module)
    {
        string key = Normalize(module);
        return map.TryGetValue(key, out IReadOnlyList<string>? value)
            ? value
            : throw new KeyNotFoundException($"'{module}' is not a module of this graph.");
    }

    private IReadOnlyList<string> Closure(Dictionary<string, IReadOnlyList<string>> map, string module)
    {
        string start = Normalize(module);
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>(Lookup(map, start));
        while (queue.TryDequeue(out string? next))
        {
            if (seen.Add(next))
            {
                foreach (string further in map[next])
                {
                    queue.Enqueue(further);
                }
            }
        }

        seen.Remove(start);
        return [.. seen.Order(StringComparer.Ordinal)];
    }
}
