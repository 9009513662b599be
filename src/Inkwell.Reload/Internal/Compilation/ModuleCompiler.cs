using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Inkwell.Reload.Internal.Compilation;

/// <summary>
/// Parses modules and compiles them: once all together to discover the dependency graph, and then unit by unit
/// into in-memory assemblies. Syntax trees are cached by content, and the discovery compilation is updated
/// rather than rebuilt, so Roslyn reuses what it has already bound.
/// </summary>
internal sealed class ModuleCompiler
{
    /// <summary>What <c>dotnet new console</c> gives a project through ImplicitUsings.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>Assemblies a module may use without naming them: the implicit usings' namespaces and the console.</summary>
    private static readonly HashSet<string> s_coreAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        "System.Runtime.dll", "System.Private.CoreLib.dll", "System.Collections.dll", "System.Linq.dll",
        "System.Net.Http.dll", "System.Threading.dll", "System.Console.dll",
    };

    private readonly CSharpParseOptions _parseOptions;
    private readonly CSharpCompilationOptions _compilationOptions;
    private readonly IReadOnlyList<MetadataReference> _framework;
    private readonly IReadOnlyList<MetadataReference> _shared;
    private readonly IReadOnlyList<MetadataReference> _baseReferences;
    private readonly IReadOnlyList<SyntaxTree> _sharedSources;
    private readonly GeneratorRunner? _generators;
    private readonly Dictionary<string, (byte[] Hash, SyntaxTree Tree)> _trees = new(StringComparer.Ordinal);
    private CSharpCompilation? _discovery;
    private CSharpCompilation? _generatorInput;

    /// <summary>A folder of modules: the framework, <c>dotnet new console</c>'s implicit usings, nullable enabled.</summary>
    public ModuleCompiler(IReadOnlyList<MetadataReference> framework, IReadOnlyList<MetadataReference> shared, bool implicitUsings, bool optimize, IEnumerable<string> preprocessorSymbols)
        : this(new CompilerSettings(
            framework,
            shared,
            new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None, preprocessorSymbols: preprocessorSymbols),
            NullableContextOptions.Enable,
            AllowUnsafe: true,
            optimize,
            implicitUsings ? [(string.Empty, ImplicitUsings)] : [],
            null))
    {
    }

    public ModuleCompiler(CompilerSettings settings)
    {
        _framework = settings.Framework;
        _shared = settings.Shared;
        _baseReferences = [.. settings.Framework, .. settings.Shared];
        _parseOptions = settings.ParseOptions;
        _compilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: settings.Optimize ? OptimizationLevel.Release : OptimizationLevel.Debug,
            nullableContextOptions: settings.Nullable,
            allowUnsafe: settings.AllowUnsafe,
            concurrentBuild: false,
            deterministic: true);
        _sharedSources = [.. settings.SharedSources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, Encoding.UTF8), _parseOptions, s.Path))];
        _generators = settings.Generators is { Generators.Count: > 0 } generators ? new GeneratorRunner(generators, _parseOptions) : null;
    }

    /// <summary>The parsed tree for <paramref name="path"/>'s current text, reused while the text is unchanged.</summary>
    public SyntaxTree Parse(string path, string text, byte[] hash)
    {
        if (_trees.TryGetValue(path, out (byte[] Hash, SyntaxTree Tree) cached) && cached.Hash.AsSpan().SequenceEqual(hash))
        {
            return cached.Tree;
        }

        SyntaxTree tree = CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8, SourceHashAlgorithm.Sha256), _parseOptions, path);
        _trees[path] = (hash, tree);
        return tree;
    }

    public void Forget(string path) => _trees.Remove(path);

    public bool TryGetText(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        text = _trees.TryGetValue(path, out (byte[] Hash, SyntaxTree Tree) cached) ? cached.Tree.GetText().ToString() : null;
        return text is not null;
    }

    public static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    /// <summary>The last compilation of all modules together (null before the first load).</summary>
    public CSharpCompilation? LastDiscovery => _discovery;

    /// <summary>All modules in one compilation, used only to find which module uses which.</summary>
    public CSharpCompilation Discover(IReadOnlyList<SyntaxTree> trees) => _discovery = Update(_discovery, "Inkwell.Reload.Discovery", trees);

    /// <summary>Whether <paramref name="path"/> names a generated source rather than a file on disk.</summary>
    public bool IsGenerated(string path) =>
        _generators is not null && path.StartsWith(_generators.GeneratedDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Whether the project has source generators (<see cref="Generate"/> has something to do).</summary>
    public bool HasGenerators => _generators is not null;

    /// <summary>Runs the project's source generators once over all the modules written on disk, with the project's
    /// additional files and analyzer options, and returns what they generate (path, text), which the host loads as
    /// modules of their own: a generated part of a module's partial type joins that module's unit, anything else
    /// (the types of a <c>.proto</c>) is a unit that the modules using it depend on.</summary>
    public (IReadOnlyList<(string Path, string Text)> Sources, IReadOnlyList<Diagnostic> Diagnostics) Generate(IReadOnlyList<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        if (_generators is null)
        {
            return ([], []);
        }

        _generatorInput = Update(_generatorInput, "Inkwell.Reload.Generators", trees);
        return _generators.Run(_generatorInput, cancellationToken);
    }

    /// <summary>Runs the source generators once more, as an edit would, so the first reload's run is not their slow
    /// first incremental one (<see cref="GeneratorRunner.WarmUp"/>); nothing changes. Call after the first load.</summary>
    public void WarmUpGenerators(CancellationToken cancellationToken)
    {
        if (_generators is not null && _generatorInput is not null)
        {
            _generators.WarmUp(_generatorInput, cancellationToken);
        }
    }

    /// <summary><paramref name="previous"/> with exactly <paramref name="trees"/> (and the shared sources), changed tree
    /// by tree so that Roslyn reuses what it already bound.</summary>
    private CSharpCompilation Update(CSharpCompilation? previous, string name, IReadOnlyList<SyntaxTree> trees)
    {
        if (previous is null)
        {
            return CSharpCompilation.Create(name, Extra(trees), _baseReferences, OptionsFor(trees));
        }

        var wanted = new HashSet<SyntaxTree>(trees);
        var present = new HashSet<SyntaxTree>(previous.SyntaxTrees);
        CSharpCompilation compilation = previous;
        var byPath = compilation.SyntaxTrees.Where(t => !_sharedSources.Contains(t)).ToDictionary(t => t.FilePath, StringComparer.Ordinal);
        foreach (SyntaxTree tree in trees)
        {
            if (present.Contains(tree))
            {
                continue;
            }

            compilation = byPath.TryGetValue(tree.FilePath, out SyntaxTree? old)
                ? compilation.ReplaceSyntaxTree(old, tree)
                : compilation.AddSyntaxTrees(tree);
        }

        SyntaxTree[] gone = [.. compilation.SyntaxTrees.Where(t => !_sharedSources.Contains(t) && !wanted.Contains(t))];
        if (gone.Length > 0)
        {
            compilation = compilation.RemoveSyntaxTrees(gone);
        }

        if (OptionsFor(trees).OutputKind != compilation.Options.OutputKind)
        {
            compilation = compilation.WithOptions(OptionsFor(trees));
        }

        return compilation;
    }

    /// <summary>
    /// The framework assemblies whose symbols the modules use (as the dependency walk saw them; plus a few every
    /// module may need), and all shared ones. (<c>Compilation.GetUsedAssemblyReferences</c> counts every assembly
    /// with a type in a namespace a <c>using</c> imports, which for <c>using System;</c> is all of them.)
    /// Every namespace lookup in a new compilation searches every reference, so compiling a unit against the ~160
    /// assemblies of the framework costs three to four times what compiling it against the dozen it uses does.
    /// </summary>
    public IReadOnlyList<MetadataReference> SelectReferences(IReadOnlySet<MetadataReference> used)
    {
        return [.. _framework.Where(r => used.Contains(r) || s_coreAssemblies.Contains(Path.GetFileName(r.Display ?? string.Empty))), .. _shared];
    }

    /// <summary>Compiles one unit against the images of the units it uses. Every module may see the internals of
    /// every other, as if they were one project, so each unit names all modules as friends.</summary>
    public (UnitImage? Image, IReadOnlyList<Diagnostic> Diagnostics) Compile(
        string assemblyName,
        IReadOnlyList<SyntaxTree> trees,
        IEnumerable<MetadataReference> dependencies,
        IEnumerable<string> friends,
        IEnumerable<string> namespaces,
        IReadOnlyList<MetadataReference>? references,
        CancellationToken cancellationToken)
    {
        MetadataReference[] dependencyImages = [.. dependencies];
        var friendSource = new StringBuilder();
        foreach (string friend in friends.Where(f => f != assemblyName))
        {
            friendSource.Append("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"").Append(friend).Append("\")]\n");
        }

        foreach (string name in namespaces)
        {
            // Every namespace some module declares exists in every unit, so `using Shapes;` compiles even when
            // nothing of Shapes is used (and so nothing of it is referenced).
            friendSource.Append("namespace ").Append(name).Append(" { }\n");
        }

        SyntaxTree friendTree = CSharpSyntaxTree.ParseText(friendSource.ToString(), _parseOptions, path: string.Empty, cancellationToken: cancellationToken);
        CSharpCompilation compilation = CSharpCompilation.Create(
            assemblyName,
            [.. Extra(trees), friendTree],
            [.. references ?? _baseReferences, .. dependencyImages],
            OptionsFor(trees));
        (UnitImage? Image, IReadOnlyList<Diagnostic> Diagnostics) result = Emit(compilation, cancellationToken);
        if (result.Image is null && references is not null && references.Count < _baseReferences.Count)
        {
            // A reference the selection missed (it is computed from the last good compilation of everything):
            // the whole framework decides.
            result = Emit(compilation.WithReferences([.. _baseReferences, .. dependencyImages]), cancellationToken);
        }

        return result;
    }

    private static (UnitImage? Image, IReadOnlyList<Diagnostic> Diagnostics) Emit(CSharpCompilation compilation, CancellationToken cancellationToken)
    {
        using var assembly = new MemoryStream();
        using var symbols = new MemoryStream();
        using var surface = new MemoryStream();
        EmitResult result = compilation.Emit(
            assembly,
            symbols,
            metadataPEStream: surface,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, includePrivateMembers: false),
            cancellationToken: cancellationToken);
        IReadOnlyList<Diagnostic> diagnostics = [.. result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];
        return result.Success
            ? (new UnitImage(assembly.ToArray(), symbols.ToArray(), ReferenceSurface.Hash(surface.GetBuffer().AsSpan(0, (int)surface.Length))), diagnostics)
            : (null, diagnostics);
    }

    /// <summary>Binds the base references once so that the first real compile is not the slow one.</summary>
    public void WarmUp()
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(
            "static class WarmUp { static int Run() => new List<int> { 1 }.Select(x => x + 1).Sum(); }", _parseOptions);
        _ = Compile("Inkwell.Reload.WarmUp", [tree], [], [], [], null, CancellationToken.None);
    }

    /// <summary>Every namespace declared by the modules, such as <c>Sim</c> and <c>Sim.Physics</c>.</summary>
    public static IReadOnlyList<string> DeclaredNamespaces(CSharpCompilation discovery)
    {
        var names = new List<string>();
        var pending = new Stack<INamespaceSymbol>([discovery.Assembly.GlobalNamespace]);
        while (pending.TryPop(out INamespaceSymbol? current))
        {
            foreach (INamespaceSymbol child in current.GetNamespaceMembers())
            {
                names.Add(child.ToDisplayString());
                pending.Push(child);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public static ReloadDiagnostic ToReloadDiagnostic(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetMappedLineSpan();
        // A generator's diagnostic about an additional file (a .proto) has an external location: it has a line too.
        bool located = diagnostic.Location.Kind is LocationKind.SourceFile or LocationKind.ExternalFile && !string.IsNullOrEmpty(span.Path);
        return new ReloadDiagnostic(
            located ? span.Path : null,
            located ? span.StartLinePosition.Line + 1 : 0,
            located ? span.StartLinePosition.Character + 1 : 0,
            diagnostic.Id,
            diagnostic.Severity == DiagnosticSeverity.Error ? ReloadDiagnosticSeverity.Error : ReloadDiagnosticSeverity.Warning,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Sources every unit compiles with (global usings, assembly attributes) added to a unit's modules.</summary>
    private IEnumerable<SyntaxTree> Extra(IEnumerable<SyntaxTree> trees) => trees.Concat(_sharedSources);

    /// <summary>A unit holding top-level statements is compiled as a program (its <c>&lt;Main&gt;$</c> is the
    /// assembly's entry point; other units may still reference it); every other unit is a library.</summary>
    private CSharpCompilationOptions OptionsFor(IEnumerable<SyntaxTree> trees) =>
        trees.Any(HasTopLevelStatements) ? _compilationOptions.WithOutputKind(OutputKind.ConsoleApplication) : _compilationOptions;

    /// <summary>Whether <paramref name="tree"/> holds top-level statements.</summary>
    public static bool HasTopLevelStatements(SyntaxTree tree) =>
        tree.GetRoot() is CompilationUnitSyntax root && root.Members.Any(m => m is GlobalStatementSyntax);
}
