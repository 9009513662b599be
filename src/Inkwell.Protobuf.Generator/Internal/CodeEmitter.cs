using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp;

namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>The per-file step: one <see cref="LinkedFile"/> in, its C# (from <see cref="CSharpGenerator"/>) out.</summary>
internal static class CodeEmitter
{
    public static GeneratedSource Emit(LinkedFile file, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            CSharpGeneratorOptions options = CSharpGeneratorOptions.Parse(file.OutputOptions);
            FileDescriptorProto descriptor = FileDescriptorProto.Parser.ParseFrom(file.Descriptor.ToArray());
            var all = new List<FileDescriptorProto>(FileDescriptorSet.Parser.ParseFrom(file.Dependencies.ToArray()).File) { descriptor };
            IReadOnlyList<GeneratedFile> generated = CSharpGenerator.Generate(all, [descriptor.Name], options);
            string? services = null;
            if (file.ServiceOptions is { } serviceOptions && descriptor.Service.Count > 0)
            {
                if (serviceOptions.StartsWith("GrpcServices=", StringComparison.Ordinal))
                {
                    return Failed(file, GeneratorDiagnostics.GenerationFailed,
                        $"{file.ImportName}: {serviceOptions.Replace("=", "=\"")}\" is not one of Both, Client, Server, None");
                }

                services = CSharpGenerator.GenerateServices(all, [descriptor.Name], GrpcGeneratorOptions.Parse(serviceOptions))[0].Content;
            }

            return new GeneratedSource(file.HintName, generated[0].Content, services, EquatableArray<DiagnosticInfo>.Empty, file.FullPath);
        }
        catch (CSharpGenerationException exception)
        {
            return Failed(file, GeneratorDiagnostics.GenerationFailed, $"{file.ImportName}: {exception.Message}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Failed(file, GeneratorDiagnostics.InternalError, $"Inkwell.Protobuf.Generator failed while generating C# for {file.ImportName}: {exception}");
        }
    }

    private static GeneratedSource Failed(LinkedFile file, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string message) =>
        new(file.HintName, null, null, new EquatableArray<DiagnosticInfo>(
            [DiagnosticInfo.Create(descriptor, message, new SourceSpan(file.FullPath, 0, 0, 0, 0, 0, 0))]), file.FullPath);
}
