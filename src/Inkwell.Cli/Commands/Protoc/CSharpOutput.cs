using Google.Protobuf.Reflection;
using Inkwell.Protobuf;
using Inkwell.Protobuf.CSharp;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary><c>--csharp_out</c>: hands the compiled descriptors to the C# generator and writes its files.</summary>
internal static class CSharpOutput
{
    /// <summary>
    /// Generates C# for the compiled input files in memory, so that a failure is known before any output is
    /// written. Null after printing an error.
    /// </summary>
    public static async Task<IReadOnlyList<GeneratedFile>?> GenerateAsync(CompilationResult result, string? options, TextWriter error)
    {
        IReadOnlyList<GeneratedFile> files;
        try
        {
            // Source info carries the .proto comments that become XML doc comments, as with protoc.
            IEnumerable<FileDescriptorProto> allFiles = result.AllFiles.Select(file => file.ToFileDescriptorProto(includeSourceInfo: true));

            // Lowered message inheritance imports Inkwell's own inkwell/inheritance.proto, which no input provides:
            // its C# comes along, or the generated code would not compile.
            IEnumerable<string> toGenerate = result.Files.Select(file => file.Name);
            if (result.Files.Any(file => file.Dependencies.Any(d => d.Name == ProtoCompiler.InheritanceProto)) && !result.Files.Any(file => file.Name == ProtoCompiler.InheritanceProto))
            {
                toGenerate = toGenerate.Append(ProtoCompiler.InheritanceProto);
            }

            files = CSharpGenerator.Generate(allFiles, toGenerate, CSharpGeneratorOptions.Parse(options));
        }
        catch (CSharpGenerationException e)
        {
            await error.WriteLineAsync($"--csharp_out: {e.Message}").ConfigureAwait(false);
            return null;
        }

        return files;
    }
}
