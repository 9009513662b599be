using Google.Protobuf.Reflection;
using Microsoft.CodeAnalysis.CSharp;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;

namespace Inkwell.Protobuf.CSharp.Tests;

/// <summary>
/// The service code is grpc_csharp_plugin 2.85.0's text (run through protoc 35.1 from the same Grpc.Tools package),
/// file names and folders included, for every option the plugin accepts; only the tool name in the header and in
/// <c>[GeneratedCode]</c> differ.
/// </summary>
public sealed class GrpcServiceTextTests
{
    /// <summary>The own service schemas whose text is compared (collisions.proto does not compile, under either tool).</summary>
    public static readonly string[] OwnServiceFiles =
    [
        "inkwell/tests/grpc/zoo_keeper.proto",
        "inkwell/tests/grpc/no_package.proto",
        "inkwell/tests/grpc/odd-file_name2x.proto",
        "inkwell/tests/grpc/collisions.proto",
        // No services: neither tool writes a file for it.
        "inkwell/tests/shared_types.proto",
    ];

    [Theory]
    [InlineData(null)]
    [InlineData("no_client")]
    [InlineData("no_server")]
    [InlineData("no_client,no_server")]
    [InlineData("internal_access")]
    [InlineData("file_suffix=.grpc.g.cs")]
    [InlineData("file_suffix=")]
    [InlineData("base_namespace=")]
    [InlineData("base_namespace=Inkwell.Tests,file_suffix=Services.cs")]
    [InlineData("file_suffix=A.cs,file_suffix=B.cs")]
    public void GenerateServices_OwnSchemas_MatchesPluginText(string? options)
    {
        // base_namespace=Inkwell.Tests does not fit the files outside that namespace: those go on their own.
        string[] files = options?.Contains("base_namespace=Inkwell", StringComparison.Ordinal) == true
            ? ["inkwell/tests/grpc/zoo_keeper.proto"]
            : OwnServiceFiles;
        FileDescriptorSet set = Protoc.DescriptorSet(Schemas.OwnRoot, files);
        Dictionary<string, string> expected = Protoc.GenerateGrpc(Schemas.OwnRoot, files, options);
        IReadOnlyList<GeneratedFile> actual = CSharpGenerator.GenerateServices(set.File, files, GrpcGeneratorOptions.Parse(options));
        GrpcText.AssertSame(expected, actual);
    }

    [Fact]
    public void GenerateServices_BaseNamespaceNotAPrefix_FailsAsThePluginDoes()
    {
        FileDescriptorSet set = Protoc.DescriptorSet(Schemas.OwnRoot, ["inkwell/tests/grpc/zoo_keeper.proto"]);
        var error = Assert.Throws<CSharpGenerationException>(() => CSharpGenerator.GenerateServices(
            set.File, ["inkwell/tests/grpc/zoo_keeper.proto"], GrpcGeneratorOptions.Parse("base_namespace=Acme")));
        Assert.Equal("inkwell/tests/grpc/zoo_keeper.proto: Namespace Inkwell.Tests.Grpc is not a prefix namespace of base namespace Acme", error.Message);
    }

    [Fact]
    public void Parse_UnknownOption_FailsAsThePluginDoes()
    {
        var error = Assert.Throws<CSharpGenerationException>(() => GrpcGeneratorOptions.Parse("no_client,enable_nrt"));
        Assert.Equal("Unknown generator option: enable_nrt", error.Message);
    }

    [Fact]
    public void Parse_EachOption_SetsItsProperty()
    {
        GrpcGeneratorOptions options = GrpcGeneratorOptions.Parse("no_client,no_server,internal_access,file_suffix=.g.cs,base_namespace=Acme");
        Assert.Equal(new GrpcGeneratorOptions { GenerateClient = false, GenerateServer = false, InternalAccess = true, FileSuffix = ".g.cs", BaseNamespace = "Acme" }, options);
        Assert.Equal(new GrpcGeneratorOptions(), GrpcGeneratorOptions.Parse(""));
        Assert.Equal("Grpc.cs", GrpcGeneratorOptions.Parse(null).FileSuffix);
    }

    [Theory]
    [InlineData(LanguageVersion.Latest)]
    [InlineData(LanguageVersion.CSharp7_3)]
    public void GenerateServices_OwnSchemas_CompileWithTheirMessages(LanguageVersion languageVersion)
    {
        // collisions.proto is the plugin's text, which does not compile; the rest must, with warnings as errors.
        string[] files = ["inkwell/tests/grpc/zoo_keeper.proto", "inkwell/tests/grpc/no_package.proto", "inkwell/tests/grpc/odd-file_name2x.proto"];
        FileDescriptorSet set = Protoc.DescriptorSet(Schemas.OwnRoot, files);
        var sources = CSharpGenerator.Generate(set.File, Schemas.GenerationClosure(set))
            .Concat(CSharpGenerator.GenerateServices(set.File, files))
            .ToDictionary(f => f.RelativePath, f => f.Content);
        foreach (string[] symbols in new[] { Array.Empty<string>(), ["GRPC_DISABLE_PROTOBUF_BUFFER_SERIALIZATION"] })
        {
            (byte[]? image, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> errors) = CSharpCompiler.Compile(
                "GrpcServices", sources, languageVersion, emit: false, preprocessorSymbols: symbols);
            Assert.True(image is not null, string.Join("\n", errors.Take(10)));
        }
    }
}
