using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using BenchmarkDotNet.Attributes;
using Inkwell.Protobuf.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Inkwell.Benchmarks;

/// <summary>
/// The source generator (Inkwell.Protobuf.Generator) on a 100-file project, driven as csc and the IDE drive it:
/// a first run, a run after a one-line edit of one .proto file (a field added, so its importer regenerates too),
/// and a run after an unrelated C# edit. Each file has an enum and 5 messages (scalars, repeated, map, oneof,
/// nested type, optional, a message from the previous file) and imports a common file and its predecessor.
/// </summary>
[MemoryDiagnoser]
public class ProtobufSourceGeneratorBenchmarks
{
    private const int FileCount = 100;
    private const string Root = "/bench/app";

    private CSharpCompilation _compilation = null!;
    private ImmutableArray<AdditionalText> _texts;
    private GeneratorDriver _warm = null!;
    private AdditionalText _editable = null!;
    private AdditionalText _original = null!;
    private AdditionalText _edited = null!;
    private SyntaxTree _csharp = null!;
    private SyntaxTree _csharpEdited = null!;
    private bool _toggle;

    [GlobalSetup]
    public void Setup()
    {
        _texts = [.. SyntheticProject().Select(f => (AdditionalText)new Text(Root + "/" + f.Path, f.Content))];
        _csharp = CSharpSyntaxTree.ParseText("namespace App; class A { }");
        _csharpEdited = CSharpSyntaxTree.ParseText("namespace App; class A { int _x; }");
        _compilation = CSharpCompilation.Create("Bench", [_csharp], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(Google.Protobuf.IMessage).Assembly.Location)]);
        _editable = _texts.Single(t => t.Path.EndsWith("/p50.proto", StringComparison.Ordinal));
        string source = _editable.GetText()!.ToString();
        _original = _editable;
        _edited = new Text(_editable.Path, source.Replace("  optional int32 limit = 11;", "  optional int32 limit = 11;\n  int32 added = 13;", StringComparison.Ordinal));
        _warm = CreateDriver().RunGenerators(_compilation);
        if (_warm.GetRunResult().Results.Single().GeneratedSources.Length != FileCount || _warm.GetRunResult().Diagnostics.Length != 0)
        {
            throw new InvalidOperationException("The synthetic project does not generate cleanly: " + string.Join("\n", _warm.GetRunResult().Diagnostics));
        }
    }

    /// <summary>A build from scratch (csc, or the IDE opening the project).</summary>
    [Benchmark]
    public int FirstRun() => CreateDriver().RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    /// <summary>One line added to (or removed from) one .proto file, on a warm driver.</summary>
    [Benchmark]
    public int OneLineProtoEdit()
    {
        (AdditionalText from, AdditionalText to) = _toggle ? (_edited, _original) : (_original, _edited);
        _toggle = !_toggle;
        _warm = _warm.ReplaceAdditionalText(from, to).RunGenerators(_compilation);
        return _warm.GetRunResult().GeneratedTrees.Length;
    }

    /// <summary>A C# edit elsewhere in the project, on a warm driver: nothing should be recomputed.</summary>
    [Benchmark]
    public int UnrelatedCSharpEdit()
    {
        _toggle = !_toggle;
        CSharpCompilation compilation = _toggle
            ? _compilation.ReplaceSyntaxTree(_csharp, _csharpEdited)
            : _compilation;
        _warm = _warm.RunGenerators(compilation);
        return _warm.GetRunResult().GeneratedTrees.Length;
    }

    private GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new ProtobufGenerator().AsSourceGenerator()], _texts, CSharpParseOptions.Default, new Options());

    /// <summary>common.proto and p1…p99.proto, each importing common and its predecessor.</summary>
    public static IEnumerable<(string Path, string Content)> SyntheticProject()
    {
        yield return ("bench/common.proto", """
            syntax = "proto3";
            package bench.common;
            message Stamp { int64 seconds = 1; int32 nanos = 2; string zone = 3; }
            """);
        for (int i = 1; i < FileCount; i++)
        {
            var text = new StringBuilder();
            text.AppendLine("syntax = \"proto3\";");
            text.AppendLine($"package bench.p{i};");
            text.AppendLine("import \"bench/common.proto\";");
            if (i > 1)
            {
                text.AppendLine($"import \"bench/p{i - 1}.proto\";");
            }

            text.AppendLine($"enum Status{i} {{ STATUS{i}_UNKNOWN = 0; STATUS{i}_ACTIVE = 1; STATUS{i}_DONE = 2; }}");
            for (int k = 0; k < 5; k++)
            {
                string previous = k > 0 ? $"Record{k - 1}" : i > 1 ? $"bench.p{i - 1}.Record4" : "bench.common.Stamp";
                text.AppendLine($"// Record {k} of file {i}.");
                text.AppendLine($"message Record{k} {{");
                text.AppendLine("  string name = 1;");
                text.AppendLine("  int64 id = 2;");
                text.AppendLine("  double score = 3;");
                text.AppendLine("  repeated string tags = 4;");
                text.AppendLine("  map<string, int32> counts = 5;");
                text.AppendLine("  bench.common.Stamp stamp = 6;");
                text.AppendLine($"  Status{i} status = 7;");
                text.AppendLine("  oneof choice { string text = 8; bytes blob = 9; Nested nested = 10; }");
                text.AppendLine("  message Nested { bool flag = 1; repeated fixed64 values = 2; }");
                text.AppendLine("  optional int32 limit = 11;");
                text.AppendLine($"  {previous} previous = 12;");
                text.AppendLine("}");
            }

            yield return ($"bench/p{i}.proto", text.ToString());
        }
    }

    private sealed class Text(string path, string content) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(content);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions s_global = new Values(new() { ["build_property.InkwellProtobufProjectDirectory"] = Root });
        private static readonly AnalyzerConfigOptions s_item = new Values(new() { ["build_metadata.AdditionalFiles.SourceItemGroup"] = "Protobuf", ["build_metadata.AdditionalFiles.GrpcServices"] = "None" });

        public override AnalyzerConfigOptions GlobalOptions => s_global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_global;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => s_item;
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
