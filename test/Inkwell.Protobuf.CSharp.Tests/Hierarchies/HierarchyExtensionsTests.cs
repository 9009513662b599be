using Google.Protobuf;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;
using static Inkwell.Protobuf.CSharp.Tests.Infrastructure.HierarchyBuild;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies;

/// <summary>
/// Class hierarchies with the EXTENSIONS encoding: a Cat is the base's fields, the type field holding the Cat's tag,
/// then the Cat level as the base's extension at that tag, as protoc's C# of the lowered schema writes it.
/// </summary>
public sealed class HierarchyExtensionsTests
{
    private static HierarchyBuild Zoo => HierarchyBuild.For(HierarchySchemas.ExtensionsFile, HierarchySchemas.ExtensionsZoo);

    [Fact]
    public void Cat_IsWrittenAsBaseFields_TypeField_ThenItsExtension()
    {
        IMessage cat = Zoo.New("Hx.Cat", ("Weight", 1.5f), ("Declawed", true));
        Assert.Equal(Zoo.InkwellType("Hx.Animal"), cat.GetType().BaseType);

        // weight (1), subtype (199) = 100, extension 100 { declawed (1) = true }.
        Assert.Equal(Convert.FromHexString("0D0000C03FB80C64A20602" + "0801"), cat.ToByteArray());
        IMessage parsed = Zoo.Parse("Hx.Animal", cat.ToByteArray());
        Assert.Equal(cat, parsed);
        // protoc's lowered code reads it back and writes the same bytes.
        Assert.Equal(cat.ToByteArray(), ParseLowered(Zoo.LoweredType("Hx.Animal"), cat.ToByteArray()).ToByteArray());
    }

    [Fact]
    public void NestedLevels_AndMixedContainers_RoundTrip()
    {
        IMessage shelter = Zoo.New("Hx.Shelter");
        var animals = (System.Collections.IList)Get(shelter, "Animals")!;
        animals.Add(Zoo.New("Hx.Kitten", ("Weight", 0.3f), ("Declawed", true), ("FavouriteToy", "cork")));
        animals.Add(Zoo.New("Hx.Dog", ("BonesBuried", 2u)));
        animals.Add(Zoo.New("Hx.Animal", ("Weight", 9f)));

        IMessage parsed = ParseLowered(Zoo.InkwellType("Hx.Shelter"), shelter.ToByteArray());

        Assert.Equal(shelter, parsed);
        Assert.Equal(["Kitten", "Dog", "Animal"], ((System.Collections.IList)Get(parsed, "Animals")!).Cast<object>().Select(a => a.GetType().Name));
        Assert.Equal(shelter.ToByteArray(), ParseLowered(Zoo.LoweredType("Hx.Shelter"), shelter.ToByteArray()).ToByteArray());
    }

    [Fact]
    public void UnknownSubtype_KeepsItsTypeFieldAndExtension()
    {
        // A newer schema's Bird = 150: type field 150, extension 150 { 1: 1 }.
        byte[] bird = Convert.FromHexString("0D0000803F" + "B80C9601" + "B2090208" + "01");
        IMessage parsed = Zoo.Parse("Hx.Animal", bird);
        Assert.Equal("Animal", parsed.GetType().Name);
        Assert.Equal(bird, parsed.ToByteArray());
    }

    [Fact]
    public void Json_ShowsTheTypeField_AsForTheLoweredSchema()
    {
        IMessage dog = Zoo.New("Hx.Dog", ("Weight", 2f), ("BonesBuried", 1u));
        IMessage lowered = ParseLowered(Zoo.LoweredType("Hx.Animal"), dog.ToByteArray());
        Assert.Equal(JsonFormatter.Default.Format(lowered), JsonFormatter.Default.Format(dog));
        Assert.Contains("\"subtype\": 101", JsonFormatter.Default.Format(dog), StringComparison.Ordinal);
    }
}
