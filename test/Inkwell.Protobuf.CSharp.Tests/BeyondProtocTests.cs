using System.Reflection;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;

namespace Inkwell.Protobuf.CSharp.Tests;

/// <summary>Where Inkwell's output deliberately differs from protoc's because protoc's is wrong.</summary>
public sealed class BeyondProtocTests
{
    private const string KeywordsFile = "inkwell/tests/beyond_keywords.proto";
    private const string PrecisionFile = "inkwell/tests/beyond_precision.proto";

    [Fact]
    public void Generate_TypeNamesThatAreKeywords_CompilesWhereProtocsDoesNot()
    {
        FileDescriptorSet set = Protoc.DescriptorSet(Schemas.OwnRoot, [KeywordsFile]);
        var inkwell = CSharpGenerator.Generate(set.File, [KeywordsFile], new CSharpGeneratorOptions { CacheSerializedSizes = false })
            .ToDictionary(f => f.RelativePath, f => f.Content);
        (byte[]? image, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> errors) = CSharpCompiler.Compile("BeyondKeywords", inkwell);
        Assert.True(image is not null, string.Join("\n", errors.Take(10)));
        (byte[]? protocImage, _) = CSharpCompiler.Compile("BeyondKeywordsProtoc", Protoc.GenerateCSharp(Schemas.OwnRoot, [KeywordsFile]));
        Assert.Null(protocImage);

        // The CLR names are the .proto names, so reflection and JSON see "class" and "while".
        Assembly assembly = Assembly.Load(image!);
        MessageDescriptor descriptor = GeneratedPair.FileDescriptorOf(assembly, KeywordsFile).MessageTypes.Single(m => m.Name == "class");
        Assert.Equal("class", descriptor.ClrType.Name);
        Assert.Equal("while", descriptor.EnumTypes[0].ClrType.Name);
        // Apart from the escapes, the text is protoc's.
        Assert.Equal(
            Protoc.GenerateCSharp(Schemas.OwnRoot, [KeywordsFile]).Single().Value,
            GeneratedPair.NormalizeToProtoc(inkwell.Single().Value));
    }

    [Theory]
    [InlineData("FMax", 3.4028235e38f, 3.40282e38f)]
    [InlineData("DPi", 3.141592653589793, 3.14159)]
    [InlineData("FThird", 0.33333334f, 0.333333f)]
    [InlineData("DTiny", double.Epsilon, double.Epsilon)]
    [InlineData("DShort", 2.5, 2.5)]
    public void Generate_FloatingDefaults_KeepsTheDeclaredValue(string property, object expected, object protocs)
    {
        GeneratedPair pair = GeneratedPair.For(Schemas.OwnRoot, [PrecisionFile]);
        Assert.Equal(expected, DefaultOf(pair.InkwellAssembly.Value, property));
        // protoc formats defaults with six significant digits, which changes them.
        Assert.Equal(protocs, DefaultOf(pair.ProtocAssembly.Value, property));
    }

    private static object DefaultOf(Assembly assembly, string property)
    {
        Type type = assembly.GetType("Inkwell.Tests.Precision.Precise", throwOnError: true)!;
        object message = Activator.CreateInstance(type)!;
        return type.GetProperty(property)!.GetValue(message)!;
    }
}
