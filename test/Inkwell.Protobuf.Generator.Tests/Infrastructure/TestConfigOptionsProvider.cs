using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inkwell.Protobuf.Generator.Tests.Infrastructure;

/// <summary>Global options plus per-additional-file metadata, keyed by path, as MSBuild's CompilerVisible* items produce them.</summary>
internal sealed class TestConfigOptionsProvider(AnalyzerConfigOptions global, IReadOnlyDictionary<string, AnalyzerConfigOptions> files) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryConfigOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        files.TryGetValue(textFile.Path, out AnalyzerConfigOptions? options) ? options : DictionaryConfigOptions.Empty;
}
