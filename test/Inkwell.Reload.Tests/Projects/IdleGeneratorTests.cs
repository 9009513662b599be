using Inkwell.Reload.Internal.Projects;
using Microsoft.CodeAnalysis;

namespace Inkwell.Reload.Tests.Projects;

/// <summary>The SDK's own Razor source generator (the one every web project carries) runs on reloads only when the project
/// has a <c>.razor</c> or <c>.cshtml</c> file for it; the other generators always run.</summary>
public sealed class IdleGeneratorTests
{
    [Fact]
    public void RazorGenerator_IsLeftOut_WithoutRazorFiles_AndKept_WithOne()
    {
        string? razor = FindRazorGenerator();
        if (razor is null)
        {
            Assert.Skip("The SDK's Razor source generator (sdk/*/Sdks/Microsoft.NET.Sdk.Razor/source-generators) was not found beside the runtime.");
        }

        var notes = new List<string>();
        IReadOnlyList<ISourceGenerator> generators = AnalyzerLoader.GeneratorsOf([razor], notes.Add);
        Assert.Contains(generators, IsRazor);

        Assert.DoesNotContain(ProjectSession.WithoutIdleGenerators(generators, ["/app/zoo.proto", "/app/appsettings.json"]), IsRazor);
        Assert.Contains(ProjectSession.WithoutIdleGenerators(generators, ["/app/zoo.proto", "/app/Pages/Index.CSHTML"]), IsRazor);
        Assert.Contains(ProjectSession.WithoutIdleGenerators(generators, ["/app/Components/Counter.razor"]), IsRazor);
        Assert.Empty(notes);
    }

    private static bool IsRazor(ISourceGenerator generator) => generator.GetGeneratorType().Name == "RazorSourceGenerator";

    private static string? FindRazorGenerator()
    {
        // The runtime is at DOTNET_ROOT/shared/Microsoft.NETCore.App/VERSION; the SDKs at DOTNET_ROOT/sdk/VERSION.
        string? root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location))));
        string sdks = Path.Combine(root ?? string.Empty, "sdk");
        return Directory.Exists(sdks)
            ? Directory.EnumerateDirectories(sdks).Order(StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "Sdks", "Microsoft.NET.Sdk.Razor", "source-generators", "Microsoft.CodeAnalysis.Razor.Compiler.dll"))
                .LastOrDefault(File.Exists)
            : null;
    }
}
