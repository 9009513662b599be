using System.Reflection;
using System.Runtime.Loader;

namespace Inkwell.Testing;

/// <summary>
/// Assemblies compiled in memory, loaded together into one collectible context in which each finds the others by
/// name: a library and the application compiled against it. Shared by the C# generator's tests and the source
/// generator's (linked from test/Shared).
/// </summary>
internal sealed class InMemoryAssemblies : AssemblyLoadContext
{
    private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.Ordinal);

    /// <param name="name">The context's name.</param>
    /// <param name="images">The assemblies, each after those it references.</param>
    public InMemoryAssemblies(string name, params byte[][] images)
        : base(name, isCollectible: true)
    {
        var assemblies = new List<Assembly>();
        foreach (byte[] image in images)
        {
            Assembly assembly = LoadFromStream(new MemoryStream(image));
            _loaded[assembly.GetName().Name!] = assembly;
            assemblies.Add(assembly);
        }
        Loaded = assemblies;
    }

    /// <summary>The assemblies, in the order given.</summary>
    public IReadOnlyList<Assembly> Loaded { get; }

    protected override Assembly? Load(AssemblyName assemblyName) => _loaded.GetValueOrDefault(assemblyName.Name!);
}
