using Inkwell.Protobuf;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary><c>--dependency_out=FILE</c>: a make rule, in protoc's layout, from every output to every .proto file it was compiled from.</summary>
internal static class DependencyOutput
{
    /// <summary>
    /// Writes <c>OUT1 \</c>, …, <c>OUTn:</c> (generated files, then the descriptor set) and the files of the
    /// compilation, dependencies first, as paths on disk (<c>ROOT/NAME</c>; just <c>NAME</c> under <c>.</c>), one per
    /// line after a space and joined by <c>\</c>, with no final line break, as protoc 35.1 writes it.
    /// </summary>
    public static async Task<bool> WriteAsync(
        string path, IEnumerable<OutputFolder> folders, string? descriptorSetOut, CompilationResult result, IReadOnlyList<string> roots, TextWriter error, CancellationToken cancellationToken)
    {
        var outputs = new List<string>();
        foreach (OutputFolder folder in folders)
        {
            // protoc joins an archive's path and its entries' names without a '/' ("out.zipA.cs"): kept, for the same rule.
            string location = folder.Location.EndsWith('/') || folder.IsArchive ? folder.Location : folder.Location + "/";
            outputs.AddRange(folder.Names.Select(name => location + name));
        }

        if (descriptorSetOut is not null)
        {
            outputs.Add(descriptorSetOut);
        }

        IEnumerable<string> sources = result.FilesInSetOrder(includeImports: true).Select(file => DiskPath(file.Name, roots));
        string text = string.Join(" \\\n", outputs) + ":" + string.Join("\\\n", sources.Select(source => " " + source));
        try
        {
            await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"{path}: {SystemErrorText.Of(e)}").ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>The file an import name was read from: under the first root that has it, as protoc searched.</summary>
    private static string DiskPath(string name, IReadOnlyList<string> roots)
    {
        foreach (string root in roots)
        {
            string trimmed = root.Length > 1 ? root.TrimEnd('/') : root;
            string candidate = trimmed == "." ? name : trimmed + "/" + name;
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        // Files no root has (Inkwell's own inkwell/inheritance.proto, built-in well-known types): their import name.
        return name;
    }
}
