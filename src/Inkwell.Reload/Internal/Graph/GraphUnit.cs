namespace Inkwell.Reload.Internal.Graph;

/// <summary>One unit of the graph: the modules compiled into one assembly (a module, or a cycle), by full path.</summary>
/// <param name="Name">The assembly's simple name, stable across versions.</param>
/// <param name="Modules">The modules, by full path, in ordinal order of their index.</param>
internal sealed record GraphUnit(string Name, IReadOnlyList<string> Modules);
