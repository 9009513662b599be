using System.Text;
using Inkwell.Protobuf.Generator.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Inkwell.Protobuf.Generator;

/// <summary>
/// Turns the project's .proto files (Grpc.Tools' <c>&lt;Protobuf Include="…" /&gt;</c> items, made visible by
/// this package's build files, or plain <c>AdditionalFiles</c>) into C# for the Google.Protobuf runtime,
/// with the public API of protoc's <c>--csharp_out</c> and without a native protoc.
/// </summary>
/// <remarks>
/// The pipeline: each file is read with its item metadata in its own cached step, then parsed in another
/// (<see cref="ParsedProtoFile"/>); a cheap collect feeds one link step, which binds the kept parses
/// (<see cref="ProtoCompiler.Link"/>: an edit re-parses only the edited file); the link result is split into one
/// value per file, holding exactly that file's descriptor and the declarations of its imports and of the other files
/// of its class hierarchies, so only files whose descriptors changed are generated again.
/// Errors in .proto files become diagnostics at their line and column; nothing throws out of the generator.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class ProtobufGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the per-file read step.</summary>
    internal const string ReadStep = "Inkwell.Read";

    /// <summary>The tracking name of the per-file parse step.</summary>
    internal const string ParseStep = "Inkwell.Parse";

    /// <summary>The tracking name of the link step.</summary>
    internal const string LinkStep = "Inkwell.Link";

    /// <summary>The tracking name of the step that splits the link result into files.</summary>
    internal const string FileStep = "Inkwell.File";

    /// <summary>The tracking name of the per-file C# generation step.</summary>
    internal const string EmitStep = "Inkwell.Emit";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ProjectSettings> project = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => ProjectSettings.From(options.GlobalOptions));

        IncrementalValuesProvider<ProtoSource> sources = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".proto", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Combine(project)
            .Select(static (input, cancellationToken) =>
                ProtoSource.Read(input.Left.Left, input.Left.Right.GetOptions(input.Left.Left), input.Right, cancellationToken))
            .WithTrackingName(ReadStep);

        IncrementalValuesProvider<ParsedSource> parsed = sources
            .Select(static (source, cancellationToken) => ParsedSource.Create(source, cancellationToken))
            .WithTrackingName(ParseStep);

        IncrementalValueProvider<LinkResult> linked = parsed.Collect()
            .Select(static (all, cancellationToken) => ProjectLinker.Link(all, cancellationToken))
            .WithTrackingName(LinkStep);

        IncrementalValuesProvider<GeneratedSource> generated = linked
            .SelectMany(static (result, _) => result.Files)
            .WithTrackingName(FileStep)
            .Select(static (file, cancellationToken) => CodeEmitter.Emit(file, cancellationToken))
            .WithTrackingName(EmitStep);

        context.RegisterSourceOutput(linked.Select(static (result, _) => result.Diagnostics), static (output, diagnostics) =>
        {
            foreach (DiagnosticInfo diagnostic in diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        // Without the runtime every generated file fails with dozens of CS0246 errors; one clear error instead.
        IncrementalValueProvider<bool> hasRuntime = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("Google.Protobuf.IMessage") is not null);
        context.RegisterSourceOutput(linked.Select(static (result, _) => result.Files.Count > 0).Combine(hasRuntime), static (output, input) =>
        {
            if (input.Left && !input.Right)
            {
                output.ReportDiagnostic(Microsoft.CodeAnalysis.Diagnostic.Create(GeneratorDiagnostics.RuntimeMissing, Location.None,
                    "The code generated from .proto files needs the Google.Protobuf runtime: add <PackageReference Include=\"Google.Protobuf\" /> to the project"));
            }
        });

        // Service code without Grpc.Core.Api would fail with dozens of CS0246 errors: one clear error at the item instead.
        IncrementalValueProvider<bool> hasGrpcApi = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("Grpc.Core.Method`2") is not null);
        context.RegisterSourceOutput(generated.Combine(hasGrpcApi), static (output, input) =>
        {
            (GeneratedSource source, bool grpcApi) = input;
            foreach (DiagnosticInfo diagnostic in source.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (source.Text is not null)
            {
                output.AddSource(source.HintName, SourceText.From(source.Text, Encoding.UTF8));
            }

            if (source.ServicesText is not null && grpcApi)
            {
                output.AddSource(source.ServicesHintName, SourceText.From(source.ServicesText, Encoding.UTF8));
            }
            else if (source.ServicesText is not null)
            {
                output.ReportDiagnostic(Microsoft.CodeAnalysis.Diagnostic.Create(GeneratorDiagnostics.GrpcApiMissing,
                    Location.Create(source.FullPath, default, default),
                    $"{PathNames.FileName(source.FullPath)} declares gRPC services and its item asks for them (GrpcServices), but the project does not reference Grpc.Core.Api: " +
                    "add <PackageReference Include=\"Grpc.AspNetCore.Server\" /> for a server, <PackageReference Include=\"Grpc.Net.Client\" /> for a client, " +
                    "or set GrpcServices=\"None\" on the item"));
            }
        });
    }
}
