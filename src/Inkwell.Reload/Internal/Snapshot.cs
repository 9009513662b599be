using Inkwell.Reload.Internal.Loading;

namespace Inkwell.Reload.Internal;

/// <summary>Everything that is loaded, swapped as one immutable value when a reload commits, so readers on
/// other threads always see one consistent version.</summary>
internal sealed record Snapshot(
    int Generation,
    IReadOnlyDictionary<string, ModuleRecord> Modules,
    IReadOnlyDictionary<string, LoadedUnit> Units,
    IReadOnlyList<string> UnitOrder,
    ModuleGraph Graph)
{
    public LoadedUnit? UnitOf(string module) => Units.Values.FirstOrDefault(u => u.Modules.Contains(module, StringComparer.Ordinal));
}
