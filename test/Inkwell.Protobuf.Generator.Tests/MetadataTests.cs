using System.Reflection;
using Inkwell.Protobuf.Generator.Tests.Infrastructure;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace Inkwell.Protobuf.Generator.Tests;

/// <summary>The Grpc.Tools item metadata: ProtoRoot, Access, AdditionalImportDirs, OutputOptions, ProtoCompile, GrpcServices.</summary>
public sealed class MetadataTests
{
    private const string Item = """
        syntax = "proto3";
        package shop;
        import "shop/money.proto";
        message Item { string sku = 1; shop.Money price = 2; }
        """;

    private const string Money = """
        syntax = "proto3";
        package shop;
        message Money { int64 cents = 1; }
        """;

    private const string Greeter = """
        syntax = "proto3";
        package greet;
        message HelloRequest { string name = 1; }
        message HelloReply { string message = 1; }
        service Greeter {
          rpc SayHello (HelloRequest) returns (HelloReply);
        }
        """;

    [Fact]
    public void ProtoRoot_DecidesImportNames()
    {
        GeneratorRun run = new ProtoProject()
            .Protobuf("protos/shop/item.proto", Item, ("ProtoRoot", "protos"))
            .Protobuf("protos/shop/money.proto", Money, ("ProtoRoot", "protos"))
            .Run().AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.NotNull(Compilations.EmitAndLoad(run.Output).GetType("Shop.Item"));
    }

    [Fact]
    public void WithoutProtoRoot_TheProjectIsTheRoot_SoTheImportIsNotFound()
    {
        GeneratorRun run = new ProtoProject()
            .Protobuf("protos/shop/item.proto", Item)
            .Protobuf("protos/shop/money.proto", Money)
            .Run().AssertNoException();

        // protoc's complete list: the import, then what the file misses without it.
        RoslynDiagnostic[] errors = [.. run.Diagnostics.Where(d => d.Location.GetLineSpan().Path == ProtoProject.PathOf("protos/shop/item.proto"))];
        Assert.Equal(["IWP101", "IWP104"], errors.Select(e => e.Id));
        Assert.Equal(["Import \"shop/money.proto\" was not found or had errors.", "\"shop.Money\" is not defined."], errors.Select(e => e.GetMessage()));
        Assert.Equal(2, errors[0].Location.GetLineSpan().StartLinePosition.Line);
        // The file without errors still generates.
        Assert.Equal(["protos.shop.money.proto.g.cs"], run.Sources.Keys);
    }

    [Fact]
    public void FileOutsideItsProtoRoot_IsAnError()
    {
        GeneratorRun run = new ProtoProject().Protobuf("other/money.proto", Money, ("ProtoRoot", "protos")).Run().AssertNoException();

        RoslynDiagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("IWP003", error.Id);
        Assert.Contains("/work/app/protos", error.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void AccessInternal_MakesTypesInternal()
    {
        GeneratorRun run = new ProtoProject().Protobuf("money.proto", Money, ("Access", "Internal")).Run().AssertNoException();

        Type money = Compilations.EmitAndLoad(run.Output).GetType("Shop.Money", throwOnError: true)!;
        Assert.False(money.IsPublic);
        Assert.Contains("internal sealed partial class Money", run.Sources["money.proto.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void AccessPublic_IsTheDefault()
    {
        GeneratorRun run = new ProtoProject().Protobuf("money.proto", Money, ("Access", "Public")).Run().AssertNoException();

        Assert.True(Compilations.EmitAndLoad(run.Output).GetType("Shop.Money", throwOnError: true)!.IsPublic);
    }

    [Fact]
    public void OutputOptions_ArePassedToTheCSharpGenerator()
    {
        // Money contains itself here: only such messages get a size cache, so cache_sizes=false is what removes it.
        const string RecursiveMoney = """
            syntax = "proto3";
            package shop;
            message Money { int64 cents = 1; repeated Money parts = 2; }
            """;
        GeneratorRun run = new ProtoProject().Protobuf("money.proto", RecursiveMoney, ("OutputOptions", "serializable;cache_sizes=false")).Run().AssertNoException();

        Type money = Compilations.EmitAndLoad(run.Output).GetType("Shop.Money", throwOnError: true)!;
        Assert.NotNull(money.GetCustomAttribute<SerializableAttribute>());
        Assert.DoesNotContain("_inkwell_cachedSize", run.Sources["money.proto.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void OutputPathOptions_AreIgnored_ForGeneratedSourcesHaveNoPath()
    {
        // protoc would reject base_namespace=Elsewhere for package shop; here it decides nothing.
        GeneratorRun run = new ProtoProject().Protobuf("money.proto", Money, ("OutputOptions", "file_extension=.pb.cs;base_namespace=Elsewhere")).Run().AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["money.proto.g.cs"], run.Sources.Keys);
    }

    [Fact]
    public void UnknownOutputOption_IsReportedOnTheFile()
    {
        GeneratorRun run = new ProtoProject()
            .Protobuf("money.proto", Money, ("OutputOptions", "no_such_option"))
            .Protobuf("zoo.proto", Schemas.Zoo)
            .Run().AssertNoException();

        RoslynDiagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("IWP004", error.Id);
        Assert.Equal(ProtoProject.PathOf("money.proto"), error.Location.GetLineSpan().Path);
        Assert.Contains("no_such_option", error.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(["zoo.proto.g.cs"], run.Sources.Keys);
    }

    [Fact]
    public void AdditionalImportDirs_ResolveImportOnlyFiles_WhichAreNotGenerated()
    {
        GeneratorRun run = new ProtoProject()
            .Protobuf("item.proto", Item, ("AdditionalImportDirs", "../shared/protos"))
            .ImportOnly("/work/shared/protos/shop/money.proto", Money)
            .Run().AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["item.proto.g.cs"], run.Sources.Keys);
        // Money comes from elsewhere (another assembly, as with Grpc.Tools), so this compilation lacks it.
        Assert.Contains("global::Shop.Money", run.Sources["item.proto.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void ProtoCompileFalse_ServesImportsOnly()
    {
        GeneratorRun run = new ProtoProject()
            .Protobuf("protos/shop/item.proto", Item, ("ProtoRoot", "protos"))
            .Protobuf("protos/shop/money.proto", Money, ("ProtoRoot", "protos"), ("ProtoCompile", "False"))
            .Run().AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["protos.shop.item.proto.g.cs"], run.Sources.Keys);
    }

    [Fact]
    public void PlainAdditionalFiles_NeverAskedForServices()
    {
        GeneratorRun run = new ProtoProject().AdditionalFile("greet.proto", Greeter).Run().AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["greet.proto.g.cs"], run.Sources.Keys);
    }

    [Fact]
    public void FileShadowedByAnImportDirectory_IsReported()
    {
        GeneratorRun run = new ProtoProject()
            .Protobuf("money.proto", Money, ("AdditionalImportDirs", "vendor"))
            .ImportOnly("vendor/money.proto", Money)
            .Run().AssertNoException();

        RoslynDiagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("IWP006", error.Id);
        Assert.Contains("/work/app/vendor/money.proto", error.GetMessage(), StringComparison.Ordinal);
    }
}
