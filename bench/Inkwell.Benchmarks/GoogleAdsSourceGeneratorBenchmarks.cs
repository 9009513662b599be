using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Inkwell.Protobuf.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Inkwell.Benchmarks;

/// <summary>
/// The source generator on the Google Ads API (../shared/corpus/googleads, 924 files, 111 of them with services) with
/// gRPC services on (GrpcServices="Both", the default, and Grpc.Core.Api referenced): a first run, and a one-line edit
/// of one service file (a field added to a request message) on a warm driver. The side-by-side figure is Grpc.Tools'
/// work for the same project: protoc + grpc_csharp_plugin over every file, and over the edited file alone (what its
/// MSBuild targets rerun after that edit); docs/benchmarks.md has the commands.
/// </summary>
[MemoryDiagnoser]
public class GoogleAdsSourceGeneratorBenchmarks
{
    /// <summary>The edited file: a service file whose request message gains a field.</summary>
    public const string EditedFile = "google/ads/googleads/v25/services/campaign_service.proto";

    private CSharpCompilation _compilation = null!;
    private ImmutableArray<AdditionalText> _texts;
    private GeneratorDriver _warm = null!;
    private AdditionalText _original = null!;
    private AdditionalText _edited = null!;
    private Options _options = null!;
    private bool _toggle;

    [GlobalSetup]
    public void Setup()
    {
        string root = GoogleAdsRoot();
        _texts = [.. Directory.EnumerateFiles(root, "*.proto", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => (AdditionalText)new Text(path, File.ReadAllText(path)))];
        _options = new Options(root);
        _compilation = CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText("namespace App; class A { }")],
        [
            MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Google.Protobuf.IMessage).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Grpc.Core.Method<,>).Assembly.Location),
        ]);
        _original = _texts.Single(t => t.Path.EndsWith("/" + EditedFile, StringComparison.Ordinal));
        string source = _original.GetText()!.ToString();
        int request = source.IndexOf("message MutateCampaignsRequest {", StringComparison.Ordinal);
        _edited = new Text(_original.Path, source.Insert(source.IndexOf('\n', request) + 1, "  string added_for_the_benchmark = 99;\n"));
        _warm = CreateDriver().RunGenerators(_compilation);
        GeneratorRunResult result = _warm.GetRunResult().Results.Single();
        int services = result.GeneratedSources.Count(s => s.HintName.EndsWith(".grpc.g.cs", StringComparison.Ordinal));
        if (services < 100 || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"googleads does not generate cleanly ({services} service files): " + string.Join("\n", result.Diagnostics.Take(10)));
        }
    }

    /// <summary>A build from scratch: every file's messages and, for the 111 with services, their service code.</summary>
    [Benchmark]
    public int FirstRun() => CreateDriver().RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>One line added to (or removed from) campaign_service.proto, on a warm driver.</summary>
    [Benchmark]
    public int OneLineServiceFileEdit()
    {
        (AdditionalText from, AdditionalText to) = _toggle ? (_edited, _original) : (_original, _edited);
        _toggle = !_toggle;
        _warm = _warm.ReplaceAdditionalText(from, to).RunGenerators(_compilation);
        return _warm.GetRunResult().GeneratedTrees.Length;
    }

    private GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new ProtobufGenerator().AsSourceGenerator()], _texts, CSharpParseOptions.Default, _options);

    /// <summary>../shared/corpus/googleads above the benchmark's folder, or INKWELL_CORPUS/googleads.</summary>
    private static string GoogleAdsRoot()
    {
        string? corpus = Environment.GetEnvironmentVariable("INKWELL_CORPUS");
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); corpus is null && dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "corpus");
            corpus = Directory.Exists(candidate) ? candidate : null;
        }

        string root = Path.Combine(corpus ?? throw new InvalidOperationException("The corpus (../shared/corpus or INKWELL_CORPUS) is not present."), "googleads");
        return Directory.Exists(root) ? root : throw new InvalidOperationException($"{root} is not present.");
    }

    private sealed class Text(string path, string content) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(content);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Every file a &lt;Protobuf&gt; item with ProtoRoot at the corpus folder, GrpcServices left at its default.</summary>
    private sealed class Options(string root) : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigOptions _global = new Values(new() { ["build_property.InkwellProtobufProjectDirectory"] = root });
        private readonly AnalyzerConfigOptions _item = new Values(new() { ["build_metadata.AdditionalFiles.SourceItemGroup"] = "Protobuf" });

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _global;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _item;
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
