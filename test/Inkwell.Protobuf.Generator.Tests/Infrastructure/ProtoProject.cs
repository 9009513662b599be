using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inkwell.Protobuf.Generator.Tests.Infrastructure;

/// <summary>
/// A project as the compiler sees it after this package's build files ran: .proto files as additional texts with
/// their item metadata (build_metadata.AdditionalFiles.*), the project directory as a global option, and C#.
/// </summary>
internal sealed class ProtoProject
{
    public const string Root = "/work/app";

    private readonly List<(string Path, string Text, Dictionary<string, string> Metadata)> _files = [];
    private ImmutableArray<AdditionalText>? _texts;

    /// <summary>A Grpc.Tools-style <c>&lt;Protobuf Include="…" /&gt;</c> item; metadata names as in MSBuild (ProtoRoot, Access, …).</summary>
    public ProtoProject Protobuf(string relativePath, string text, params (string Name, string Value)[] metadata) =>
        Add(relativePath, text, [("SourceItemGroup", "Protobuf"), .. metadata]);

    /// <summary>A plain <c>&lt;AdditionalFiles Include="….proto" /&gt;</c>.</summary>
    public ProtoProject AdditionalFile(string relativePath, string text, params (string Name, string Value)[] metadata) =>
        Add(relativePath, text, metadata);

    /// <summary>A file the targets found under an item's AdditionalImportDirs.</summary>
    public ProtoProject ImportOnly(string relativePath, string text) =>
        Add(relativePath, text, [("SourceItemGroup", "InkwellProtobufImport")]);

    public static string PathOf(string relativePath) => relativePath.StartsWith('/') ? relativePath : Root + "/" + relativePath;

    /// <summary>The files as additional texts; the same instances every time (the driver replaces texts by instance).</summary>
    public ImmutableArray<AdditionalText> AdditionalTexts =>
        _texts ??= [.. _files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text))];

    public AnalyzerConfigOptionsProvider Options => new TestConfigOptionsProvider(
        new DictionaryConfigOptions(new Dictionary<string, string> { ["build_property.InkwellProtobufProjectDirectory"] = Root }),
        _files.ToDictionary(f => f.Path, f => (AnalyzerConfigOptions)new DictionaryConfigOptions(
            f.Metadata.ToDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value))));

    /// <summary>A driver that records every step, so tests can read why each step ran.</summary>
    public GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new ProtobufGenerator().AsSourceGenerator()],
        AdditionalTexts,
        (CSharpParseOptions)Compilations.ParseOptions,
        Options,
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once over the project and a small C# file, compiled with <paramref name="references"/> besides the usual ones.</summary>
    public GeneratorRun Run(params MetadataReference[] references)
    {
        CSharpCompilation compilation = Compilations.Create([Compilations.Parse("namespace App; public static class Marker { }")]).AddReferences(references);
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<RoslynDiagnostic> diagnostics, TestContext.Current.CancellationToken);
        return new GeneratorRun(driver.GetRunResult(), output, diagnostics);
    }

    private ProtoProject Add(string relativePath, string text, IEnumerable<(string Name, string Value)> metadata)
    {
        _files.Add((PathOf(relativePath), text, metadata.ToDictionary(m => m.Name, m => m.Value)));
        _texts = null;
        return this;
    }
}
