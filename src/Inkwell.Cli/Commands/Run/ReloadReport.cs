using Inkwell.Reload;

namespace Inkwell.Cli.Commands.Run;

/// <summary>How <c>inkwell run</c> reports a reload on stderr: the compiler's (or MSBuild's) errors, then one line, the
/// modules named relative to the watched folder in the order they were loaded, and how many sources the project's
/// source generators wrote among them ("[inkwell] reloaded Worker.cs -> Program.cs (+1 generated) in 23 ms").</summary>
internal static class ReloadReport
{
    public static void Write(TextWriter error, string rootDirectory, ReloadResult result)
    {
        if (result.Status is ReloadStatus.CompileFailed or ReloadStatus.ProjectFailed)
        {
            foreach (ReloadDiagnostic diagnostic in result.Errors)
            {
                error.WriteLine(diagnostic);
            }
        }

        string what = result.Status == ReloadStatus.Succeeded && result.Reloaded.Count > 0
            ? $"reloaded {Modules(rootDirectory, result)} in {result.Duration.TotalMilliseconds:F0} ms"
            : result.ToString();
        error.WriteLine($"[inkwell] {what}");
    }

    /// <summary>The reloaded files on disk, then the number of generated sources (their paths, under the project's
    /// <c>obj/</c>, name nothing the user wrote).</summary>
    private static string Modules(string rootDirectory, ReloadResult result)
    {
        string files = string.Join(" -> ", result.Reloaded.Except(result.Generated, StringComparer.Ordinal).Select(m => Path.GetRelativePath(rootDirectory, m)));
        return result.Generated.Count == 0 ? files : $"{files} (+{result.Generated.Count} generated)".TrimStart();
    }
}
