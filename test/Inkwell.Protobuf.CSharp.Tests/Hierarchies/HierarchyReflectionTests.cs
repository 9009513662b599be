using Google.Protobuf;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using static Inkwell.Protobuf.CSharp.Tests.Infrastructure.HierarchyBuild;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies;

/// <summary>
/// Class hierarchies through Google.Protobuf's reflection: descriptors, JSON both ways and ToString see
/// the lowered schema, exactly as protoc's C# of that schema does.
/// </summary>
public sealed class HierarchyReflectionTests
{
    private static HierarchyBuild Zoo => HierarchyBuild.For(HierarchySchemas.ZooFile, HierarchySchemas.Zoo);

    [Fact]
    public void Json_IsTheLoweredSchemasJson()
    {
        IMessage kitten = Zoo.New("Hz.Kitten", ("Weight", 1.5f), ("Declawed", true), ("FavouriteToy", "yarn"), ("Mother", Zoo.New("Hz.Dog", ("Ball", "red"))));
        IMessage lowered = ParseLowered(Zoo.LoweredType("Hz.Animal"), kitten.ToByteArray());

        string json = JsonFormatter.Default.Format(kitten);
        Assert.Equal(JsonFormatter.Default.Format(lowered), json);
        Assert.Equal(lowered.ToString(), kitten.ToString());
        Assert.Contains("\"favouriteToy\": \"yarn\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseJson_ReturnsTheMostDerivedClass()
    {
        IMessage kitten = Zoo.New("Hz.Kitten", ("Weight", 1.5f), ("FavouriteToy", "yarn"), ("Mother", Zoo.New("Hz.Cat", ("Declawed", true))));
        string json = JsonFormatter.Default.Format(kitten);

        object parser = Zoo.InkwellType("Hz.Animal").GetProperty("Parser")!.GetValue(null)!;
        object parsed = parser.GetType().GetMethod("ParseJson")!.Invoke(parser, [json])!;

        Assert.Equal("Kitten", parsed.GetType().Name);
        Assert.Equal(kitten.ToByteArray(), ((IMessage)parsed).ToByteArray());
        // A nested hierarchy field set through reflection is resolved when it is set.
        Assert.Equal("Cat", Get(parsed, "Mother")!.GetType().Name);
    }

    [Fact]
    public void Descriptors_AreTheLoweredOnes()
    {
        IMessage cat = Zoo.New("Hz.Cat");
        Assert.Equal("hz.Animal", cat.Descriptor.FullName);
        var descriptor = (MessageDescriptor)Zoo.InkwellType("Hz.Cat").GetProperty("Descriptor")!.GetValue(null)!;
        Assert.Equal("hz.Cat", descriptor.FullName);
        Assert.Equal(["declawed", "kitten"], descriptor.Fields.InDeclarationOrder().Select(f => f.Name));

        // Reflection reads a Kitten's levels through the root's oneof.
        IMessage kitten = Zoo.New("Hz.Kitten", ("Declawed", true));
        FieldDescriptor catField = kitten.Descriptor.FindFieldByName("cat");
        Assert.Same(catField, kitten.Descriptor.Oneofs.Single(o => o.Name == "subtype").Accessor.GetCaseFieldDescriptor(kitten));
        var catLevel = (IMessage)catField.Accessor.GetValue(kitten);
        Assert.Equal(true, catLevel.Descriptor.FindFieldByName("declawed").Accessor.GetValue(catLevel));
        Assert.Null(kitten.Descriptor.Oneofs.Single(o => o.Name == "subtype").Accessor.GetCaseFieldDescriptor(Zoo.New("Hz.Animal")));
    }

    [Fact]
    public void AnyPacking_UsesTheRootTypeUrl()
    {
        IMessage kitten = Zoo.New("Hz.Kitten", ("FavouriteToy", "yarn"));
        var any = Google.Protobuf.WellKnownTypes.Any.Pack(kitten);
        Assert.Equal("type.googleapis.com/hz.Animal", any.TypeUrl);
        Assert.Equal(kitten, Zoo.Parse("Hz.Animal", any.Value.ToByteArray()));
    }

    [Theory]
    [InlineData(HierarchySchemas.ZooFile, LanguageVersion.CSharp7_3)]
    [InlineData(HierarchySchemas.ZooFile, LanguageVersion.Latest)]
    [InlineData(HierarchySchemas.AnyFile, LanguageVersion.CSharp7_3)]
    [InlineData(HierarchySchemas.AnyFile, LanguageVersion.Latest)]
    [InlineData(HierarchySchemas.ExtensionsFile, LanguageVersion.CSharp7_3)]
    [InlineData(HierarchySchemas.LoneBaseFile, LanguageVersion.CSharp7_3)]
    public void GeneratedCode_CompilesWithWarningsAsErrors(string file, LanguageVersion version)
    {
        string schema = file switch
        {
            HierarchySchemas.AnyFile => HierarchySchemas.AnyZoo,
            HierarchySchemas.ExtensionsFile => HierarchySchemas.ExtensionsZoo,
            HierarchySchemas.LoneBaseFile => HierarchySchemas.LoneBase,
            _ => HierarchySchemas.Zoo,
        };
        HierarchyBuild build = HierarchyBuild.For(file, schema);
        (byte[]? image, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> errors) =
            CSharpCompiler.Compile("HierarchyCompiles" + version, build.InkwellSources, version, emit: false);
        Assert.True(image is not null, string.Join("\n", errors.Take(10)));
    }
}
