using Inkwell.Protobuf.Generator.Internal;
using Inkwell.Protobuf.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Protobuf.Generator.Tests;

/// <summary>
/// What reruns after an edit, read from the driver's step tracking: an unrelated edit recomputes nothing; a
/// .proto edit recomputes that file's output (and its importers' when its declarations change), nothing else.
/// </summary>
public sealed class CachingTests
{
    private const string Money = "syntax = \"proto3\";\npackage shop;\n// Money.\nmessage Money { int64 cents = 1; }\n";
    private const string Item = "syntax = \"proto3\";\npackage shop;\nimport \"money.proto\";\nmessage Item { Money price = 1; }\n";
    private const string Zoo = "syntax = \"proto3\";\npackage zoo;\nmessage Cat { bool declawed = 1; }\n";

    private static readonly string[] s_steps = [ProtobufGenerator.ReadStep, ProtobufGenerator.LinkStep, ProtobufGenerator.FileStep, ProtobufGenerator.EmitStep];

    private readonly ProtoProject _project = new ProtoProject()
        .Protobuf("money.proto", Money)
        .Protobuf("item.proto", Item)
        .Protobuf("zoo.proto", Zoo);

    [Fact]
    public void UnrelatedCSharpEdit_RecomputesNothing()
    {
        CSharpCompilation compilation = Compilations.Create([Compilations.Parse("namespace App; class A { }")]);
        GeneratorDriver driver = _project.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        string[] before = Sources(driver);

        CSharpCompilation edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[0], Compilations.Parse("namespace App; class A { int _x; }"))
            .AddSyntaxTrees(Compilations.Parse("namespace App; class B { }"));
        driver = driver.RunGenerators(edited, TestContext.Current.CancellationToken);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in s_steps)
        {
            Assert.All(Reasons(result, step), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(before, Sources(driver));
    }

    [Fact]
    public void EditingOneFile_RegeneratesOnlyThatFile()
    {
        (GeneratorDriver driver, GeneratorRunResult result) = RunEdited("zoo.proto", Zoo.Replace("declawed", "indoor", StringComparison.Ordinal));

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, ProtobufGenerator.ReadStep).Where(r => r != IncrementalStepRunReason.Cached));
        Assert.Equal(["zoo.proto.g.cs"], Recomputed(result));
        Assert.Contains("Indoor", Sources(driver).Single(s => s.Contains("namespace Zoo", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void ChangingWhatAnImportDeclares_RegeneratesItAndItsImporters_NotTheOthers()
    {
        (GeneratorDriver driver, GeneratorRunResult result) = RunEdited("money.proto", Money.Replace("package shop;", "package shop;\noption csharp_namespace = \"Shop.Money\";", StringComparison.Ordinal));

        Assert.Equal(["item.proto.g.cs", "money.proto.g.cs"], Recomputed(result).Order());
        Assert.Contains("global::Shop.Money.Money Price", Sources(driver).Single(s => s.Contains("class Item", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void AddingAFieldToAnImport_DoesNotRegenerateItsImporters()
    {
        // An importer's C# names the imported types only, so their fields cannot change it.
        (_, GeneratorRunResult result) = RunEdited("money.proto", Money.Replace("int64 cents = 1;", "int64 cents = 1; string currency = 2;", StringComparison.Ordinal));

        Assert.Equal(["money.proto.g.cs"], Recomputed(result));
    }

    [Fact]
    public void EditingOnlyACommentOfAnImportedFile_DoesNotRegenerateItsImporters()
    {
        (_, GeneratorRunResult result) = RunEdited("money.proto", Money.Replace("// Money.", "// Money, in cents.", StringComparison.Ordinal));

        // The comment is part of money.proto's own output (a doc comment), but importers only see declarations.
        Assert.Equal(["money.proto.g.cs"], Recomputed(result));
    }

    [Fact]
    public void ChangingAFilesMetadata_RegeneratesThatFile()
    {
        CSharpCompilation compilation = Compilations.Create([Compilations.Parse("namespace App; class A { }")]);
        GeneratorDriver driver = _project.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        ProtoProject changed = new ProtoProject()
            .Protobuf("money.proto", Money)
            .Protobuf("item.proto", Item)
            .Protobuf("zoo.proto", Zoo, ("Access", "Internal"));

        driver = driver.WithUpdatedAnalyzerConfigOptions(changed.Options).RunGenerators(compilation, TestContext.Current.CancellationToken);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Equal(["zoo.proto.g.cs"], Recomputed(result));
        Assert.Contains("internal sealed partial class Cat", result.GeneratedSources.Single(s => s.HintName == "zoo.proto.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    private (GeneratorDriver Driver, GeneratorRunResult Result) RunEdited(string file, string newText)
    {
        CSharpCompilation compilation = Compilations.Create([Compilations.Parse("namespace App; class A { }")]);
        GeneratorDriver driver = _project.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        AdditionalText old = _project.AdditionalTexts.Single(t => t.Path == ProtoProject.PathOf(file));
        driver = driver.ReplaceAdditionalText(old, new InMemoryAdditionalText(old.Path, newText));
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);
        return (driver, driver.GetRunResult().Results.Single());
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason) : [];

    /// <summary>The hint names whose C# the emit step computed again (anything but Cached: Unchanged means it ran and got the same text).</summary>
    private static IEnumerable<string> Recomputed(GeneratorRunResult result) =>
        result.TrackedSteps[ProtobufGenerator.EmitStep]
            .SelectMany(r => r.Outputs)
            .Where(o => o.Reason != IncrementalStepRunReason.Cached)
            .Select(o => ((GeneratedSource)o.Value).HintName);

    private static string[] Sources(GeneratorDriver driver) =>
        [.. driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString())];
}
