using System.Reflection;
using Google.Protobuf;
using Microsoft.CodeAnalysis;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Protobuf.Generator.Tests.Infrastructure;

/// <summary>C# compilations against the running framework and Google.Protobuf, strict: nullable on, every warning an error.</summary>
internal static class Compilations
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0)
            // The test project references Grpc.Core.Api for the service tests, which pass it when they want it:
            // a project without it is what the others model (and what IWP009 is about).
            .Where(p => !Path.GetFileName(p).StartsWith("Grpc.", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(IMessage).Assembly.Location),
    ]);

    public static SyntaxTree Parse(string code) => CSharpSyntaxTree.ParseText(code, ParseOptions);

    /// <summary>Nullable on, every warning (at the highest warning level) an error.</summary>
    public static readonly CSharpCompilationOptions Strict = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        generalDiagnosticOption: ReportDiagnostic.Error,
        warningLevel: 9999,
        // As the SDK does (NoWarn 1701;1702): Google.Protobuf's netstandard references unify with the runtime's.
        specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]);

    /// <summary>A compilation with default options, so the generator's warnings stay warnings; <see cref="EmitAndLoad"/> makes it strict.</summary>
    public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        "Generated" + Guid.NewGuid().ToString("N"),
        trees,
        s_references.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>Emits the compilation (which must have no warnings or errors at all) and loads it.</summary>
    public static Assembly EmitAndLoad(Compilation compilation) => Assembly.Load(Emit(compilation));

    /// <summary>Emits the compilation, which must have no warnings or errors at all.</summary>
    public static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.WithOptions(Strict).Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
        var problems = result.Diagnostics.Where(d => d.Severity >= RoslynSeverity.Warning || d.IsWarningAsError).ToList();
        Assert.True(result.Success && problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems));
        return stream.ToArray();
    }
}
