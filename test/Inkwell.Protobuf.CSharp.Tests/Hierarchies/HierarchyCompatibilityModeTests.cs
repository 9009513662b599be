using Google.Protobuf;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;
using static Inkwell.Protobuf.CSharp.Tests.Infrastructure.HierarchyBuild;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies;

/// <summary>
/// <c>GOOGLE_PROTOBUF_REFSTRUCT_COMPATIBILITY_MODE</c>, for compilers without ref structs: protoc's C# built with it
/// names no ParseContext, WriteContext or span and implements no <c>IBufferMessage</c>, and its messages read and
/// write through CodedInputStream and CodedOutputStream. Hierarchy classes do the same, and write the same bytes.
/// </summary>
public sealed class HierarchyCompatibilityModeTests
{
    private const string CompatibilityMode = "GOOGLE_PROTOBUF_REFSTRUCT_COMPATIBILITY_MODE";

    /// <summary>(file, schema, C# namespace) of a ONEOF, an EXTENSIONS and an ANY hierarchy, each with a Shelter of animals.</summary>
    private static readonly (string File, string Schema, string Namespace)[] s_hierarchies =
    [
        (HierarchySchemas.ZooFile, HierarchySchemas.Zoo, "Hz"),
        (HierarchySchemas.ExtensionsFile, HierarchySchemas.ExtensionsZoo, "Hx"),
        (HierarchySchemas.AnyFile, HierarchySchemas.AnyZoo, "Ha"),
    ];

    public static TheoryData<string, string> SchemaFiles() => [.. s_hierarchies.Select(h => new TheoryDataRow<string, string>(h.File, h.Schema))];

    public static TheoryData<string, string, string> Hierarchies() => [.. s_hierarchies.Select(h => new TheoryDataRow<string, string, string>(h.File, h.Schema, h.Namespace))];

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void CompatibilityBuild_NamesNoRefStruct(string file, string schema)
    {
        Dictionary<string, string> sources = HierarchyBuild.For(file, schema).InkwellSources;

        Assert.Empty(CSharpCompiler.RefStructMentions(sources, CompatibilityMode));
        // The usual build has the fast paths, so the check does find them.
        Assert.NotEmpty(CSharpCompiler.RefStructMentions(sources));
    }

    [Theory]
    [MemberData(nameof(Hierarchies))]
    public void CompatibilityBuild_WritesTheLoweredBytes_AndParsesTheMostDerivedClasses(string file, string schema, string ns)
    {
        HierarchyBuild usual = HierarchyBuild.For(file, schema);
        HierarchyBuild compatible = HierarchyBuild.For([(file, schema)], CompatibilityMode);
        Assert.DoesNotContain(compatible.Inkwell.GetTypes(), type => typeof(IBufferMessage).IsAssignableFrom(type));

        IMessage shelter = NewShelter(compatible, ns);
        byte[] bytes = shelter.ToByteArray();

        Assert.Equal(NewShelter(usual, ns).ToByteArray(), bytes);
        // protoc's C# of the lowered schema reads them and writes them back unchanged.
        Assert.Equal(bytes, ParseLowered(usual.LoweredType(ns + ".Shelter"), bytes).ToByteArray());
        IMessage parsed = ParseLowered(compatible.InkwellType(ns + ".Shelter"), bytes);
        Assert.Equal(shelter, parsed);
        Assert.Equal(
            ["Kitten", "Dog", "Animal", "Cat"],
            ((System.Collections.IList)Get(parsed, "Animals")!).Cast<object>().Select(animal => animal.GetType().Name));
        IMessage kitten = NewKitten(compatible, ns);
        Assert.Equal(kitten, compatible.Parse(ns + ".Animal", kitten.ToByteArray()));
        using var stream = new MemoryStream(kitten.ToByteArray());
        Assert.Equal(kitten, compatible.Parse(ns + ".Cat", stream));
    }

    /// <summary>
    /// JSON goes through reflection and the levels' views (<c>Cat.InkwellLevel</c>), which read and write without the
    /// contexts too; it is what the usual build gives (EXTENSIONS' JSON has the type field, not the extensions).
    /// </summary>
    [Theory]
    [MemberData(nameof(Hierarchies))]
    public void CompatibilityBuild_JsonIsTheUsualBuilds(string file, string schema, string ns)
    {
        HierarchyBuild usual = HierarchyBuild.For(file, schema);
        HierarchyBuild compatible = HierarchyBuild.For([(file, schema)], CompatibilityMode);

        string json = FormatJson(compatible, ns, NewKitten(compatible, ns));
        IMessage fromJson = ParseJson(compatible, ns + ".Animal", json);

        Assert.Equal(FormatJson(usual, ns, NewKitten(usual, ns)), json);
        IMessage usualFromJson = ParseJson(usual, ns + ".Animal", json);
        Assert.Equal(usualFromJson.GetType().Name, fromJson.GetType().Name);
        Assert.Equal(usualFromJson.ToByteArray(), fromJson.ToByteArray());
    }

    /// <summary>JSON with the build's types registered (ANY's subtype levels are Anys, which JSON names by type URL).</summary>
    private static string FormatJson(HierarchyBuild build, string ns, IMessage message) =>
        new JsonFormatter(JsonFormatter.Settings.Default.WithTypeRegistry(
            Google.Protobuf.Reflection.TypeRegistry.FromFiles(DescriptorOf(build.InkwellType(ns + ".Animal"))!.File))).Format(message);

    private static IMessage ParseJson(HierarchyBuild build, string type, string json)
    {
        object parser = build.InkwellType(type).GetProperty("Parser")!.GetValue(null)!;
        return (IMessage)parser.GetType().GetMethod("ParseJson")!.Invoke(parser, [json])!;
    }

    private static IMessage NewKitten(HierarchyBuild build, string ns) =>
        build.New(ns + ".Kitten", ("Weight", 0.5f), ("Declawed", true), ("FavouriteToy", "cork"));

    /// <summary>A Shelter whose animals are a Kitten, a Dog, a plain Animal and a Cat.</summary>
    private static IMessage NewShelter(HierarchyBuild build, string ns)
    {
        IMessage shelter = build.New(ns + ".Shelter");
        var animals = (System.Collections.IList)Get(shelter, "Animals")!;
        animals.Add(build.New(ns + ".Kitten", ("Weight", 0.3f), ("Declawed", true), ("FavouriteToy", "cork")));
        animals.Add(build.New(ns + ".Dog", ("BonesBuried", 2u)));
        animals.Add(build.New(ns + ".Animal", ("Weight", 9f)));
        animals.Add(build.New(ns + ".Cat"));
        return shelter;
    }
}
