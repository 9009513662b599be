using Inkwell.Protobuf.Inheritance;
using Inkwell.Protobuf.Internal;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf;

/// <summary>
/// Compiles .proto files like protoc: loads each file and its imports through a resolver, parses,
/// links dependencies-first, and reports diagnostics in protoc's words. Never throws on bad input.
/// </summary>
public static class ProtoCompiler
{
    /// <summary>
    /// The import name of the options file every lowered class hierarchy imports. Inkwell ships it (no import path
    /// needs it), so code generators must emit it along with the files that depend on it.
    /// </summary>
    public const string InheritanceProto = "inkwell/inheritance.proto";

    /// <summary>Compiles files found on disk under <paramref name="importPaths"/>.</summary>
    public static CompilationResult Compile(IEnumerable<string> files, IEnumerable<string> importPaths, CancellationToken cancellationToken = default) =>
        Compile(files, new FileSystemResolver(importPaths), cancellationToken);

    /// <summary>
    /// Compiles <paramref name="files"/> (import names), reading them and their imports through <paramref name="resolver"/>
    /// (then through the files Inkwell ships: <c>inkwell/inheritance.proto</c> and <c>google/protobuf/descriptor.proto</c>).
    /// Files that use message inheritance (<c>message Cat : Animal = 100</c>) are checked and lowered to standard protobuf;
    /// the result then describes the lowered files, and <see cref="CompilationResult.LoweredSources"/> has their text.
    /// </summary>
    public static CompilationResult Compile(IEnumerable<string> files, IProtoFileResolver resolver, CancellationToken cancellationToken = default) =>
        Compile(files, resolver, new ProtoCompilerOptions(), cancellationToken);

    /// <summary>Compiles like <see cref="Compile(IEnumerable{string}, IProtoFileResolver, CancellationToken)"/> with <paramref name="options"/>.</summary>
    public static CompilationResult Compile(IEnumerable<string> files, IProtoFileResolver resolver, ProtoCompilerOptions options, CancellationToken cancellationToken = default)
    {
        resolver = new BuiltInFileResolver(resolver);
        return Compile([.. files], resolver, new CompilationSession(resolver, options.SourceInfo, cancellationToken), options, cancellationToken);
    }

    /// <summary>
    /// Links files parsed earlier (<see cref="ParsedProtoFile.Parse"/>) without parsing them again: the second half of
    /// <see cref="Compile(IEnumerable{string}, IProtoFileResolver, ProtoCompilerOptions, CancellationToken)"/>, with the
    /// same result (descriptors and diagnostics) as compiling the files' texts. <paramref name="files"/> and their
    /// imports come from <paramref name="resolver"/>, then from the files Inkwell ships (parsed once per process).
    /// The parsed files are not changed (a link only reads them), so one parse can serve any number of links, also at once;
    /// and a file bound after the very same files as in an earlier link takes over that binding instead of binding
    /// again, so after an edit only the edited file and the files compiled after it are bound again.
    /// </summary>
    /// <param name="files">The import names of the files to compile.</param>
    /// <param name="resolver">Finds each file's parse by import name.</param>
    /// <param name="options">
    /// <see cref="ProtoCompilerOptions.SourceInfo"/> applies to the files Inkwell ships and to the lowered text of files
    /// with message inheritance (parsed here); the resolver's files keep what they were parsed with.
    /// </param>
    /// <param name="cancellationToken">Cancels the link.</param>
    public static CompilationResult Link(IEnumerable<string> files, IParsedProtoFileResolver resolver, ProtoCompilerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ProtoCompilerOptions();
        var source = new ParsedFileSource(resolver, options.SourceInfo);
        return Compile([.. files], source, new CompilationSession(source, options.SourceInfo, cancellationToken), options, cancellationToken);
    }

    private static CompilationResult Compile(string[] names, IProtoFileResolver resolver, CompilationSession session, ProtoCompilerOptions options, CancellationToken cancellationToken)
    {
        List<CompiledFile> requested = Load(session, names);
        bool success = session.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
        if (success && session.Ordered.Any(f => f.Syntax.UsesInheritance))
        {
            return HierarchyLowering.Compile(names, resolver, session, options, cancellationToken);
        }

        return new CompilationResult(success ? requested : [], success ? session.Ordered : [], session.Diagnostics);
    }

    /// <summary>Loads the requested files (and their imports) in order; the requested ones, each once.</summary>
    internal static List<CompiledFile> Load(CompilationSession session, IReadOnlyList<string> names)
    {
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

        return requested;
    }
}
