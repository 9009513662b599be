namespace Inkwell.Cli.Commands.Run;

/// <summary>What <c>inkwell run PATH [--project FILE]</c> runs: a project file, the one project in a folder, or —
/// for a folder without one — the folder's <c>.cs</c> files as they are.</summary>
internal static class ProjectLocator
{
    /// <summary>The project to run (null: run <paramref name="path"/> as a folder of modules), or a message saying
    /// why neither works.</summary>
    public static (string? ProjectFile, string? Directory, string? Problem) Locate(string path, string? project)
    {
        string full = Path.GetFullPath(path);
        if (project is not null)
        {
            string candidate = Directory.Exists(full) ? Path.GetFullPath(project, full) : Path.GetFullPath(project);
            return File.Exists(candidate) && IsProject(candidate)
                ? (candidate, null, null)
                : (null, null, $"{candidate}: no such C# project file");
        }

        if (File.Exists(full))
        {
            return IsProject(full) ? (full, null, null) : (null, null, $"{full}: not a C# project file (.csproj) or a folder");
        }

        if (!Directory.Exists(full))
        {
            return (null, null, $"{full}: no such directory (or project file)");
        }

        string[] projects = [.. Directory.EnumerateFiles(full, "*.csproj").Order(StringComparer.Ordinal)];
        return projects.Length switch
        {
            0 => (null, full, null),
            1 => (projects[0], null, null),
            _ => (null, null, $"{full} holds several projects ({string.Join(", ", projects.Select(Path.GetFileName))}); choose one with --project FILE"),
        };
    }

    private static bool IsProject(string path) => path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);
}
