using System.Text;

namespace Inkwell.Reload.Internal.Graph;

/// <summary>Stable assembly names from relative paths (<c>sim/World.cs</c> → <c>Module.sim.World</c>; the prefix keeps
/// them clear of framework names such as <c>System</c>), kept for the life of the module.</summary>
internal static class ModuleNames
{
    /// <param name="paths">Every module, by full path.</param>
    /// <param name="root">The folder the names are relative to.</param>
    /// <param name="previous">The names already given, by path (they are kept).</param>
    public static Dictionary<string, string> Assign(IReadOnlyList<string> paths, string root, Func<string, string?> previous)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in paths)
        {
            if (previous(path) is { } name)
            {
                names[path] = name;
                taken.Add(name);
            }
        }

        foreach (string path in paths.Where(p => !names.ContainsKey(p)))
        {
            string relative = Path.ChangeExtension(Path.GetRelativePath(root, path), null);
            var builder = new StringBuilder("Module.");
            foreach (char c in relative)
            {
                builder.Append(char.IsAsciiLetterOrDigit(c) ? c : c == Path.DirectorySeparatorChar ? '.' : '_');
            }

            string baseName = builder.ToString();
            string name = baseName;
            for (int i = 2; !taken.Add(name); i++)
            {
                name = $"{baseName}_{i}";
            }

            names[path] = name;
        }

        return names;
    }
}
