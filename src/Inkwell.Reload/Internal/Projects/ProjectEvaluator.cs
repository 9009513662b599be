using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Inkwell.Reload.Internal.Projects;

/// <summary>
/// Asks the SDK what a project compiles and runs with: <c>dotnet msbuild -restore</c> with the targets that
/// resolve references (<c>ResolveReferences</c>, which also builds project references once,
/// <c>FindReferenceAssembliesForReferences</c>, <c>GenerateGlobalUsings</c>) and the one that writes the analyzer
/// options source generators read (<c>GenerateMSBuildEditorConfigFile</c>), and <c>-getItem</c>/<c>-getProperty</c>,
/// which print the items and properties as JSON. NuGet is never resolved by hand: what the SDK says is what a
/// <c>dotnet build</c> would compile with.
/// </summary>
internal static partial class ProjectEvaluator
{
    private static readonly string[] s_itemTypes =
        ["Compile", "ReferencePathWithRefAssemblies", "ReferenceCopyLocalPaths", "Analyzer", "RuntimeFramework", "AdditionalFiles", "EditorConfigFiles"];

    private static readonly string[] s_propertyNames =
        ["LangVersion", "Nullable", "DefineConstants", "AllowUnsafeBlocks", "OutputType", "TargetFramework", "AssemblyName", "ImplicitUsings", "StartupObject"];

    /// <summary>Restores and evaluates <paramref name="projectFile"/>.</summary>
    /// <exception cref="ProjectEvaluationException">The restore or the evaluation failed; it carries MSBuild's errors
    /// with their locations.</exception>
    public static ProjectInputs Evaluate(string projectFile, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(projectFile)!,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in Arguments(projectFile))
        {
            info.ArgumentList.Add(argument);
        }

        // The SDK's own build server and telemetry are of no use to one evaluation, and the CLI's first-run
        // banner would land in the JSON.
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        // Set when inkwell itself runs under MSBuild (dotnet test, a build task): they would point the child at the
        // parent's MSBuild instead of the SDK that `dotnet` picks for the project.
        foreach (string inherited in (string[])["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly"])
        {
            info.Environment.Remove(inherited);
        }

        using var process = Process.Start(info) ?? throw new ProjectEvaluationException(projectFile, [new ReloadDiagnostic(projectFile, 0, 0, "IWR001", ReloadDiagnosticSeverity.Error, "could not start 'dotnet'")]);
        Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
        using (cancellationToken.Register(() => TryKill(process)))
        {
            process.WaitForExit();
        }

        cancellationToken.ThrowIfCancellationRequested();
        string stdout = output.GetAwaiter().GetResult();
        string stderr = error.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            throw new ProjectEvaluationException(projectFile, ParseErrors(projectFile, stderr + "\n" + stdout));
        }

        try
        {
            return Parse(projectFile, stdout);
        }
        catch (JsonException exception)
        {
            throw new ProjectEvaluationException(projectFile, [new ReloadDiagnostic(projectFile, 0, 0, "IWR001", ReloadDiagnosticSeverity.Error, $"the SDK's answer was not JSON ({exception.Message}): {Shorten(stdout)}")]);
        }
    }

    internal static IEnumerable<string> Arguments(string projectFile)
    {
        yield return "msbuild";
        yield return projectFile;
        yield return "-nologo";
        yield return "-restore";
        yield return "-t:ResolveReferences;FindReferenceAssembliesForReferences;GenerateGlobalUsings;GenerateMSBuildEditorConfigFile";
        foreach (string item in s_itemTypes)
        {
            yield return $"-getItem:{item}";
        }

        foreach (string property in s_propertyNames)
        {
            yield return $"-getProperty:{property}";
        }
    }

    private static ProjectInputs Parse(string projectFile, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("Properties", out JsonElement propertyElement))
        {
            foreach (JsonProperty property in propertyElement.EnumerateObject())
            {
                properties[property.Name] = property.Value.GetString() ?? string.Empty;
            }
        }

        JsonElement items = root.TryGetProperty("Items", out JsonElement itemElement) ? itemElement : default;
        IEnumerable<JsonElement> Item(string name) =>
            items.ValueKind == JsonValueKind.Object && items.TryGetProperty(name, out JsonElement list) ? list.EnumerateArray() : [];
        string FullPath(JsonElement item) => item.GetProperty("FullPath").GetString()!;

        return new ProjectInputs(
            projectFile,
            [.. Item("Compile").Select(FullPath).Distinct(StringComparer.Ordinal)],
            [.. Item("ReferencePathWithRefAssemblies").Select(FullPath).Distinct(StringComparer.Ordinal)],
            [.. Item("ReferenceCopyLocalPaths").Select(FullPath).Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal)],
            [.. Item("Analyzer").Select(FullPath).Distinct(StringComparer.Ordinal)],
            [.. Item("RuntimeFramework").Select(i => (i.GetProperty("Identity").GetString()!, i.TryGetProperty("Version", out JsonElement v) ? v.GetString() ?? string.Empty : string.Empty))],
            [.. Item("AdditionalFiles").Select(FullPath).Distinct(StringComparer.Ordinal)],
            [.. Item("EditorConfigFiles").Select(FullPath).Distinct(StringComparer.Ordinal)],
            properties);
    }

    /// <summary>MSBuild's errors in its canonical form (<c>file(line,col): error CODE: message</c>, or <c>file : error
    /// CODE: message</c>), each once; when there are none, the tail of what it printed.</summary>
    internal static IReadOnlyList<ReloadDiagnostic> ParseErrors(string projectFile, string text)
    {
        var diagnostics = new List<ReloadDiagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Trim();
            Match match = CanonicalError().Match(line);
            if (!match.Success || !seen.Add(line))
            {
                continue;
            }

            string file = match.Groups["file"].Value.Trim();
            int lineNumber = match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : 0;
            int column = match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture) : 0;
            string message = ProjectSuffix().Replace(match.Groups["message"].Value.Trim(), string.Empty);
            diagnostics.Add(new ReloadDiagnostic(file.Length == 0 ? null : file, lineNumber, column, match.Groups["code"].Value, ReloadDiagnosticSeverity.Error, message));
        }

        if (diagnostics.Count == 0)
        {
            diagnostics.Add(new ReloadDiagnostic(projectFile, 0, 0, "IWR001", ReloadDiagnosticSeverity.Error, $"restore or evaluation failed: {Shorten(text)}"));
        }

        return diagnostics;
    }

    private static string Shorten(string text)
    {
        string trimmed = text.Trim().ReplaceLineEndings(" ");
        return trimmed.Length <= 400 ? trimmed : trimmed[..400] + "…";
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    [GeneratedRegex(@"^(?<file>[^(]*?)(\((?<line>\d+)(,(?<column>\d+))?(,\d+,\d+)?\))?\s*:\s*error\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<message>.*)$")]
    private static partial Regex CanonicalError();

    // MSBuild appends " [/path/project.csproj]" to messages printed on the console.
    [GeneratedRegex(@"\s*\[[^\]]+\.\w+proj\]$")]
    private static partial Regex ProjectSuffix();
}
