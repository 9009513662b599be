using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Protobuf.CSharp.Tests.Infrastructure;

/// <summary>
/// Compiles generated C# in memory with Roslyn the way a strict consumer project would: nullable
/// enabled, every warning an error, XML docs checked, and loads the result.
/// </summary>
internal static class CSharpCompiler
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        string platform = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var paths = platform.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .ToHashSet(StringComparer.Ordinal);
        paths.Add(typeof(Google.Protobuf.IMessage).Assembly.Location);
        // For service code (harmless for the rest: nothing else names it).
        paths.Add(typeof(Grpc.Core.Method<,>).Assembly.Location);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    /// <summary>Compiles and returns the diagnostics that would fail a warnings-as-errors build, and the image.</summary>
    public static (byte[]? Image, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Errors) Compile(
        string assemblyName,
        IEnumerable<KeyValuePair<string, string>> sources,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        bool emit = true,
        IEnumerable<byte[]>? referencedImages = null,
        params string[] preprocessorSymbols)
    {
        CSharpCompilation compilation = CreateCompilation(assemblyName, sources, languageVersion, preprocessorSymbols)
            .AddReferences((referencedImages ?? []).Select(image => MetadataReference.CreateFromImage(image)));
        if (!emit)
        {
            // Checking alone is cheaper than emitting, and finds every error emitting would.
            var diagnostics = compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error || d.IsWarningAsError).ToList();
            return (diagnostics.Count == 0 ? [] : null, diagnostics);
        }
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
        var errors = result.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        return (result.Success ? stream.ToArray() : null, errors);
    }

    /// <summary>Compiles and loads, failing the test with the first diagnostics when the code does not compile.</summary>
    public static Assembly CompileAndLoad(string assemblyName, IEnumerable<KeyValuePair<string, string>> sources, params string[] preprocessorSymbols)
    {
        (byte[]? image, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> errors) = Compile(assemblyName, sources, preprocessorSymbols: preprocessorSymbols);
        Assert.True(image is not null, $"{assemblyName} does not compile:\n" + string.Join("\n", errors.Take(20)));
        return Assembly.Load(image!);
    }

    /// <summary>
    /// Where the code that <paramref name="preprocessorSymbols"/> leave active names a ref struct (ParseContext,
    /// WriteContext, spans) or <c>IBufferMessage</c>, whose members take them: what a compiler without ref structs
    /// rejects, and what <c>GOOGLE_PROTOBUF_REFSTRUCT_COMPATIBILITY_MODE</c> leaves out. One <c>file:line: text</c> each.
    /// </summary>
    public static IReadOnlyList<string> RefStructMentions(IEnumerable<KeyValuePair<string, string>> sources, params string[] preprocessorSymbols)
    {
        CSharpCompilation compilation = CreateCompilation("RefStructMentions", sources, LanguageVersion.Latest, preprocessorSymbols);
        INamedTypeSymbol bufferMessage = compilation.GetTypeByMetadataName(typeof(Google.Protobuf.IBufferMessage).FullName!)!;
        var mentions = new List<string>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            // Inactive #if branches are trivia, not nodes: only the code the symbols select is walked.
            foreach (Microsoft.CodeAnalysis.CSharp.Syntax.TypeSyntax type in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeSyntax>())
            {
                if (model.GetSymbolInfo(type).Symbol is ITypeSymbol symbol
                    && (symbol.IsRefLikeType || SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, bufferMessage)))
                {
                    mentions.Add($"{tree.FilePath}:{type.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {type}");
                }
            }
        }

        return [.. mentions.Distinct(StringComparer.Ordinal)];
    }

    private static CSharpCompilation CreateCompilation(
        string assemblyName, IEnumerable<KeyValuePair<string, string>> sources, LanguageVersion languageVersion, string[] preprocessorSymbols)
    {
        var parseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose, preprocessorSymbols: preprocessorSymbols);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, parseOptions, path: s.Key)).ToList();
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: languageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            warningLevel: 9999,
            deterministic: true,
            // As the SDK does (NoWarn 1701;1702): Google.Protobuf's netstandard references unify with the runtime's.
            specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]);
        return CSharpCompilation.Create(assemblyName, trees, s_references.Value, options);
    }
}
