using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;

namespace Inkwell.Protobuf.CSharp.Tests;

/// <summary>The generator's own API: options, output paths and errors for bad input.</summary>
public sealed class GeneratorApiTests
{
    [Fact]
    public void Parse_ProtocOptionString_SetsEveryOption()
    {
        CSharpGeneratorOptions options = CSharpGeneratorOptions.Parse("file_extension=.g.cs,base_namespace=Acme.Api,internal_access,serializable");
        Assert.Equal(".g.cs", options.FileExtension);
        Assert.Equal("Acme.Api", options.BaseNamespace);
        Assert.True(options.InternalAccess);
        Assert.True(options.Serializable);
    }

    [Fact]
    public void Parse_Empty_GivesProtocDefaults()
    {
        CSharpGeneratorOptions options = CSharpGeneratorOptions.Parse(null);
        Assert.Equal(".cs", options.FileExtension);
        Assert.Null(options.BaseNamespace);
        Assert.False(options.InternalAccess);
        Assert.False(options.Serializable);
    }

    [Fact]
    public void Parse_UnknownOption_ThrowsNamingIt()
    {
        var error = Assert.Throws<CSharpGenerationException>(() => CSharpGeneratorOptions.Parse("file_extension=.cs,legacy_stuff"));
        Assert.Contains("legacy_stuff", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_BaseNamespaceNotAPrefix_ThrowsWithFileAndNamespaces()
    {
        FileDescriptorSet set = Protoc.DescriptorSet(Schemas.OwnRoot, ["inkwell/tests/shared_types.proto"]);
        var error = Assert.Throws<CSharpGenerationException>(() =>
            CSharpGenerator.Generate(set.File, ["inkwell/tests/shared_types.proto"], new CSharpGeneratorOptions { BaseNamespace = "Inkwell.Test" }));
        Assert.Contains("inkwell/tests/shared_types.proto", error.Message, StringComparison.Ordinal);
        Assert.Contains("Inkwell.Tests.Shared", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "SharedTypes.cs")]
    [InlineData("", "Inkwell/Tests/Shared/SharedTypes.cs")]
    [InlineData("Inkwell", "Tests/Shared/SharedTypes.cs")]
    [InlineData("Inkwell.Tests.Shared", "SharedTypes.cs")]
    public void Generate_BaseNamespace_PutsFilesInNamespaceFolders(string? baseNamespace, string expectedPath)
    {
        FileDescriptorSet set = Protoc.DescriptorSet(Schemas.OwnRoot, ["inkwell/tests/shared_types.proto"]);
        GeneratedFile file = Assert.Single(CSharpGenerator.Generate(set.File, ["inkwell/tests/shared_types.proto"], new CSharpGeneratorOptions { BaseNamespace = baseNamespace }));
        Assert.Equal(expectedPath, file.RelativePath);
    }

    [Fact]
    public void Generate_MissingImport_ThrowsNamingTheImport()
    {
        FileDescriptorSet set = Protoc.DescriptorSet(Schemas.OwnRoot, ["inkwell/tests/everything_proto3.proto"]);
        var withoutShared = set.File.Where(f => f.Name != "inkwell/tests/shared_types.proto").ToList();
        var error = Assert.Throws<CSharpGenerationException>(() => CSharpGenerator.Generate(withoutShared, ["inkwell/tests/everything_proto3.proto"]));
        Assert.Contains("inkwell/tests/shared_types.proto", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_UnknownFileToGenerate_ThrowsNamingIt()
    {
        FileDescriptorSet set = Protoc.DescriptorSet(Schemas.OwnRoot, ["inkwell/tests/shared_types.proto"]);
        var error = Assert.Throws<CSharpGenerationException>(() => CSharpGenerator.Generate(set.File, ["nope.proto"]));
        Assert.Contains("nope.proto", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_DescriptorSetOverload_GeneratesEveryFile()
    {
        FileDescriptorSet set = Protoc.DescriptorSet(Schemas.OwnRoot, ["inkwell/tests/shared_types.proto"]);
        Assert.Equal(["SharedTypes.cs"], CSharpGenerator.Generate(set).Select(f => f.RelativePath));
    }
}
