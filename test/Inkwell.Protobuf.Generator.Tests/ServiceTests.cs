using System.Reflection;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp;
using Inkwell.Protobuf.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace Inkwell.Protobuf.Generator.Tests;

/// <summary>
/// gRPC services from <c>&lt;Protobuf&gt;</c> items, as Grpc.Tools reads them: <c>GrpcServices="Both|Client|Server|None"</c>
/// (default Both), <c>GrpcOutputOptions</c>, <c>Access</c>; the service code is <see cref="CSharpGenerator.GenerateServices(IEnumerable{FileDescriptorProto}, IEnumerable{string}, GrpcGeneratorOptions?)"/>'s
/// text (grpc_csharp_plugin's), in a source of its own next to the messages'.
/// </summary>
public sealed class ServiceTests
{
    private const string Greeter = """
        syntax = "proto3";
        package greet;
        message HelloRequest { string name = 1; }
        message HelloReply { string message = 1; }
        // Says hello.
        service Greeter {
          rpc SayHello (HelloRequest) returns (HelloReply);
          rpc SayHellos (HelloRequest) returns (stream HelloReply);
        }
        """;

    private static readonly MetadataReference s_grpcApi = MetadataReference.CreateFromFile(typeof(Grpc.Core.Method<,>).Assembly.Location);

    [Fact]
    public void Services_WithGrpcServicesUnset_AreGeneratedAsTheGeneratorApiWritesThem()
    {
        GeneratorRun run = new ProtoProject().Protobuf("protos/greet.proto", Greeter, ("ProtoRoot", "protos")).Run(s_grpcApi).AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["protos.greet.proto.g.cs", "protos.greet.proto.grpc.g.cs"], run.Sources.Keys.Order(StringComparer.Ordinal));
        CompilationResult compiled = ProtoCompiler.Compile(["greet.proto"], new InMemoryResolver(new Dictionary<string, string> { ["greet.proto"] = Greeter }), TestContext.Current.CancellationToken);
        GeneratedFile expected = Assert.Single(CSharpGenerator.GenerateServices(compiled.AllFiles.Select(f => f.ToFileDescriptorProto(includeSourceInfo: true)), ["greet.proto"]));
        Assert.Equal(expected.Content, run.Sources["protos.greet.proto.grpc.g.cs"]);
        Assembly assembly = Compilations.EmitAndLoad(run.Output);
        Assert.NotNull(assembly.GetType("Greet.Greeter+GreeterBase"));
        Assert.NotNull(assembly.GetType("Greet.Greeter+GreeterClient"));
    }

    [Theory]
    [InlineData("Both", true, true)]
    [InlineData("both", true, true)]
    [InlineData("Client", true, false)]
    [InlineData("Server", false, true)]
    public void GrpcServices_DecidesClientAndServer(string value, bool client, bool server)
    {
        GeneratorRun run = new ProtoProject().Protobuf("greet.proto", Greeter, ("GrpcServices", value)).Run(s_grpcApi).AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assembly assembly = Compilations.EmitAndLoad(run.Output);
        Assert.Equal(client, assembly.GetType("Greet.Greeter+GreeterClient") is not null);
        Assert.Equal(server, assembly.GetType("Greet.Greeter+GreeterBase") is not null);
        Assert.Equal(server, assembly.GetType("Greet.Greeter")!.GetMethods().Any(m => m.Name == "BindService"));
    }

    [Fact]
    public void GrpcServicesNone_GeneratesMessagesOnly()
    {
        GeneratorRun run = new ProtoProject().Protobuf("greet.proto", Greeter, ("GrpcServices", "None")).Run().AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["greet.proto.g.cs"], run.Sources.Keys);
    }

    [Fact]
    public void GrpcServices_UnknownValue_IsAnErrorAtTheItem()
    {
        GeneratorRun run = new ProtoProject().Protobuf("greet.proto", Greeter, ("GrpcServices", "Neither")).Run(s_grpcApi).AssertNoException();

        RoslynDiagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("IWP004", error.Id);
        Assert.Equal("greet.proto: GrpcServices=\"Neither\" is not one of Both, Client, Server, None", error.GetMessage());
        Assert.Equal(ProtoProject.PathOf("greet.proto"), error.Location.GetLineSpan().Path);
    }

    [Fact]
    public void AccessInternalAndGrpcOutputOptions_ReachTheServiceCode()
    {
        GeneratorRun run = new ProtoProject()
            .Protobuf("greet.proto", Greeter, ("Access", "Internal"), ("GrpcOutputOptions", "no_client;file_suffix=.x.cs"))
            .Run(s_grpcApi).AssertNoException();

        Assert.Empty(run.Diagnostics);
        string services = run.Sources["greet.proto.grpc.g.cs"];
        Assert.Contains("internal static partial class Greeter", services, StringComparison.Ordinal);
        Assert.DoesNotContain("GreeterClient", services, StringComparison.Ordinal);
        Compilations.EmitAndLoad(run.Output);
    }

    [Fact]
    public void Services_WithoutGrpcCoreApi_AreAnErrorAtTheItemThatNamesThePackages()
    {
        GeneratorRun run = new ProtoProject().Protobuf("greet.proto", Greeter).Run().AssertNoException();

        RoslynDiagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("IWP009", error.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(ProtoProject.PathOf("greet.proto"), error.Location.GetLineSpan().Path);
        Assert.Contains("Grpc.Core.Api", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Grpc.AspNetCore.Server\" />", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Grpc.Net.Client\" />", error.GetMessage(), StringComparison.Ordinal);
        // The messages are still there, and nothing that would fail with CS0246 is added.
        Assert.Equal(["greet.proto.g.cs"], run.Sources.Keys);
        Assert.NotNull(Compilations.EmitAndLoad(run.Output).GetType("Greet.HelloRequest"));
    }

    [Fact]
    public void FileWithoutServices_GetsNoServiceSource()
    {
        GeneratorRun run = new ProtoProject().Protobuf("money.proto", "syntax = \"proto3\"; message Money { int64 units = 1; }").Run().AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["money.proto.g.cs"], run.Sources.Keys);
    }
}
