using System.Reflection;
using Inkwell.Reload.Internal.Compilation;

namespace Inkwell.Reload.Internal.Loading;

/// <summary>One loaded version of a unit: its modules, its context, its assembly and its image.</summary>
internal sealed class LoadedUnit(string name, int version, IReadOnlyList<string> modules, IReadOnlyList<string> dependencies, UnitLoadContext context, Assembly assembly, UnitImage image)
{
    /// <summary>The assembly's simple name, stable across versions (so friends and resolvers can name it).</summary>
    public string Name { get; } = name;

    public int Version { get; } = version;

    /// <summary>Full paths of the unit's modules.</summary>
    public IReadOnlyList<string> Modules { get; } = modules;

    /// <summary>Names of the units this one was compiled against (all of them, transitively).</summary>
    public IReadOnlyList<string> Dependencies { get; } = dependencies;

    public UnitLoadContext Context { get; } = context;

    public Assembly Assembly { get; } = assembly;

    public UnitImage Image { get; } = image;
}
