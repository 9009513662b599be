using Inkwell.Protobuf;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary>
/// <c>--proto_out</c>: the compiled files as standard .proto text, message inheritance lowered. A folder gets every
/// file of the compilation except protobuf's own <c>google/protobuf/*</c> (protoc always has those), so that
/// <c>protoc -I DIR</c> accepts it as it is; <c>-</c> prints just the requested files.
/// </summary>
internal static class ProtoOutput
{
    /// <summary>One file to write: its import name and text.</summary>
    internal sealed record File(string Name, string Text);

    /// <summary>Collects the texts in memory, to be written once every generator has succeeded; null after printing an error.</summary>
    public static async Task<IReadOnlyList<File>?> CollectAsync(CompilationResult result, IProtoFileResolver inputs, string directory, TextWriter error)
    {
        bool toStandardOutput = directory == "-";
        IEnumerable<CompiledFile> files = toStandardOutput
            ? result.Files
            : result.AllFiles.Where(f => !f.Name.StartsWith("google/protobuf/", StringComparison.Ordinal));
        var texts = new List<File>();
        foreach (CompiledFile file in files)
        {
            if (result.LoweredSources.TryGetValue(file.Name, out string? lowered))
            {
                texts.Add(new File(file.Name, lowered));
            }
            else if (inputs.TryRead(file.Name, out string text, out _))
            {
                texts.Add(new File(file.Name, text));
            }
            else
            {
                await error.WriteLineAsync($"--proto_out: cannot read {file.Name} again.").ConfigureAwait(false);
                return null;
            }
        }

        return texts;
    }

    /// <summary>Writes the files below <paramref name="directory"/>, or to <paramref name="output"/> for <c>-</c>; false after printing an error.</summary>
    public static async Task<bool> WriteAsync(IReadOnlyList<File> files, string directory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (directory == "-")
        {
            foreach (File file in files)
            {
                if (files.Count > 1)
                {
                    await output.WriteLineAsync($"// ---- {file.Name} ----").ConfigureAwait(false);
                }

                await output.WriteAsync(file.Text).ConfigureAwait(false);
                if (!file.Text.EndsWith('\n'))
                {
                    await output.WriteLineAsync().ConfigureAwait(false);
                }
            }

            return true;
        }

        foreach (File file in files)
        {
            string path = Path.Combine(directory, file.Name);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await System.IO.File.WriteAllTextAsync(path, file.Text, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"{path}: {e.Message}").ConfigureAwait(false);
                return false;
            }
        }

        return true;
    }
}
