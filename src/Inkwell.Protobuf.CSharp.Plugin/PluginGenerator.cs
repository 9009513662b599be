using Google.Protobuf.Compiler;
using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.CSharp.Plugin;

/// <summary>
/// Answers a protoc <c>CodeGeneratorRequest</c> with the C# that <c>inkwell protoc --csharp_out</c> writes for the same
/// files: the same generator over the same descriptors (the inputs' <c>proto_file</c> copies, options stripped as protoc
/// strips them for its own generators). Class hierarchies come from a lowered schema: the <c>(inkwell.*)</c> options
/// that <c>inkwell protoc --proto_out</c> leaves in it are in the descriptors protoc sends.
/// </summary>
internal static class PluginGenerator
{
    /// <summary>Editions from proto2 to 2024, what Inkwell compiles; proto3 <c>optional</c> too.</summary>
    private const ulong SupportedFeatures = (ulong)(CodeGeneratorResponse.Types.Feature.Proto3Optional | CodeGeneratorResponse.Types.Feature.SupportsEditions);

    public static CodeGeneratorResponse Generate(CodeGeneratorRequest request)
    {
        var response = new CodeGeneratorResponse
        {
            SupportedFeatures = SupportedFeatures,
            MinimumEdition = (int)Edition.Proto2,
            MaximumEdition = (int)Edition._2024,
        };
        try
        {
            foreach (GeneratedFile file in CSharpGenerator.Generate(request.ProtoFile, FilesToGenerate(request), CSharpGeneratorOptions.Parse(request.Parameter)))
            {
                response.File.Add(new CodeGeneratorResponse.Types.File { Name = file.RelativePath, Content = file.Content });
            }
        }
        catch (CSharpGenerationException e)
        {
            response.Error = e.Message;
        }

        return response;
    }

    /// <summary>
    /// The inputs, and (as <c>inkwell protoc --csharp_out</c> does) Inkwell's <c>inkwell/inheritance.proto</c> when a lowered
    /// input imports it without being given it: the generated hierarchy code needs its C#, and no input provides it.
    /// </summary>
    private static IEnumerable<string> FilesToGenerate(CodeGeneratorRequest request)
    {
        var inputs = new HashSet<string>(request.FileToGenerate, StringComparer.Ordinal);
        bool needsOptionsFile = !inputs.Contains(ProtoCompiler.InheritanceProto)
            && request.ProtoFile.Any(file => inputs.Contains(file.Name) && file.Dependency.Contains(ProtoCompiler.InheritanceProto));
        return needsOptionsFile ? request.FileToGenerate.Append(ProtoCompiler.InheritanceProto) : request.FileToGenerate;
    }
}
