using Google.Protobuf.Reflection;
using Inkwell.Protobuf.Descriptors;

namespace Inkwell.Protobuf;

/// <summary>What a compilation produced: the compiled files, in dependency order, and the diagnostics.</summary>
public sealed class CompilationResult
{
    internal CompilationResult(IReadOnlyList<CompiledFile> files, IReadOnlyList<CompiledFile> allFiles, IReadOnlyList<Diagnostic> diagnostics,
        IReadOnlyDictionary<string, string>? loweredSources = null)
    {
        Files = files;
        AllFiles = allFiles;
        Diagnostics = diagnostics;
        LoweredSources = loweredSources ?? new Dictionary<string, string>();
    }

    /// <summary>
    /// When the compilation used message inheritance: the standard .proto text of every file it compiled, by import
    /// name, as lowered (files that needed no change are here unchanged, and so is <c>inkwell/inheritance.proto</c>).
    /// Empty when no file used inheritance: then the sources are the inputs themselves.
    /// </summary>
    public IReadOnlyDictionary<string, string> LoweredSources { get; }

    /// <summary>The files that were asked for, in the order given (empty when compilation failed).</summary>
    public IReadOnlyList<CompiledFile> Files { get; }

    /// <summary>Every file of the compilation, dependencies before the files that import them.</summary>
    public IReadOnlyList<CompiledFile> AllFiles { get; }

    /// <summary>Errors and warnings, in the order protoc reports them.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether there were no errors.</summary>
    public bool Success => Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);

    /// <summary>
    /// The serialized FileDescriptorSet protoc writes with <c>-o</c>: the requested files, or with
    /// <paramref name="includeImports"/> also everything they import, dependencies first; with
    /// <paramref name="retainOptions"/>, source-retention options kept (protoc's <c>--retain_options</c>).
    /// </summary>
    public byte[] GetDescriptorSetBytes(bool includeImports = false, bool includeSourceInfo = false, bool retainOptions = false)
    {
        var writer = new ProtoWriter();
        foreach (CompiledFile file in FilesInSetOrder(includeImports))
        {
            writer.WriteBytesField(1, file.GetDescriptorBytes(includeSourceInfo, retainOptions));
        }

        return writer.ToArray();
    }

    /// <summary>The descriptor set as Google.Protobuf's message type.</summary>
    public FileDescriptorSet ToFileDescriptorSet(bool includeImports = false, bool includeSourceInfo = false, bool retainOptions = false) =>
        FileDescriptorSet.Parser.ParseFrom(GetDescriptorSetBytes(includeImports, includeSourceInfo, retainOptions));

    /// <summary>
    /// The files in the order protoc writes them into a descriptor set (and sends them to a plugin): for each requested
    /// file in turn, its imports and then its <c>import option</c>s depth first, then the file itself, each once. Without
    /// <paramref name="includeImports"/>, only requested files, still dependencies first.
    /// </summary>
    public IReadOnlyList<CompiledFile> FilesInSetOrder(bool includeImports = false)
    {
        var seen = new HashSet<CompiledFile>();
        if (!includeImports)
        {
            // Like protoc: still dependencies-first among the requested files, but the recursion stops at
            // any direct dependency that was not requested.
            var requested = new HashSet<CompiledFile>(Files);
            foreach (CompiledFile file in Files)
            {
                foreach (CompiledFile dependency in file.Dependencies.Concat(file.OptionDependencies))
                {
                    if (!requested.Contains(dependency))
                    {
                        seen.Add(dependency);
                    }
                }
            }
        }

        var ordered = new List<CompiledFile>();
        foreach (CompiledFile file in Files)
        {
            Visit(file);
        }

        return ordered;

        void Visit(CompiledFile file)
        {
            if (!seen.Add(file))
            {
                return;
            }

            foreach (CompiledFile dependency in file.Dependencies.Concat(file.OptionDependencies))
            {
                Visit(dependency);
            }

            ordered.Add(file);
        }
    }
}
