using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp;
using Inkwell.Protobuf.Generator.Tests.Infrastructure;

namespace Inkwell.Protobuf.Generator.Tests;

public sealed class GenerationTests
{
    [Fact]
    public void ProtobufItem_GeneratesCodeThatCompilesStrictlyAndRoundTrips()
    {
        GeneratorRun run = new ProtoProject().Protobuf("zoo.proto", Schemas.Zoo).Run().AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["zoo.proto.g.cs"], run.Sources.Keys);
        Assembly assembly = Compilations.EmitAndLoad(run.Output);

        // Build a Cat-holding Animal through the runtime's reflection, then parse its bytes with the generated parser.
        Type animalType = assembly.GetType("Zoo.Model.Animal", throwOnError: true)!;
        var descriptor = (MessageDescriptor)animalType.GetProperty("Descriptor")!.GetValue(null)!;
        var animal = (IMessage)Activator.CreateInstance(animalType)!;
        descriptor.FindFieldByName("weight").Accessor.SetValue(animal, 4.5f);
        var cat = (IMessage)Activator.CreateInstance(assembly.GetType("Zoo.Model.Cat", throwOnError: true)!)!;
        cat.Descriptor.FindFieldByName("declawed").Accessor.SetValue(cat, true);
        descriptor.FindFieldByName("cat").Accessor.SetValue(animal, cat);

        byte[] bytes = animal.ToByteArray();
        Assert.Equal([0x0D, 0x00, 0x00, 0x90, 0x40, 0xA2, 0x06, 0x02, 0x08, 0x01], bytes);
        IMessage parsed = descriptor.Parser.ParseFrom(bytes);
        Assert.Equal(animal, parsed);
        Assert.Equal("{ \"weight\": 4.5, \"cat\": { \"declawed\": true } }", JsonFormatter.Default.Format(parsed));
    }

    [Fact]
    public void Output_IsWhatTheCSharpGeneratorWritesForTheCompilersDescriptors()
    {
        GeneratorRun run = new ProtoProject().Protobuf("protos/zoo.proto", Schemas.Zoo, ("ProtoRoot", "protos")).Run().AssertNoException();

        CompilationResult compiled = ProtoCompiler.Compile(["zoo.proto"], new InMemoryResolver(new Dictionary<string, string> { ["zoo.proto"] = Schemas.Zoo }), TestContext.Current.CancellationToken);
        string expected = CSharpGenerator.Generate([compiled.Files[0].ToFileDescriptorProto(includeSourceInfo: true)], ["zoo.proto"])[0].Content;
        Assert.Equal(expected, run.Sources["protos.zoo.proto.g.cs"]);
        Assert.Contains("/// An animal; its subtype says which kind.", expected);
    }

    [Fact]
    public void WellKnownTypesAndDescriptorProto_AreBuiltIn()
    {
        GeneratorRun run = new ProtoProject().Protobuf("shop.proto", Schemas.WellKnown).Run().AssertNoException();

        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        Assembly assembly = Compilations.EmitAndLoad(run.Output);
        Type order = assembly.GetType("Shop.Model.Order", throwOnError: true)!;
        Assert.Equal(typeof(Google.Protobuf.WellKnownTypes.Timestamp), order.GetProperty("Placed")!.PropertyType);
        Assert.Equal(typeof(string), order.GetProperty("Note")!.PropertyType);
        var descriptor = (MessageDescriptor)order.GetProperty("Descriptor")!.GetValue(null)!;
        Assert.Equal("orders", descriptor.GetOptions().GetExtension((Extension<MessageOptions, string>)assembly
            .GetType("Shop.Model.ShopExtensions", throwOnError: true)!.GetField("Table")!.GetValue(null)!));
    }

    [Fact]
    public void ImportsBetweenProjectFiles_Resolve_AndEachFileGetsItsOwnSource()
    {
        GeneratorRun run = new ProtoProject()
            .Protobuf("protos/common/money.proto", """
                syntax = "proto3";
                package common;
                message Money { string currency = 1; int64 units = 2; }
                """, ("ProtoRoot", "protos"))
            .Protobuf("protos/billing/invoice.proto", """
                syntax = "proto3";
                package billing;
                import "common/money.proto";
                message Invoice { common.Money total = 1; }
                """, ("ProtoRoot", "protos"))
            .Run().AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["protos.billing.invoice.proto.g.cs", "protos.common.money.proto.g.cs"], run.Sources.Keys.Order());
        Assembly assembly = Compilations.EmitAndLoad(run.Output);
        Assert.Equal(assembly.GetType("Common.Money"), assembly.GetType("Billing.Invoice")!.GetProperty("Total")!.PropertyType);
    }

    [Fact]
    public void TwoFilesWithTheSameNameInDifferentFolders_BothGenerate()
    {
        GeneratorRun run = new ProtoProject()
            .Protobuf("north/a.proto", "syntax = \"proto3\"; package north; message Gate { int32 id = 1; }")
            .Protobuf("south/a.proto", "syntax = \"proto3\"; package south; message Gate { string id = 1; }")
            .Run().AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["north.a.proto.g.cs", "south.a.proto.g.cs"], run.Sources.Keys.Order());
        Assembly assembly = Compilations.EmitAndLoad(run.Output);
        Assert.Equal(typeof(int), assembly.GetType("North.Gate")!.GetProperty("Id")!.PropertyType);
        Assert.Equal(typeof(string), assembly.GetType("South.Gate")!.GetProperty("Id")!.PropertyType);
    }

    [Fact]
    public void HintNamesThatWouldCollide_AreMadeUnique()
    {
        // Folders become dots in hint names, so "x/y.proto" and "x.y.proto" would both be "x.y.proto.g.cs".
        GeneratorRun run = new ProtoProject()
            .Protobuf("x/y.proto", "syntax = \"proto3\"; package one; message A { }")
            .Protobuf("x.y.proto", "syntax = \"proto3\"; package two; message B { }")
            .Run().AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["x.y.proto.2.g.cs", "x.y.proto.g.cs"], run.Sources.Keys.Order(StringComparer.Ordinal));
        Compilations.EmitAndLoad(run.Output);
    }

    [Fact]
    public void PlainAdditionalFiles_Generate()
    {
        GeneratorRun run = new ProtoProject().AdditionalFile("zoo.proto", Schemas.Zoo).Run().AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.NotNull(Compilations.EmitAndLoad(run.Output).GetType("Zoo.Model.Dog"));
    }

    [Fact]
    public void FilesThatAreNotProto_AreIgnored()
    {
        GeneratorRun run = new ProtoProject().AdditionalFile("notes.txt", "message X {").Run().AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void WithoutGoogleProtobuf_OneClearErrorSaysWhatToAdd()
    {
        var project = new ProtoProject().Protobuf("zoo.proto", Schemas.Zoo);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("NoRuntime", [Compilations.Parse("class A { }")],
            [Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);
        var result = project.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken).GetRunResult();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("IWP007", error.Id);
        Assert.Contains("PackageReference Include=\"Google.Protobuf\"", error.GetMessage(), StringComparison.Ordinal);
    }
}
