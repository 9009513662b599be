using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Inkwell.Reload.Internal.Compilation;

/// <summary>
/// Runs a project's source generators once over all its modules, as the compiler would: with the project's
/// <c>AdditionalFiles</c> (read again on every run, so an edited <c>.proto</c> regenerates) and the analyzer
/// options of the SDK's generated <c>.editorconfig</c> (<c>build_property.*</c>, <c>build_metadata.AdditionalFiles.*</c>).
/// One <see cref="GeneratorDriver"/> lives as long as the settings, so incremental generators redo only what an
/// edit touched. What comes out is source, which the host treats as modules of their own.
/// </summary>
internal sealed class GeneratorRunner
{
    private readonly IReadOnlyList<string> _additionalFiles;
    private readonly Dictionary<string, (byte[] Hash, AdditionalText Text)> _texts = new(StringComparer.Ordinal);
    private GeneratorDriver _driver;
    private ImmutableArray<AdditionalText> _current = [];

    public GeneratorRunner(GeneratorSettings settings, CSharpParseOptions parseOptions)
    {
        _additionalFiles = settings.AdditionalFiles;
        GeneratedDirectory = settings.GeneratedDirectory;
        _driver = CSharpGeneratorDriver.Create(
            settings.Generators,
            parseOptions: parseOptions,
            optionsProvider: settings.Options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false, baseDirectory: settings.GeneratedDirectory));
    }

    /// <summary>The folder the generated sources' paths are under (nothing is written there).</summary>
    public string GeneratedDirectory { get; }

    /// <summary>The generated sources (path, text) for <paramref name="input"/>, and the generators' diagnostics.</summary>
    public (IReadOnlyList<(string Path, string Text)> Sources, IReadOnlyList<Diagnostic> Diagnostics) Run(CSharpCompilation input, CancellationToken cancellationToken)
    {
        ImmutableArray<AdditionalText> texts = ReadAdditionalFiles();
        if (!texts.SequenceEqual(_current))
        {
            _driver = _driver.ReplaceAdditionalTexts(texts);
            _current = texts;
        }

        _driver = _driver.RunGenerators(input, cancellationToken);
        GeneratorDriverRunResult result = _driver.GetRunResult();
        var sources = new List<(string Path, string Text)>();
        foreach (GeneratorRunResult generator in result.Results)
        {
            foreach (GeneratedSourceResult source in generator.GeneratedSources)
            {
                sources.Add((source.SyntaxTree.FilePath, source.SourceText.ToString()));
            }
        }

        return (sources, result.Diagnostics);
    }

    /// <summary>
    /// Runs the generators once more on <paramref name="input"/> (the last run's input) with one module parsed again into a
    /// new tree of the same text, as an edit would leave it, and throws the result away: the driver stays as the last
    /// real run left it. The first run after an initial one takes the incremental paths (a changed tree against cached
    /// tables) for the first time, and compiling them (JIT) made the first reload's generators several times slower than
    /// the ones after (~120 against ~25 ms for ZooService's 14 generators at load ~20).
    /// </summary>
    public void WarmUp(CSharpCompilation input, CancellationToken cancellationToken)
    {
        SyntaxTree? module = input.SyntaxTrees.FirstOrDefault(t => t.GetRoot(cancellationToken) is CompilationUnitSyntax { Members.Count: > 0 });
        if (module is null)
        {
            return;
        }

        SyntaxTree again = CSharpSyntaxTree.ParseText(module.GetText(cancellationToken), (CSharpParseOptions)module.Options, module.FilePath, cancellationToken);
        _ = _driver.RunGenerators(input.ReplaceSyntaxTree(module, again), cancellationToken).GetRunResult();
    }

    /// <summary>The additional files' current texts; a file whose content is unchanged keeps its <see cref="AdditionalText"/>,
    /// so the generators' caches see it as the same input. A file that cannot be read is left out (the generator
    /// reports what it misses).</summary>
    private ImmutableArray<AdditionalText> ReadAdditionalFiles()
    {
        var texts = ImmutableArray.CreateBuilder<AdditionalText>(_additionalFiles.Count);
        foreach (string path in _additionalFiles)
        {
            string content;
            try
            {
                content = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            byte[] hash = ModuleCompiler.Hash(content);
            if (!_texts.TryGetValue(path, out (byte[] Hash, AdditionalText Text) cached) || !cached.Hash.AsSpan().SequenceEqual(hash))
            {
                cached = (hash, new FileText(path, SourceText.From(content, Encoding.UTF8)));
                _texts[path] = cached;
            }

            texts.Add(cached.Text);
        }

        return texts.ToImmutable();
    }

    private sealed class FileText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
