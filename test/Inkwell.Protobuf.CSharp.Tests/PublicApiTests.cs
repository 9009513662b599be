using Inkwell.Protobuf.CSharp.Tests.Infrastructure;

namespace Inkwell.Protobuf.CSharp.Tests;

/// <summary>
/// The public API of Inkwell's generated code equals protoc's, compared on the compiled assemblies:
/// types, nesting, base types and interfaces, constructors, properties, methods, constants and enum
/// members with their original names. Code written against protoc's output compiles unchanged.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Generate_OwnSchemas_HasProtocsPublicApi()
    {
        GeneratedPair pair = GeneratedPair.For(Schemas.OwnRoot, Schemas.OwnFiles);
        AssertSameApi(pair);
        // The description sees members, not just types: a few lines users rely on.
        List<string> api = PublicApi.Describe(pair.InkwellAssembly.Value);
        Assert.Contains("Inkwell.Tests.Proto3.Scalars :: property System.Int32 FInt32[] { get; set; }", api);
        Assert.Contains("Inkwell.Tests.Proto3.Optionals :: method System.Void ClearOString()", api);
        Assert.Contains("Inkwell.Tests.Proto3.Oneofs+ChoiceOneofCase :: static const field Inkwell.Tests.Proto3.Oneofs+ChoiceOneofCase CMessage = 5", api);
        Assert.Contains("Inkwell.Tests.Proto3.Color :: static const field Inkwell.Tests.Proto3.Color Negative = -3 [OriginalName(COLOR_NEGATIVE)]", api);
    }

    [Theory]
    [InlineData("internal_access,serializable")]
    public void Generate_OwnSchemasWithOptions_HasProtocsPublicApi(string options)
    {
        GeneratedPair pair = GeneratedPair.For(Schemas.OwnRoot, Schemas.OwnFiles, options);
        AssertSameApi(pair, includeInternal: true);
    }

    [Theory]
    [MemberData(nameof(Schemas.CorpusDifferentialData), MemberType = typeof(Schemas))]
    public void Generate_CorpusFile_HasProtocsPublicApi(string file)
    {
        string root = Corpus.RequireProtobuf();
        List<string> closure = Schemas.GenerationClosure(Protoc.DescriptorSet(root, [file]));
        AssertSameApi(GeneratedPair.For(root, closure));
    }

    private static void AssertSameApi(GeneratedPair pair, bool includeInternal = false)
    {
        List<string> expected = PublicApi.Describe(pair.ProtocAssembly.Value, includeInternal);
        List<string> actual = PublicApi.Describe(pair.InkwellAssembly.Value, includeInternal);
        Assert.True(expected.Count > 0);
        var missing = expected.Except(actual).Take(10).ToList();
        var extra = actual.Except(expected).Take(10).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"API differs from protoc's.\nMissing:\n  {string.Join("\n  ", missing)}\nExtra:\n  {string.Join("\n  ", extra)}");
        Assert.Equal(expected, actual);
    }
}
