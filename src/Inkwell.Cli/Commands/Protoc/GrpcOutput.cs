using Google.Protobuf.Reflection;
using Inkwell.Protobuf;
using Inkwell.Protobuf.CSharp;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary>
/// <c>--grpc_out</c>: the gRPC service code grpc_csharp_plugin would write, built in (no plugin process). Files are
/// written with the other generators' through <see cref="OutputFolder"/>.
/// </summary>
internal static class GrpcOutput
{
    /// <summary>
    /// Generates the service code of the compiled input files in memory, so that a failure is known before any
    /// output is written. Null after printing an error.
    /// </summary>
    public static async Task<IReadOnlyList<GeneratedFile>?> GenerateAsync(CompilationResult result, string? options, TextWriter error)
    {
        IReadOnlyList<GeneratedFile> files;
        try
        {
            // Source info carries the .proto comments that become XML doc comments, as with the plugin.
            IEnumerable<FileDescriptorProto> allFiles = result.AllFiles.Select(file => file.ToFileDescriptorProto(includeSourceInfo: true));
            files = CSharpGenerator.GenerateServices(allFiles, result.Files.Select(file => file.Name), GrpcGeneratorOptions.Parse(options));
        }
        catch (CSharpGenerationException e)
        {
            await error.WriteLineAsync($"--grpc_out: {e.Message}").ConfigureAwait(false);
            return null;
        }

        // Inputs with the same file name in different folders give the same (flat) file name: the output folder
        // refuses the second, as protoc's does.
        return files;
    }
}
