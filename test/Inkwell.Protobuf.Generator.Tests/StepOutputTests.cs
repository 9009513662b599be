using Inkwell.Protobuf.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Protobuf.Generator.Tests;

/// <summary>
/// The generator's cached step outputs (what the driver keeps from one run to the next) hold no Roslyn object:
/// walked field by field after a first run and after an edit, over projects with services, hierarchies, imports and
/// diagnostics.
/// </summary>
public sealed class StepOutputTests
{
    private const string Money = "syntax = \"proto3\";\npackage shop;\nmessage Money { int64 cents = 1; }\n";
    private const string Item = "syntax = \"proto3\";\npackage shop;\nimport \"money.proto\";\nmessage Item { Money price = 1; }\n";
    private const string Till = "syntax = \"proto3\";\npackage shop;\nimport \"item.proto\";\nimport \"money.proto\";\nservice Till {\n  rpc Price(Item) returns (Money);\n}\n";
    private const string Animal = "syntax = \"proto3\";\npackage pets;\nmessage Animal {\n  subtypes 100 to 199 [encoding = ANY];\n  float weight = 1;\n}\n";
    private const string Cat = "syntax = \"proto3\";\npackage pets;\nimport \"animal.proto\";\nmessage Cat : Animal = 100 { bool declawed = 1; }\n";
    private const string Broken = "syntax = \"proto3\";\npackage bad;\nmessage Broken { Missing m = 1; }\n";

    private static readonly string[] s_steps = [ProtobufGenerator.ReadStep, ProtobufGenerator.ParseStep, ProtobufGenerator.LinkStep, ProtobufGenerator.FileStep, ProtobufGenerator.EmitStep];

    [Fact]
    public void EveryStepOutput_HoldsNoRoslynObject_BeforeAndAfterAnEdit()
    {
        ProtoProject project = new ProtoProject()
            .Protobuf("money.proto", Money)
            .Protobuf("item.proto", Item)
            .Protobuf("till.proto", Till)
            .Protobuf("animal.proto", Animal)
            .Protobuf("cat.proto", Cat)
            .Protobuf("broken.proto", Broken);
        CSharpCompilation compilation = Compilations.Create([Compilations.Parse("namespace App; class A { }")])
            .AddReferences(MetadataReference.CreateFromFile(typeof(Grpc.Core.Method<,>).Assembly.Location));

        GeneratorDriver driver = project.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        AssertNoRoslynObjects(driver.GetRunResult().Results.Single(), "first run");

        AdditionalText cat = project.AdditionalTexts.Single(t => t.Path == ProtoProject.PathOf("cat.proto"));
        driver = driver.ReplaceAdditionalText(cat, new InMemoryAdditionalText(cat.Path, Cat.Replace("bool declawed = 1;", "bool declawed = 1; string toy = 2;", StringComparison.Ordinal)));
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);
        GeneratorRunResult edited = driver.GetRunResult().Results.Single();
        AssertNoRoslynObjects(edited, "after an edit");

        // The walk saw real outputs: the broken file's diagnostic and the edited file's C#.
        Assert.Contains(driver.GetRunResult().Diagnostics, d => d.Id == "IWP104");
        Assert.Contains("public string Toy", edited.GeneratedSources.Single(s => s.HintName == "cat.proto.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheFinder_FindsARoslynObjectBehindFields()
    {
        // The check above can fail: a syntax tree two fields deep in an ordinary object is found, with its path.
        SyntaxTree tree = Compilations.Parse("class A { }");
        var holder = new { Name = "outer", Inner = new List<object> { 1, new { Tree = tree } } };

        string? path = RoslynObjectFinder.FindPath(holder, "holder");

        Assert.NotNull(path);
        Assert.Contains("Tree", path, StringComparison.Ordinal);
        Assert.Null(RoslynObjectFinder.FindPath(new { Name = "plain", Numbers = new[] { 1, 2 } }, "plain"));
    }

    private static void AssertNoRoslynObjects(GeneratorRunResult result, string when)
    {
        int walked = 0;
        foreach (string step in s_steps)
        {
            Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), $"step {step} was not tracked {when}");
            foreach ((IncrementalGeneratorRunStep run, int runIndex) in runs.Select((r, i) => (r, i)))
            {
                foreach (((object value, _), int outputIndex) in run.Outputs.Select((o, i) => (o, i)))
                {
                    string? path = RoslynObjectFinder.FindPath(value, $"{step}[{runIndex}].Outputs[{outputIndex}]");
                    Assert.True(path is null, $"{when}: a cached step output reaches a Roslyn object: {path}");
                    walked++;
                }
            }
        }

        Assert.True(walked >= 6, $"{when}: only {walked} step outputs were walked");
    }
}
