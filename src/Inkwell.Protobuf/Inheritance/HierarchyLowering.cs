using Inkwell.Protobuf.Internal;

namespace Inkwell.Protobuf.Inheritance;

/// <summary>
/// The second half of a compilation that uses message inheritance. The first pass parsed and bound the files as
/// written (bases resolve like field types there); this checks the hierarchies, rewrites each involved file's text
/// into standard protobuf (<see cref="LoweredSourceWriter"/>) and compiles the lowered texts as ordinary files, so
/// the descriptors are exactly what protoc makes of the lowered text that <c>--proto_out</c> writes.
/// </summary>
internal static class HierarchyLowering
{
    public static CompilationResult Compile(IReadOnlyList<string> names, IProtoFileResolver resolver, CompilationSession firstPass, ProtoCompilerOptions options, CancellationToken cancellationToken)
    {
        var hierarchies = new HierarchyBuilder(firstPass.Ordered, firstPass.Error);
        var writer = new LoweredSourceWriter(hierarchies, firstPass.Error);
        if (!hierarchies.Build() || !writer.Plan(firstPass.Ordered))
        {
            return new CompilationResult([], [], firstPass.Diagnostics);
        }

        var lowered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (CompiledFile file in firstPass.Ordered)
        {
            if (resolver.TryRead(file.Name, out string text, out _))
            {
                lowered[file.Name] = writer.Lower(file, text) ?? text;
            }
        }

        var recording = new LoweredResolver(lowered, resolver);
        var secondPass = new CompilationSession(recording, options.SourceInfo, cancellationToken);
        List<CompiledFile> requested = ProtoCompiler.Load(secondPass, names);

        // Every file of the first pass stays in the result, also one that only the now dropped `: Animal` imported.
        _ = ProtoCompiler.Load(secondPass, [.. firstPass.Ordered.Select(f => f.Name)]);
        List<Diagnostic> diagnostics = [.. firstPass.Diagnostics, .. secondPass.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)];
        bool success = diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
        return new CompilationResult(success ? requested : [], success ? secondPass.Ordered : [], diagnostics, recording.Served);
    }

    /// <summary>Serves the lowered texts first, and records every text the second pass read.</summary>
    private sealed class LoweredResolver(Dictionary<string, string> lowered, IProtoFileResolver inner) : IProtoFileResolver
    {
        private readonly Dictionary<string, string> _served = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, string> Served => _served;

        public bool TryRead(string name, out string content, out string displayPath)
        {
            if (!inner.TryRead(name, out content, out displayPath))
            {
                return false;
            }

            if (lowered.TryGetValue(name, out string? text))
            {
                content = text;
            }

            lock (_served)
            {
                _served[name] = content;
            }

            return true;
        }
    }
}
