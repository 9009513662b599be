using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal;

/// <summary>Where a generated file goes (protoc's <c>GetOutputFile</c>; grpc_csharp_plugin's <c>ServicesFilename</c>).</summary>
internal static class OutputPaths
{
    /// <summary>Inkwell's options file (<c>ProtoCompiler.InheritanceProto</c>; this assembly does not reference the compiler's).</summary>
    private const string InheritanceProto = "inkwell/inheritance.proto";

    public static string For(ProtoFile file, CSharpGeneratorOptions options) =>
        InNamespaceFolders(file, file.FileNameBase + options.FileExtension, options.BaseNamespace);

    /// <summary>
    /// The service file's path. Without <c>base_namespace</c> the plugin builds the name its own way: the file
    /// name without folders and <c>.proto</c>, split at underscores, each piece's first letter upper-cased
    /// (<c>foo2bar</c> stays <c>Foo2bar</c>, <c>test-foo</c> stays <c>Test-foo</c>). With it, the plugin uses
    /// protoc's C# rule, as for messages (<c>Foo2Bar</c>, <c>TestFoo</c>).
    /// </summary>
    public static string ForServices(ProtoFile file, GrpcGeneratorOptions options) =>
        options.BaseNamespace is null
            ? PluginFileNameBase(file.Name) + options.FileSuffix
            : InNamespaceFolders(file, file.FileNameBase + options.FileSuffix, options.BaseNamespace);

    private static string PluginFileNameBase(string protoFile)
    {
        string name = protoFile.Substring(protoFile.LastIndexOf('/') + 1);
        foreach (string suffix in new[] { ".protodevel", ".proto" })
        {
            if (name.EndsWith(suffix, System.StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - suffix.Length);
                break;
            }
        }
        var result = new System.Text.StringBuilder(name.Length);
        foreach (string piece in name.Split('_'))
        {
            if (piece.Length > 0)
            {
                result.Append(piece[0] is >= 'a' and <= 'z' ? (char)(piece[0] - 'a' + 'A') : piece[0]).Append(piece, 1, piece.Length - 1);
            }
        }
        return result.ToString();
    }

    private static string InNamespaceFolders(ProtoFile file, string fileName, string? baseNamespace)
    {
        if (baseNamespace is null)
        {
            return fileName;
        }
        string ns = file.Namespace;
        string suffix;
        // "Foo.B" is not a prefix of "Foo.Bar": the prefix must end at a namespace boundary.
        if (baseNamespace.Length == 0)
        {
            suffix = ns;
        }
        else if (ns == baseNamespace)
        {
            suffix = "";
        }
        else if (ns.StartsWith(baseNamespace + ".", System.StringComparison.Ordinal))
        {
            suffix = ns.Substring(baseNamespace.Length + 1);
        }
        else if (file.Name == InheritanceProto)
        {
            // Inkwell's own options file comes along with a schema that uses message inheritance, and its namespace
            // (Inkwell.Inheritance) is no user's: it gets folders for its whole namespace, as with an empty base namespace.
            suffix = ns;
        }
        else
        {
            throw new CSharpGenerationException($"{file.Name}: Namespace {ns} is not a prefix namespace of base namespace {baseNamespace}");
        }
        return suffix.Length == 0 ? fileName : suffix.Replace('.', '/') + "/" + fileName;
    }
}
