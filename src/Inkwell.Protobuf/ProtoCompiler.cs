using Inkwell.Protobuf.Internal;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf;

/// <summary>
/// Compiles .proto files like protoc: loads each file and its imports through a resolver, parses,
/// links dependencies-first, and reports diagnostics in protoc's words. Never throws on bad input.
/// </summary>
public static class ProtoCompiler
{
    /// <summary>Compiles files found on disk under <paramref name="importPaths"/>.</summary>
    public static CompilationResult Compile(IEnumerable<string> files, IEnumerable<string> importPaths, CancellationToken cancellationToken = default) =>
        Compile(files, new FileSystemResolver(importPaths), cancellationToken);

    /// <summary>Compiles <paramref name="files"/> (import names), reading them and their imports through <paramref name="resolver"/>.</summary>
    public static CompilationResult Compile(IEnumerable<string> files, IProtoFileResolver resolver, CancellationToken cancellationToken = default)
    {
        var session = new CompilationSession(resolver, cancellationToken);
        string[] names = [.. files];
        session.Prefetch(names);
        var requested = new List<CompiledFile>();
        foreach (string file in names)
        {
            CompiledFile? compiled = session.Load(file, importedFrom: null, TextPosition.None);
            if (compiled is not null && !requested.Contains(compiled))
            {
                requested.Add(compiled);
            }
        }

        bool success = session.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
        return new CompilationResult(success ? requested : [], success ? session.Ordered : [], session.Diagnostics);
    }
}
