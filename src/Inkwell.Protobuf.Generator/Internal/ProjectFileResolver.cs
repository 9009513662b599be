namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>
/// Resolves imports the way Grpc.Tools' protoc command line does (<c>--proto_path</c> = AdditionalImportDirs,
/// then the well-known types, then the ProtoRoot; first match wins), but against the files the build handed
/// the generator instead of the disk.
/// </summary>
/// <param name="files">Every visible .proto file by normalized full path.</param>
/// <param name="roots">The search roots in order; null stands for the built-in well-known types.</param>
internal sealed class ProjectFileResolver(IReadOnlyDictionary<string, ProtoSource> files, IReadOnlyList<string?> roots) : IProtoFileResolver
{
    public bool TryRead(string name, out string content, out string displayPath)
    {
        if (Locate(name) is { } source)
        {
            content = source.Text;
            displayPath = source.FullPath;
            return true;
        }

        if (roots.Contains(null) && WellKnownTypesResolver.Instance.TryRead(name, out content, out displayPath))
        {
            return true;
        }

        content = "";
        displayPath = name;
        return false;
    }

    /// <summary>The project file that <paramref name="name"/> resolves to, or null (not found, or a well-known type comes first).</summary>
    public ProtoSource? Locate(string name)
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

            if (files.TryGetValue(PathNames.Combine(root, name), out ProtoSource? source))
            {
                return source;
            }
        }

        return null;
    }
}
