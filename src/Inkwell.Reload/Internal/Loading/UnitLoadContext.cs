using System.Reflection;
using System.Runtime.Loader;

namespace Inkwell.Reload.Internal.Loading;

/// <summary>
/// The collectible context of one version of one unit. It resolves the units this one was compiled against to
/// the exact versions it was compiled against, fixed when it is created, so a rolled-back transaction never
/// mixes versions. Everything else (the BCL, the host's assemblies, Inkwell.Reload) falls through to the
/// default context, so types shared with the host keep their identity.
/// </summary>
internal sealed class UnitLoadContext(string name, IReadOnlyDictionary<string, Assembly> dependencies)
    : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        return assemblyName.Name is { } simpleName && dependencies.TryGetValue(simpleName, out Assembly? assembly) ? assembly : null;
    }
}
