using Inkwell.Protobuf.Generator.Internal;
using Inkwell.Protobuf.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Protobuf.Generator.Tests;

/// <summary>
/// What reruns after an edit, read from the driver's step tracking: an unrelated edit recomputes nothing; a
/// .proto edit re-parses that file only, and recomputes that file's output (and its importers' when its
/// declarations change), nothing else.
/// </summary>
public sealed class CachingTests
{
    private const string Money = "syntax = \"proto3\";\npackage shop;\n// Money.\nmessage Money { int64 cents = 1; }\n";
    private const string Item = "syntax = \"proto3\";\npackage shop;\nimport \"money.proto\";\nmessage Item { Money price = 1; }\n";
    private const string Zoo = "syntax = \"proto3\";\npackage zoo;\nmessage Cat { bool declawed = 1; }\n";
    private const string Animal = "syntax = \"proto3\";\npackage pets;\nmessage Animal {\n  subtypes 100 to 199 [encoding = ANY];\n  float weight = 1;\n}\n";
    private const string Cat = "syntax = \"proto3\";\npackage pets;\nimport \"animal.proto\";\nmessage Cat : Animal = 100 { bool declawed = 1; }\nmessage Owner { Animal pet = 1; }\n";

    private static readonly string[] s_steps = [ProtobufGenerator.ReadStep, ProtobufGenerator.ParseStep, ProtobufGenerator.LinkStep, ProtobufGenerator.FileStep, ProtobufGenerator.EmitStep];

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
        Assert.Equal(["zoo.proto"], Reparsed(result));
        Assert.Equal(["zoo.proto.g.cs"], Recomputed(result));
        Assert.Contains("Indoor", Sources(driver).Single(s => s.Contains("namespace Zoo", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void ChangingWhatAnImportDeclares_RegeneratesItAndItsImporters_NotTheOthers()
    {
        (GeneratorDriver driver, GeneratorRunResult result) = RunEdited("money.proto", Money.Replace("package shop;", "package shop;\noption csharp_namespace = \"Shop.Money\";", StringComparison.Ordinal));

        Assert.Equal(["money.proto"], Reparsed(result));
        Assert.Equal(["item.proto.g.cs", "money.proto.g.cs"], Recomputed(result).Order());
        Assert.Contains("global::Shop.Money.Money Price", Sources(driver).Single(s => s.Contains("class Item", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void AddingAFieldToAnImport_DoesNotRegenerateItsImporters()
    {
        // An importer's C# names the imported types only, so their fields cannot change it.
        (_, GeneratorRunResult result) = RunEdited("money.proto", Money.Replace("int64 cents = 1;", "int64 cents = 1; string currency = 2;", StringComparison.Ordinal));

        Assert.Equal(["money.proto"], Reparsed(result));
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
        Assert.Equal(["zoo.proto"], Reparsed(result));
        Assert.Equal(["zoo.proto.g.cs"], Recomputed(result));
        Assert.Contains("internal sealed partial class Cat", result.GeneratedSources.Single(s => s.HintName == "zoo.proto.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void InAProjectWithInheritance_EditingAnotherFile_ReparsesAndRegeneratesOnlyIt()
    {
        (GeneratorDriver driver, GeneratorRunResult result) = RunEdited(HierarchyProject(), "zoo.proto", Zoo.Replace("declawed", "indoor", StringComparison.Ordinal));

        Assert.Equal(["zoo.proto"], Reparsed(result));
        Assert.Equal(["zoo.proto.g.cs"], Recomputed(result));
        Assert.Equal(["animal.proto.g.cs", "cat.proto.g.cs", "inkwell.inheritance.proto.g.cs", "zoo.proto.g.cs"], HintNames(driver).Order());
        Assert.Empty(driver.GetRunResult().Diagnostics);
    }

    [Fact]
    public void InAHierarchy_AddingAFieldToASubtype_ReparsesItAlone_AndRegeneratesNeitherTheBaseNorUnrelatedFiles()
    {
        (GeneratorDriver driver, GeneratorRunResult result) = RunEdited(HierarchyProject(), "cat.proto", Cat.Replace("bool declawed = 1;", "bool declawed = 1; string toy = 2;", StringComparison.Ordinal));

        Assert.Equal(["cat.proto"], Reparsed(result));
        Assert.Equal(["cat.proto.g.cs"], Recomputed(result));
        Assert.Contains("public string Toy", Source(driver, "cat.proto.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void InAnOpenHierarchyAcrossFiles_AddingAFieldToAMiddleSubtype_RegeneratesOnlyItsFile()
    {
        // animal.proto and kitten.proto see cat.proto's declarations (Cat is a subtype of one, the base of the
        // other), but declarations carry no fields.
        const string AnyCat = "syntax = \"proto3\";\npackage pets;\nimport \"animal.proto\";\nmessage Cat : Animal = 100 {\n  subtypes 10 to 19 [encoding = ANY];\n  bool declawed = 1;\n}\n";
        const string Kitten = "syntax = \"proto3\";\npackage pets;\nimport \"cat.proto\";\nmessage Kitten : Cat = 10 { string toy = 1; }\n";
        ProtoProject project = new ProtoProject()
            .Protobuf("animal.proto", Animal)
            .Protobuf("cat.proto", AnyCat)
            .Protobuf("kitten.proto", Kitten);

        (GeneratorDriver driver, GeneratorRunResult result) = RunEdited(project, "cat.proto", AnyCat.Replace("bool declawed = 1;", "bool declawed = 1; int32 lives = 2;", StringComparison.Ordinal));

        Assert.Equal(["cat.proto"], Reparsed(result));
        Assert.Equal(["cat.proto.g.cs"], Recomputed(result));
        Assert.Empty(driver.GetRunResult().Diagnostics);
    }

    [Fact]
    public void InAnOpenHierarchy_AddingASubtypeInAnotherFile_RegeneratesTheBasesFile()
    {
        // The base's parser dispatches to its subtypes' classes, so a new subtype changes the base's C#.
        (GeneratorDriver driver, GeneratorRunResult result) = RunEdited(HierarchyProject(), "cat.proto", Cat + "message Dog : Animal = 101 { }\n");

        Assert.Equal(["cat.proto"], Reparsed(result));
        Assert.Equal(["animal.proto.g.cs", "cat.proto.g.cs"], Recomputed(result).Order());
        Assert.Contains("global::Pets.Dog", Source(driver, "animal.proto.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void EditingAnImportOnlyFileThatNothingImports_RegeneratesNothing()
    {
        ProtoProject project = new ProtoProject()
            .Protobuf("item.proto", Item.Replace("import \"money.proto\";", "import \"shop/money.proto\";", StringComparison.Ordinal), ("AdditionalImportDirs", "vendor"))
            .ImportOnly("vendor/shop/money.proto", Money)
            .ImportOnly("vendor/unused.proto", Zoo);

        (GeneratorDriver driver, GeneratorRunResult result) = RunEdited(project, "vendor/unused.proto", Zoo.Replace("declawed", "indoor", StringComparison.Ordinal));

        Assert.Empty(Recomputed(result));
        Assert.Equal(["item.proto.g.cs"], HintNames(driver));
        Assert.Empty(driver.GetRunResult().Diagnostics);
    }

    /// <summary>An ANY base in animal.proto, a subtype in cat.proto, and zoo.proto outside the hierarchy.</summary>
    private static ProtoProject HierarchyProject() => new ProtoProject()
        .Protobuf("animal.proto", Animal)
        .Protobuf("cat.proto", Cat)
        .Protobuf("zoo.proto", Zoo);

    private const string Shop = "syntax = \"proto3\";\npackage shop;\nimport \"item.proto\";\nimport \"money.proto\";\nservice Till {\n  rpc Price(Item) returns (Money);\n}\n";

    private static ProtoProject ServiceProject() => new ProtoProject()
        .Protobuf("money.proto", Money)
        .Protobuf("item.proto", Item)
        .Protobuf("shop.proto", Shop);

    [Fact]
    public void EditingAServiceFile_RegeneratesThatFileAndItsServicesOnly()
    {
        (GeneratorDriver driver, GeneratorRunResult result) = RunEdited(ServiceProject(), "shop.proto", Shop.Replace("rpc Price(Item) returns (Money);", "rpc Price(Item) returns (Money);\n  rpc Refund(Item) returns (Money);", StringComparison.Ordinal),
            MetadataReference.CreateFromFile(typeof(Grpc.Core.Method<,>).Assembly.Location));

        Assert.Equal(["shop.proto"], Reparsed(result));
        Assert.Equal(["shop.proto.g.cs"], Recomputed(result));
        Assert.Contains("__Method_Refund", Source(driver, "shop.proto.grpc.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void AddingAFieldToAMessageAServiceUses_DoesNotRegenerateTheServices()
    {
        // Service code names the request and response classes only, as messages name the types of their fields.
        (_, GeneratorRunResult result) = RunEdited(ServiceProject(), "money.proto", Money.Replace("int64 cents = 1;", "int64 cents = 1; string currency = 2;", StringComparison.Ordinal));

        Assert.Equal(["money.proto"], Reparsed(result));
        Assert.Equal(["money.proto.g.cs"], Recomputed(result));
    }

    private (GeneratorDriver Driver, GeneratorRunResult Result) RunEdited(string file, string newText) => RunEdited(_project, file, newText);

    private static (GeneratorDriver Driver, GeneratorRunResult Result) RunEdited(ProtoProject project, string file, string newText, params MetadataReference[] references)
    {
        CSharpCompilation compilation = Compilations.Create([Compilations.Parse("namespace App; class A { }")]).AddReferences(references);
        GeneratorDriver driver = project.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        AdditionalText old = project.AdditionalTexts.Single(t => t.Path == ProtoProject.PathOf(file));
        driver = driver.ReplaceAdditionalText(old, new InMemoryAdditionalText(old.Path, newText));
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);
        return (driver, driver.GetRunResult().Results.Single());
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason) : [];

    /// <summary>The files (relative to the project) the parse step parsed again; every other parse was reused.</summary>
    private static IEnumerable<string> Reparsed(GeneratorRunResult result) =>
        result.TrackedSteps[ProtobufGenerator.ParseStep]
            .SelectMany(r => r.Outputs)
            .Where(o => o.Reason != IncrementalStepRunReason.Cached)
            .Select(o => ((ParsedSource)o.Value).Source.HintPath);

    /// <summary>The hint names whose C# the emit step computed again (anything but Cached: Unchanged means it ran and got the same text).</summary>
    private static IEnumerable<string> Recomputed(GeneratorRunResult result) =>
        result.TrackedSteps[ProtobufGenerator.EmitStep]
            .SelectMany(r => r.Outputs)
            .Where(o => o.Reason != IncrementalStepRunReason.Cached)
            .Select(o => ((GeneratedSource)o.Value).HintName);

    private static string[] HintNames(GeneratorDriver driver) =>
        [.. driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName)];

    private static string Source(GeneratorDriver driver, string hintName) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    private static string[] Sources(GeneratorDriver driver) =>
        [.. driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString())];
}
