using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal;

/// <summary>Where a generated file goes (protoc's <c>GetOutputFile</c>).</summary>
internal static class OutputPaths
{
    public static string For(ProtoFile file, CSharpGeneratorOptions options)
    {
        string fileName = file.FileNameBase + options.FileExtension;
        if (options.BaseNamespace is null)
        {
            return fileName;
        }
        string ns = file.Namespace;
        string baseNamespace = options.BaseNamespace;
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
        else
        {
            throw new CSharpGenerationException($"{file.Name}: Namespace {ns} is not a prefix namespace of base namespace {baseNamespace}");
        }
        return suffix.Length == 0 ? fileName : suffix.Replace('.', '/') + "/" + fileName;
    }
}
