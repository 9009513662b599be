using System.Collections.Immutable;

namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>
/// The one step that sees every file: links the files to generate (with their imports) from their kept parses through
/// <see cref="ProtoCompiler.Link"/> (nothing is parsed here but import-only files on first use), reports the compiler's
/// diagnostics at their .proto positions, and cuts the result into one <see cref="LinkedFile"/> per file.
/// </summary>
internal static class ProjectLinker
{
    public static LinkResult Link(ImmutableArray<ParsedSource> sources, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticList();
        var files = new List<LinkedFile>();
        try
        {
            LinkAll(sources, files, diagnostics, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InternalError,
                $"Inkwell.Protobuf.Generator failed while compiling .proto files: {exception}", null));
        }

        return new LinkResult(new EquatableArray<LinkedFile>([.. files]), diagnostics.ToArray());
    }

    private static void LinkAll(ImmutableArray<ParsedSource> sources, List<LinkedFile> output, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        // A file listed twice (a Protobuf item that is also under an import directory) is generated once.
        var byPath = new Dictionary<string, ParsedSource>(StringComparer.Ordinal);
        var toGenerate = new List<ParsedSource>();
        foreach (ParsedSource parsed in sources)
        {
            if (!byPath.TryGetValue(parsed.Source.FullPath, out ParsedSource? existing) || (existing.Source.Kind == ProtoSourceKind.ImportOnly && parsed.Source.Kind == ProtoSourceKind.Generate))
            {
                byPath[parsed.Source.FullPath] = parsed;
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ParsedSource parsed in sources)
        {
            ProtoSource source = parsed.Source;
            if (byPath[source.FullPath] == parsed && source.Kind == ProtoSourceKind.Generate && seen.Add(source.FullPath))
            {
                if (source.ImportName is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.NotUnderProtoRoot,
                        $"{source.FullPath} is not inside its ProtoRoot '{source.ProtoRoot}', so it has no import name; set ProtoRoot on its item to a folder that contains it",
                        SourcePositions.Locate(source.FullPath, source.Text, 0, 0)));
                    continue;
                }

                toGenerate.Add(parsed);
            }
        }

        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool inheritanceGenerated = false;

        // Items with the same search path compile together (usually all of them); protoc would see the same files.
        foreach (IGrouping<string, ParsedSource> group in toGenerate.GroupBy(p => SearchPathKey(p.Source), StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ProtoSource first = group.First().Source;
            var roots = new List<string?>(first.AdditionalImportDirs) { null, first.ProtoRoot };
            var resolver = new ProjectFileResolver(byPath, roots);
            var members = new Dictionary<string, ProtoSource>(StringComparer.Ordinal);
            foreach (ParsedSource parsed in group)
            {
                ProtoSource source = parsed.Source;
                ParsedSource? found = resolver.Locate(source.ImportName!);
                if (found != parsed)
                {
                    string other = found?.Source.FullPath ?? "the well-known type of that name";
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.DuplicateImportName,
                        $"{source.ImportName} is shadowed by {other}, which comes first on the import path (AdditionalImportDirs, then the well-known types, then ProtoRoot), so protoc would not compile this file either",
                        SourcePositions.Locate(source.FullPath, source.Text, 0, 0)));
                    continue;
                }

                members[source.ImportName!] = source;
            }

            CompilationResult result = ProtoCompiler.Link(members.Keys, resolver, cancellationToken: cancellationToken);
            diagnostics.AddRange(result.Diagnostics, byPath);
            IReadOnlyList<CompiledFile> compiled = result.Success ? result.Files : Salvage(members.Keys, resolver, cancellationToken);
            var hierarchies = new HierarchyFiles(result.Success ? result.AllFiles : compiled, compiled.Where(f => members.ContainsKey(f.Name)));
            foreach (CompiledFile file in compiled)
            {
                if (!members.TryGetValue(file.Name, out ProtoSource? source))
                {
                    continue;
                }

                if (RefuseOneofSubtypesApartFromTheirBase(source, file, hierarchies, diagnostics))
                {
                    continue;
                }

                string hintName = PathNames.HintName(source.HintPath);
                for (int n = 2; !hintNames.Add(hintName); n++)
                {
                    hintName = PathNames.HintName(source.HintPath + "." + n);
                }

                output.Add(new LinkedFile(hintName, file.Name, source.FullPath, source.OutputOptions, source.ServiceOptions,
                    new EquatableArray<byte>(file.GetDescriptorBytes(includeSourceInfo: true)),
                    new EquatableArray<byte>(DeclarationStubs.For(file, hierarchies.Related(file)))));
            }

            // A file with message inheritance is lowered to one that imports inkwell/inheritance.proto, whose C#
            // (the options' descriptor) the generated code needs: it is generated once, internal to the project.
            if (!inheritanceGenerated && compiled.FirstOrDefault(f => f.Dependencies.Any(d => d.Name == ProtoCompiler.InheritanceProto)) is { } user)
            {
                CompiledFile inheritance = user.Dependencies.First(d => d.Name == ProtoCompiler.InheritanceProto);
                inheritanceGenerated = true;
                output.Add(new LinkedFile(PathNames.HintName(ProtoCompiler.InheritanceProto), ProtoCompiler.InheritanceProto, user.Name, "internal_access", null,
                    new EquatableArray<byte>(inheritance.GetDescriptorBytes(includeSourceInfo: true)),
                    new EquatableArray<byte>(DeclarationStubs.For(inheritance, []))));
            }
        }
    }

    /// <summary>
    /// When one file of a group has errors, the others still get their code (the IDE keeps its types while you
    /// type in another file): each file is linked on its own. Only on failure, so the usual case links once; the
    /// parses are kept, so this binds again but parses nothing.
    /// </summary>
    private static List<CompiledFile> Salvage(IEnumerable<string> names, ProjectFileResolver resolver, CancellationToken cancellationToken)
    {
        var compiled = new List<CompiledFile>();
        foreach (string name in names)
        {
            CompilationResult single = ProtoCompiler.Link([name], resolver, cancellationToken: cancellationToken);
            if (single.Success)
            {
                compiled.Add(single.Files[0]);
            }
        }

        return compiled;
    }

    /// <summary>
    /// A ONEOF subtype whose base this project does not generate: the base's oneof, in code generated elsewhere, cannot
    /// list it, and the subtype's C# would not compile against it. Says so at the subtype, and generates nothing for
    /// the file.
    /// </summary>
    private static bool RefuseOneofSubtypesApartFromTheirBase(ProtoSource source, CompiledFile file, HierarchyFiles hierarchies, DiagnosticList diagnostics)
    {
        bool refused = false;
        foreach ((string subtype, string baseName, string baseFile) in hierarchies.OneofSubtypesApartFromTheirBase(file))
        {
            diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.OneofSubtypeApartFromBase,
                $"{subtype} derives from {baseName}, whose ONEOF encoding lists every subtype in its own oneof, but {baseFile} is not generated by this project, " +
                $"so its code cannot list {subtype}: generate {baseFile} in this project too, or give {baseName} the ANY or EXTENSIONS encoding, whose subtypes may live in other projects",
                SourcePositions.LocateMessage(source.FullPath, source.Text, subtype)));
            refused = true;
        }

        return refused;
    }

    private static string SearchPathKey(ProtoSource source) =>
        string.Join("\n", source.AdditionalImportDirs) + "\n\n" + source.ProtoRoot;
}
