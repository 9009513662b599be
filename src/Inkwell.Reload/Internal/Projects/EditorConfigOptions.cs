using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inkwell.Reload.Internal.Projects;

/// <summary>
/// Analyzer options from a project's <c>EditorConfigFiles</c> (the <c>.editorconfig</c> files the SDK found and the one
/// it generates from <c>CompilerVisibleProperty</c>/<c>CompilerVisibleItemMetadata</c>), resolved per file by Roslyn's
/// own <see cref="AnalyzerConfigSet"/>, as the compiler resolves them for a build.
/// </summary>
internal sealed class EditorConfigOptions : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet _set;

    private EditorConfigOptions(AnalyzerConfigSet set)
    {
        _set = set;
        GlobalOptions = new Options(set.GlobalConfigOptions.AnalyzerOptions);
    }

    /// <summary>The options of the config files at <paramref name="paths"/>; files that cannot be read are left out
    /// and named in <paramref name="note"/>.</summary>
    public static EditorConfigOptions Read(IEnumerable<string> paths, Action<string> note)
    {
        var configs = new List<AnalyzerConfig>();
        foreach (string path in paths)
        {
            try
            {
                configs.Add(AnalyzerConfig.Parse(File.ReadAllText(path), path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                note($"the analyzer config {path} could not be read: {e.Message}");
            }
        }

        return new EditorConfigOptions(AnalyzerConfigSet.Create(configs));
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => For(tree.FilePath);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => For(textFile.Path);

    private Options For(string path) => new(_set.GetOptionsForSourcePath(path).AnalyzerOptions);

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => values.Keys;
    }
}
