using Inkwell.Reload;

namespace Inkwell.Samples.ZooService;

/// <summary>Everyone living at the zoo, in memory. <c>inkwell run</c> carries <see cref="Animals"/> over to each new
/// version of the code: the generated <see cref="Animal"/> classes are rebuilt in the new version's classes, a field
/// added to <c>zoo.proto</c> meanwhile at its default.</summary>
public static class Zoo
{
    private static readonly Lock s_gate = new();

    /// <summary>The residents, oldest first (read and written under a lock).</summary>
    [Preserve]
    public static List<Animal> Animals = [];

    /// <summary>Admits a copy of <paramref name="animal"/> and returns how many animals live here now.</summary>
    public static int Admit(Animal animal)
    {
        lock (s_gate)
        {
            Animals.Add(animal.Clone());
            return Animals.Count;
        }
    }

    /// <summary>The residents whose name starts with <paramref name="prefix"/>, oldest first.</summary>
    public static IReadOnlyList<Animal> Census(string prefix)
    {
        lock (s_gate)
        {
            return [.. Animals.Where(a => a.Name.StartsWith(prefix, StringComparison.Ordinal))];
        }
    }
}
