using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Inkwell.Protobuf.Internal;

/// <summary>
/// What a compilation session of <see cref="ProtoCompiler.Link"/> reads: the caller's parsed files, then the files
/// Inkwell ships (<see cref="BuiltInFileResolver"/>), parsed once per process. As an <see cref="IProtoFileResolver"/>
/// it serves the same files' text, which the inheritance lowering rewrites.
/// </summary>
internal sealed class ParsedFileSource(IParsedProtoFileResolver resolver, bool recordSourceInfo) : IProtoFileResolver
{
    // The shipped files never change, so their parses are shared by every Link of the process (they are never bound, only copied).
    private static readonly ConcurrentDictionary<(string Name, bool SourceInfo), ParsedProtoFile?> s_builtIns = new();
    private static readonly BuiltInFileResolver s_builtInResolver = new(new NoFiles());

    /// <summary>The kept parse of the file imported as <paramref name="name"/>, or null when there is none.</summary>
    public ParsedProtoFile? Find(string name) => TryFind(name, out ParsedProtoFile? parsed) ? parsed : null;

    /// <summary>What the session loads for a name nothing resolves.</summary>
    public static ParsedFile NotFound(string name) => new(null, name, [], HadErrors: true);

    public bool TryRead(string name, out string content, out string displayPath)
    {
        if (TryFind(name, out ParsedProtoFile? parsed))
        {
            content = parsed.Text;
            displayPath = parsed.DisplayPath;
            return true;
        }

        content = "";
        displayPath = name;
        return false;
    }

    private bool TryFind(string name, [NotNullWhen(true)] out ParsedProtoFile? parsed)
    {
        if (resolver.TryGet(name, out parsed))
        {
            return true;
        }

        if (name != ProtoCompiler.InheritanceProto && !WellKnownTypesResolver.Names.Contains(name))
        {
            return false;
        }

        parsed = s_builtIns.GetOrAdd((name, recordSourceInfo), static key =>
            s_builtInResolver.TryRead(key.Name, out string text, out string displayPath)
                ? ParsedProtoFile.Parse(text, displayPath, new ProtoCompilerOptions { SourceInfo = key.SourceInfo })
                : null);
        return parsed is not null;
    }

    private sealed class NoFiles : IProtoFileResolver
    {
        public bool TryRead(string name, out string content, out string displayPath)
        {
            content = "";
            displayPath = name;
            return false;
        }
    }
}
