using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>
/// One .proto file with what its item says about it, read in its own pipeline step: equal (and so cached)
/// as long as neither the text nor the metadata changes.
/// </summary>
/// <param name="FullPath">The normalized absolute path ('/' separators).</param>
/// <param name="Text">The file's text.</param>
/// <param name="Kind">Whether to generate C# for it.</param>
/// <param name="ImportName">The name it has relative to its ProtoRoot (what protoc calls it), or null when it is outside.</param>
/// <param name="ProtoRoot">The normalized ProtoRoot directory.</param>
/// <param name="AdditionalImportDirs">Normalized import directories searched before the well-known types and the ProtoRoot.</param>
/// <param name="OutputOptions">protoc's --csharp_opt entries, comma-separated (Access="Internal" adds internal_access).</param>
/// <param name="ServiceOptions">
/// grpc_csharp_plugin's options for the file's service code, from GrpcServices (Client adds no_server, Server no_client),
/// GrpcOutputOptions and Access; null when GrpcServices is None. A GrpcServices value Grpc.Tools does not know is kept
/// as <c>GrpcServices=value</c>, which the emit step reports.
/// </param>
/// <param name="HintPath">The path the generated file's hint name comes from (relative to the project when inside it).</param>
internal sealed record ProtoSource(
    string FullPath,
    string Text,
    ProtoSourceKind Kind,
    string? ImportName,
    string ProtoRoot,
    EquatableArray<string> AdditionalImportDirs,
    string OutputOptions,
    string? ServiceOptions,
    string HintPath)
{
    private const string Metadata = "build_metadata.AdditionalFiles.";

    public static ProtoSource Read(AdditionalText file, AnalyzerConfigOptions options, ProjectSettings project, CancellationToken cancellationToken)
    {
        string text = file.GetText(cancellationToken)?.ToString() ?? "";
        string fullPath = PathNames.Normalize(file.Path);
        string fileDirectory = PathNames.Directory(fullPath);
        string projectDirectory = project.ProjectDirectory ?? fileDirectory;
        string group = Get(options, "SourceItemGroup") ?? "";
        bool compile = !string.Equals(Get(options, "ProtoCompile"), "false", StringComparison.OrdinalIgnoreCase);
        ProtoSourceKind kind = group == "InkwellProtobufImport" || !compile ? ProtoSourceKind.ImportOnly : ProtoSourceKind.Generate;

        // Grpc.Tools' rule: without ProtoRoot, a file inside the project has the project as its root, any other its own folder.
        string? rootMetadata = Get(options, "ProtoRoot");
        string root = rootMetadata is null
            ? (PathNames.IsUnder(fullPath, projectDirectory) ? projectDirectory : fileDirectory)
            : PathNames.Combine(projectDirectory, rootMetadata);
        string? importName = PathNames.IsUnder(fullPath, root) ? PathNames.Relative(root, fullPath) : null;

        var importDirs = (Get(options, "AdditionalImportDirs") ?? "")
            .Split([';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Trim())
            .Where(d => d.Length > 0)
            .Select(d => PathNames.Combine(projectDirectory, d))
            .ToArray();

        bool internalAccess = string.Equals(Get(options, "Access"), "Internal", StringComparison.OrdinalIgnoreCase);
        var outputOptions = (Get(options, "OutputOptions") ?? "")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(o => o.Trim())
            .Where(o => o.Length > 0 && !IsOutputPathOption(o))
            .ToList();
        if (internalAccess && !outputOptions.Contains("internal_access"))
        {
            outputOptions.Add("internal_access");
        }

        string? serviceOptions = ServiceOptionsFrom(options, group, internalAccess);

        string hintPath = PathNames.IsUnder(fullPath, projectDirectory) ? PathNames.Relative(projectDirectory, fullPath) : importName ?? PathNames.FileName(fullPath);
        return new ProtoSource(fullPath, text, kind, importName, root, new EquatableArray<string>(importDirs),
            string.Join(",", outputOptions), serviceOptions, hintPath);
    }

    /// <summary>GrpcServices, GrpcOutputOptions and Access as grpc_csharp_plugin's option text; null for GrpcServices="None".</summary>
    private static string? ServiceOptionsFrom(AnalyzerConfigOptions options, string group, bool internalAccess)
    {
        // Grpc.Tools defaults GrpcServices to Both on its Protobuf items; plain AdditionalFiles never asked for services.
        string services = Get(options, "GrpcServices") ?? (group == "Protobuf" ? "Both" : "None");
        var entries = new List<string>();
        switch (services.ToUpperInvariant())
        {
            case "NONE":
                return null;
            case "BOTH":
                break;
            case "CLIENT":
                entries.Add("no_server");
                break;
            case "SERVER":
                entries.Add("no_client");
                break;
            default:
                return "GrpcServices=" + services;
        }

        entries.AddRange((Get(options, "GrpcOutputOptions") ?? "")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(o => o.Trim())
            .Where(o => o.Length > 0 && !IsServicePathOption(o)));
        if (internalAccess && !entries.Contains("internal_access"))
        {
            entries.Add("internal_access");
        }

        return string.Join(",", entries);
    }

    /// <summary>file_suffix and base_namespace only decide where the plugin writes files; generated sources have no path.</summary>
    private static bool IsServicePathOption(string option) =>
        option.StartsWith("file_suffix=", StringComparison.Ordinal) || option.StartsWith("base_namespace=", StringComparison.Ordinal);

    /// <summary>file_extension and base_namespace only decide where protoc writes files; generated sources have no path.</summary>
    private static bool IsOutputPathOption(string option) =>
        option.StartsWith("file_extension=", StringComparison.Ordinal) || option.StartsWith("base_namespace=", StringComparison.Ordinal);

    private static string? Get(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue(Metadata + name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
