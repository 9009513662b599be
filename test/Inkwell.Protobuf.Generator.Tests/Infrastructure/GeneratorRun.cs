using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace Inkwell.Protobuf.Generator.Tests.Infrastructure;

/// <summary>What one generator run produced: sources by hint name, the generator's diagnostics, and the compilation with the sources added.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<RoslynDiagnostic> DriverDiagnostics)
{
    public GeneratorRunResult Generator => Result.Results.Single();

    /// <summary>Generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        Generator.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>The generator's own diagnostics (IWP…) plus any "generator failed" from the driver.</summary>
    public ImmutableArray<RoslynDiagnostic> Diagnostics => [.. Generator.Diagnostics, .. DriverDiagnostics.Where(d => !Generator.Diagnostics.Contains(d))];

    /// <summary>Fails unless the generator threw nothing (an exception would show up as CS8785 or on the result).</summary>
    public GeneratorRun AssertNoException()
    {
        Assert.Null(Generator.Exception);
        Assert.DoesNotContain(DriverDiagnostics, d => d.Id is "CS8784" or "CS8785");
        return this;
    }
}
