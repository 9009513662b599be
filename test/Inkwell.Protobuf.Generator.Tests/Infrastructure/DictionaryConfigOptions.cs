using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inkwell.Protobuf.Generator.Tests.Infrastructure;

/// <summary>Analyzer config options from a dictionary (what the generated .editorconfig gives the compiler).</summary>
internal sealed class DictionaryConfigOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
{
    public static DictionaryConfigOptions Empty { get; } = new(new Dictionary<string, string>());

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
        values.TryGetValue(key, out value);
}
