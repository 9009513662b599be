namespace Inkwell.Reload;

/// <summary>An old version of a unit whose context was unloaded but is still alive after garbage collection.</summary>
/// <param name="Unit">The unit's assembly name.</param>
/// <param name="Modules">The unit's modules (full paths).</param>
/// <param name="Version">The version that is still alive.</param>
/// <param name="Hint">The usual reasons a context stays alive.</param>
public sealed record LeakedVersion(string Unit, IReadOnlyList<string> Modules, int Version, string Hint)
{
    /// <summary>One line: unit, version and modules.</summary>
    public override string ToString() => $"{Unit} v{Version} ({string.Join(", ", Modules.Select(Path.GetFileName))}) is still alive: {Hint}";
}
