using System.Security.Cryptography;
using System.Text;
using Inkwell.Reload.Internal.Compilation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inkwell.Reload.Internal.Projects;

/// <summary>
/// A project the host runs: its last good evaluation, what makes it stale (the project file and the MSBuild
/// files beside and above it changed, or <c>.cs</c> files appeared or went away, which the SDK's globs would see),
/// and the compiler settings and run-time assemblies it implies.
/// </summary>
internal sealed class ProjectSession : IDisposable
{
    /// <summary>Files whose edits change what the SDK says, looked for in the project's folder and every folder above.</summary>
    private static readonly string[] s_inheritedFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "global.json"];

    private readonly RuntimeAssemblies _runtime = new();
    private string? _fingerprint;
    private string? _compilerKey;
    private HashSet<string> _sourcesSeen = new(StringComparer.Ordinal);
    private volatile IReadOnlySet<string> _additionalFiles = new HashSet<string>(StringComparer.Ordinal);

    public ProjectSession(string projectFile) => ProjectFile = projectFile;

    public string ProjectFile { get; }

    public string Directory => Path.GetDirectoryName(ProjectFile)!;

    /// <summary>The last evaluation that succeeded (null before the first).</summary>
    public ProjectInputs? Inputs { get; private set; }

    /// <summary>The project's modules: its compile items, except sources the SDK generated that declare no types
    /// (global usings, assembly attributes), which go into every unit instead.</summary>
    public IReadOnlyList<string> ModuleFiles { get; private set; } = [];

    /// <summary>The project's <c>AdditionalFiles</c> (full paths) as last evaluated: an edit of one is an edit of the
    /// generators' input, watched like a module's.</summary>
    public IReadOnlySet<string> AdditionalFiles => _additionalFiles;

    /// <summary>Whether the project must be evaluated again before its modules are read.</summary>
    public bool IsStale(IEnumerable<string> sourcesOnDisk) =>
        Inputs is null || !string.Equals(Fingerprint(), _fingerprint, StringComparison.Ordinal) || !_sourcesSeen.SetEquals(sourcesOnDisk);

    /// <summary>Restores and evaluates the project; on success makes the result current and returns the compiler
    /// settings for it, and whether they differ from the last ones (when only the set of modules changed, the
    /// loaded modules need not recompile).</summary>
    /// <exception cref="ProjectEvaluationException">It did not restore or evaluate; the last good evaluation stays.</exception>
    public (CompilerSettings Settings, bool Changed) Evaluate(IEnumerable<string> sourcesOnDisk, IReadOnlyList<MetadataReference> shared, bool optimize, Action<string> note, CancellationToken cancellationToken)
    {
        // Taken before the SDK runs, so an edit made while it runs is seen as a change next time.
        string fingerprint = Fingerprint();
        HashSet<string> sources = new(sourcesOnDisk, StringComparer.Ordinal);
        ProjectInputs inputs = ProjectEvaluator.Evaluate(ProjectFile, cancellationToken);
        string intermediate = Path.Combine(Directory, "obj") + Path.DirectorySeparatorChar;
        var modules = new List<string>();
        var sharedSources = new List<(string Path, string Text)>();
        foreach (string file in inputs.CompileFiles.Where(File.Exists))
        {
            if (file.StartsWith(intermediate, StringComparison.Ordinal) && File.ReadAllText(file) is { } text && !DeclaresTypes(text))
            {
                sharedSources.Add((file, text));
            }
            else
            {
                modules.Add(file);
            }
        }

        var parseOptions = new CSharpParseOptions(
            LanguageVersionFacts.TryParse(inputs.Property("LangVersion"), out LanguageVersion version) ? version : LanguageVersion.Default,
            DocumentationMode.None,
            preprocessorSymbols: inputs.Property("DefineConstants").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        NullableContextOptions nullable = inputs.Property("Nullable").ToLowerInvariant() switch
        {
            "enable" => NullableContextOptions.Enable,
            "warnings" => NullableContextOptions.Warnings,
            "annotations" => NullableContextOptions.Annotations,
            _ => NullableContextOptions.Disable,
        };

        // The host's own Inkwell.Reload always: a project that references the package gets the host's copy, so
        // [Preserve] and ReloadContext are the types the host looks for.
        IReadOnlyList<MetadataReference> references = [.. inputs.References
            .Where(p => !string.Equals(Path.GetFileName(p), "Inkwell.Reload.dll", StringComparison.OrdinalIgnoreCase))
            .Select(ReferenceCache.FromFile)
            .OfType<MetadataReference>()];
        IReadOnlyList<ISourceGenerator> generators = WithoutIdleGenerators(AnalyzerLoader.GeneratorsOf(inputs.Analyzers, note), inputs.AdditionalFiles);
        List<string> configFiles = [.. inputs.AnalyzerConfigFiles.Where(File.Exists)];
        GeneratorSettings? generatorSettings = generators.Count == 0 ? null : new GeneratorSettings(
            generators,
            inputs.AdditionalFiles,
            EditorConfigOptions.Read(configFiles, note),
            Path.Combine(Directory, "obj", "inkwell", "generated"));
        var settings = new CompilerSettings(
            references,
            shared,
            parseOptions,
            nullable,
            string.Equals(inputs.Property("AllowUnsafeBlocks"), "true", StringComparison.OrdinalIgnoreCase),
            optimize,
            sharedSources,
            generatorSettings);

        _runtime.Update(inputs);
        foreach (string missing in _runtime.Missing)
        {
            note($"the shared framework {missing} is not installed beside the runtime inkwell runs on");
        }

        string compilerKey = string.Join(
            "\n",
            [.. inputs.References, .. inputs.Analyzers, .. inputs.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"), .. sharedSources.Select(s => s.Text), .. inputs.AdditionalFiles,
             .. configFiles.Select(f => $"{f}\n{ReadOrEmpty(f)}")]);
        bool changed = !string.Equals(compilerKey, _compilerKey, StringComparison.Ordinal);
        Inputs = inputs;
        ModuleFiles = modules;
        _fingerprint = fingerprint;
        _sourcesSeen = sources;
        _compilerKey = compilerKey;
        _additionalFiles = new HashSet<string>(inputs.AdditionalFiles, StringComparer.Ordinal);
        return (settings, changed);
    }

    public void Dispose() => _runtime.Dispose();

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    /// <summary>
    /// <paramref name="generators"/> without those that cannot generate anything for this project. The Razor source
    /// generator, which every <c>Microsoft.NET.Sdk.Web</c> project carries, generates code only for <c>.razor</c> and
    /// <c>.cshtml</c> files, yet on every run it looks through every type of the compilation for tag helpers: in a web
    /// project without such files it was most of the generators' time on each reload. A project whose
    /// <c>AdditionalFiles</c> gain one is evaluated again and gets it back.
    /// </summary>
    internal static IReadOnlyList<ISourceGenerator> WithoutIdleGenerators(IReadOnlyList<ISourceGenerator> generators, IEnumerable<string> additionalFiles)
    {
        bool razorFiles = additionalFiles.Any(f => f.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase));
        return razorFiles ? generators : [.. generators.Where(g => g.GetGeneratorType().FullName != "Microsoft.NET.Sdk.Razor.SourceGenerators.RazorSourceGenerator")];
    }

    private static bool DeclaresTypes(string text) =>
        CSharpSyntaxTree.ParseText(text).GetRoot() is CompilationUnitSyntax root && root.Members.Count > 0;

    /// <summary>The contents of the project file, of every <c>.props</c>/<c>.targets</c> beside it, and of the
    /// inherited MSBuild and NuGet files in its folder and above.</summary>
    private string Fingerprint()
    {
        var files = new List<string> { ProjectFile };
        files.AddRange(System.IO.Directory.EnumerateFiles(Directory, "*.props").Concat(System.IO.Directory.EnumerateFiles(Directory, "*.targets")));
        for (DirectoryInfo? folder = new(Directory); folder is not null; folder = folder.Parent)
        {
            foreach (string name in s_inheritedFiles)
            {
                files.AddRange(FindIgnoringCase(folder, name));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string file in files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file));
            try
            {
                hash.AppendData(File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                hash.AppendData("unreadable"u8);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static IEnumerable<string> FindIgnoringCase(DirectoryInfo folder, string name)
    {
        try
        {
            return folder.EnumerateFiles(name, new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive }).Select(f => f.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
