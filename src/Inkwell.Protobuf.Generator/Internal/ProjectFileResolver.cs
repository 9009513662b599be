using System.Diagnostics.CodeAnalysis;

namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>
/// Resolves imports the way Grpc.Tools' protoc command line does (<c>--proto_path</c> = AdditionalImportDirs,
/// then the well-known types, then the ProtoRoot; first match wins), but against the files the build handed
/// the generator instead of the disk, and to their kept parses (<see cref="ParsedSource"/>).
/// </summary>
/// <param name="files">Every visible .proto file by normalized full path.</param>
/// <param name="roots">The search roots in order; null stands for the built-in well-known types.</param>
internal sealed class ProjectFileResolver(IReadOnlyDictionary<string, ParsedSource> files, IReadOnlyList<string?> roots) : IParsedProtoFileResolver
{
    /// <summary>
    /// The project file's parse; false for a well-known type (which <see cref="ProtoCompiler.Link"/> then serves
    /// from the copies Inkwell ships, parsed once per process) and for a file that is not there.
    /// </summary>
    public bool TryGet(string name, [NotNullWhen(true)] out ParsedProtoFile? file)
    {
        file = Locate(name)?.Parsed;
        return file is not null;
    }

    /// <summary>The project file that <paramref name="name"/> resolves to, or null (not found, or a well-known type comes first).</summary>
    public ParsedSource? Locate(string name)
    {
        foreach (string? root in roots)
        {
            if (root is null)
            {
                if (WellKnownTypesResolver.Names.Contains(name))
                {
                    return null;
                }

                continue;
            }

            if (files.TryGetValue(PathNames.Combine(root, name), out ParsedSource? source))
            {
                return source;
            }
        }

        return null;
    }
}
