using Microsoft.CodeAnalysis.Diagnostics;

namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>Project-wide inputs: the project directory that relative ProtoRoot and AdditionalImportDirs start from.</summary>
internal sealed record ProjectSettings(string? ProjectDirectory)
{
    public static ProjectSettings From(AnalyzerConfigOptions global)
    {
        // The props file sets InkwellProtobufProjectDirectory; ProjectDir is the SDK's, for projects that only use AdditionalFiles.
        string? directory = Get(global, "build_property.InkwellProtobufProjectDirectory") ?? Get(global, "build_property.ProjectDir");
        return new ProjectSettings(directory is null ? null : PathNames.Normalize(directory));
    }

    private static string? Get(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
