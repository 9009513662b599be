using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;
using static Inkwell.Protobuf.CSharp.Tests.Infrastructure.HierarchyBuild;
using Any = Google.Protobuf.WellKnownTypes.Any;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies;

/// <summary>
/// Class hierarchies with the ANY encoding: a Cat is the base's fields with the Cat level packed in the base's
/// <c>Any subtype</c> field (a Kitten's level packed in the Cat's in turn), byte for byte what protoc's C# of the
/// lowered schema writes with <c>Any.Pack</c>; parsers dispatch on the type URL.
/// </summary>
public sealed class HierarchyAnyTests
{
    private static HierarchyBuild Zoo => HierarchyBuild.For(HierarchySchemas.AnyFile, HierarchySchemas.AnyZoo);

    private static IMessage LoweredKitten(string toy) =>
        Zoo.NewLowered("Ha.Animal", ("Weight", 2f), ("Name", "Tom"),
            ("Subtype", Any.Pack(Zoo.NewLowered("Ha.Cat", ("Declawed", true),
                ("Subtype", Any.Pack(Zoo.NewLowered("Ha.Kitten", ("FavouriteToy", toy))))))));

    [Fact]
    public void Classes_DeriveAsDeclared_InEveryEncodingBelow()
    {
        Assert.Equal(Zoo.InkwellType("Ha.Animal"), Zoo.InkwellType("Ha.Cat").BaseType);
        Assert.Equal(Zoo.InkwellType("Ha.Cat"), Zoo.InkwellType("Ha.Kitten").BaseType);
        Assert.Equal(Zoo.InkwellType("Ha.Dog"), Zoo.InkwellType("Ha.Puppy").BaseType);
        Assert.Null(Zoo.InkwellType("Ha.Animal").GetProperty("Subtype"));
    }

    [Fact]
    public void Kitten_IsWrittenAsNestedAnys_AsProtocsLoweredCode()
    {
        IMessage kitten = Zoo.New("Ha.Kitten", ("Weight", 2f), ("Name", "Tom"), ("Declawed", true), ("FavouriteToy", "yarn"));
        IMessage lowered = LoweredKitten("yarn");

        Assert.Equal(lowered.ToByteArray(), kitten.ToByteArray());
        Assert.Equal(lowered.CalculateSize(), kitten.CalculateSize());
        // Through a container (the cached-size path), and with a mixed list.
        IMessage shelter = Zoo.New("Ha.Shelter", ("HouseCat", kitten));
        ((System.Collections.IList)Get(shelter, "Animals")!).Add(Zoo.New("Ha.Puppy", ("BonesBuried", 3u), ("Breed", "pug")));
        IMessage loweredShelter = Zoo.NewLowered("Ha.Shelter", ("HouseCat", lowered));
        ((System.Collections.IList)Get(loweredShelter, "Animals")!).Add(Zoo.NewLowered("Ha.Animal",
            ("Subtype", Any.Pack(Zoo.NewLowered("Ha.Dog", ("BonesBuried", 3u), ("Puppy", Zoo.NewLowered("Ha.Puppy", ("Breed", "pug"))))))));
        Assert.Equal(loweredShelter.ToByteArray(), shelter.ToByteArray());
    }

    [Fact]
    public void Parsers_ReturnTheMostDerivedClass()
    {
        IMessage parsed = Zoo.Parse("Ha.Animal", LoweredKitten("mouse").ToByteArray());
        Assert.Equal(Zoo.InkwellType("Ha.Kitten"), parsed.GetType());
        Assert.Equal(Zoo.New("Ha.Kitten", ("Weight", 2f), ("Name", "Tom"), ("Declawed", true), ("FavouriteToy", "mouse")), parsed);
        Assert.Equal("Kitten", Zoo.Parse("Ha.Cat", LoweredKitten("x").ToByteArray()).GetType().Name);

        // An empty level is an Any with a type URL and no value: still a Cat.
        IMessage emptyCat = Zoo.NewLowered("Ha.Animal", ("Subtype", Any.Pack(Zoo.NewLowered("Ha.Cat"))));
        Assert.Equal(3 + 2 + "type.googleapis.com/ha.Cat".Length, emptyCat.CalculateSize());
        Assert.Equal("Cat", Zoo.Parse("Ha.Animal", emptyCat.ToByteArray()).GetType().Name);
        Assert.Equal(emptyCat.ToByteArray(), Zoo.New("Ha.Cat").ToByteArray());

        // ONEOF below ANY.
        IMessage puppy = Zoo.New("Ha.Puppy", ("Weight", 5f), ("Breed", "pug"));
        Assert.Equal(puppy, Zoo.Parse("Ha.Animal", puppy.ToByteArray()));
        Assert.Throws<InvalidCastException>(() => Zoo.Parse("Ha.Cat", puppy.ToByteArray()));
    }

    [Fact]
    public void Containers_AndFieldsOfSubtypes_KeepTheirClasses()
    {
        IMessage shelter = Zoo.New("Ha.Shelter",
            ("HouseCat", Zoo.New("Ha.Kitten", ("FavouriteToy", "cork"), ("Mother", Zoo.New("Ha.Cat", ("Weight", 4f))))));
        var animals = (System.Collections.IList)Get(shelter, "Animals")!;
        animals.Add(Zoo.New("Ha.Dog", ("BonesBuried", 2u)));
        animals.Add(Zoo.New("Ha.Animal", ("Weight", 9f)));
        animals.Add(Zoo.New("Ha.Puppy"));

        IMessage parsed = ParseLowered(Zoo.InkwellType("Ha.Shelter"), shelter.ToByteArray());

        Assert.Equal(shelter, parsed);
        Assert.Equal(["Dog", "Animal", "Puppy"], ((System.Collections.IList)Get(parsed, "Animals")!).Cast<object>().Select(a => a.GetType().Name));
        Assert.Equal("Cat", Get(Get(parsed, "HouseCat")!, "Mother")!.GetType().Name);
        Assert.Equal(shelter.ToByteArray(), ParseLowered(Zoo.LoweredType("Ha.Shelter"), shelter.ToByteArray()).ToByteArray());
    }

    [Fact]
    public void UnknownTypes_AndUnusualAnys_AreKeptAndWrittenBack()
    {
        // A newer schema's Bird: an Any this code cannot name stays an unknown field of a plain Animal.
        IMessage bird = Zoo.NewLowered("Ha.Animal", ("Weight", 1f),
            ("Subtype", new Any { TypeUrl = "type.googleapis.com/ha.Bird", Value = ByteString.CopyFrom(0x08, 0x01) }));
        IMessage parsed = Zoo.Parse("Ha.Animal", bird.ToByteArray());
        Assert.Equal("Animal", parsed.GetType().Name);
        Assert.Equal(bird.ToByteArray(), parsed.ToByteArray());

        // A Cat whose Any holds an unknown Cat subtype stays a Cat and keeps it.
        IMessage lion = Zoo.NewLowered("Ha.Animal", ("Subtype", Any.Pack(Zoo.NewLowered("Ha.Cat", ("Declawed", true),
            ("Subtype", new Any { TypeUrl = "example.com/ha.Lion", Value = ByteString.CopyFrom(0x10, 0x02) })))));
        IMessage parsedLion = Zoo.Parse("Ha.Animal", lion.ToByteArray());
        Assert.Equal("Cat", parsedLion.GetType().Name);
        Assert.Equal(lion.ToByteArray(), parsedLion.ToByteArray());

        // The value before the type URL (legal, but no writer does it) is kept as it came, as an Animal.
        byte[] url = [0x0A, .. HierarchyWireTests.Varint("type.googleapis.com/ha.Cat".Length), .. "type.googleapis.com/ha.Cat"u8];
        byte[] reversed = [0xA2, 0x06, .. HierarchyWireTests.Varint(4 + url.Length), 0x12, 0x02, 0x08, 0x01, .. url];
        IMessage parsedReversed = Zoo.Parse("Ha.Animal", reversed);
        Assert.Equal("Animal", parsedReversed.GetType().Name);
        Assert.Equal(reversed, parsedReversed.ToByteArray());
    }

    [Fact]
    public void EqualityCloningAndMerging_RespectTheClass()
    {
        IMessage kitten = Zoo.New("Ha.Kitten", ("Weight", 1f), ("FavouriteToy", "yarn"));
        Assert.NotEqual(Zoo.New("Ha.Cat", ("Weight", 1f)), kitten);
        object clone = Zoo.InkwellType("Ha.Animal").GetMethod("Clone")!.Invoke(kitten, null)!;
        Assert.Equal("Kitten", clone.GetType().Name);
        Assert.Equal(kitten, clone);

        // A plain Animal merged with a Kitten holds it until resolved.
        IMessage animal = Zoo.New("Ha.Animal", ("Weight", 3f));
        animal.GetType().GetMethod("MergeFrom", [Zoo.InkwellType("Ha.Animal")])!.Invoke(animal, [kitten]);
        object parser = Zoo.InkwellType("Ha.Animal").GetProperty("Parser")!.GetValue(null)!;
        object resolved = parser.GetType().GetMethod("Resolve")!.Invoke(parser, [animal])!;
        Assert.Equal(Zoo.New("Ha.Kitten", ("Weight", 1f), ("FavouriteToy", "yarn")), resolved);
    }

    [Fact]
    public void Json_IsTheLoweredSchemasJson_GivenTheSubtypesInATypeRegistry()
    {
        IMessage kitten = Zoo.New("Ha.Kitten", ("Weight", 2f), ("Name", "Tom"), ("Declawed", true), ("FavouriteToy", "yarn"),
            ("Mother", Zoo.New("Ha.Puppy", ("Breed", "pug"))));
        IMessage lowered = ParseLowered(Zoo.LoweredType("Ha.Animal"), kitten.ToByteArray());

        string json = Formatter(Zoo.InkwellType).Format(kitten);
        Assert.Equal(Formatter(Zoo.LoweredType).Format(lowered), json);
        Assert.Contains("\"@type\": \"type.googleapis.com/ha.Kitten\"", json, StringComparison.Ordinal);

        // The root's parser knows its subtypes' type URLs.
        object parser = Zoo.InkwellType("Ha.Animal").GetProperty("Parser")!.GetValue(null)!;
        var parsed = (IMessage)parser.GetType().GetMethod("ParseJson")!.Invoke(parser, [json])!;
        Assert.Equal("Kitten", parsed.GetType().Name);
        Assert.Equal(kitten, parsed);
        Assert.Equal("Puppy", Get(parsed, "Mother")!.GetType().Name);
    }

    [Fact]
    public void HostileBytes_FailWithInvalidProtocolBuffer()
    {
        byte[] bytes = Zoo.New("Ha.Shelter", ("HouseCat", Zoo.New("Ha.Kitten", ("FavouriteToy", "string"), ("Declawed", true)))).ToByteArray();
        for (int length = 0; length < bytes.Length; length++)
        {
            try
            {
                ParseLowered(Zoo.InkwellType("Ha.Shelter"), bytes[..length]);
            }
            catch (InvalidProtocolBufferException)
            {
            }
        }

        // Mothers of Cats nested far deeper than the recursion limit: each Any counts as a level.
        byte[] url = [0x0A, .. HierarchyWireTests.Varint("type.googleapis.com/ha.Cat".Length), .. "type.googleapis.com/ha.Cat"u8];
        byte[] deep = Zoo.New("Ha.Cat", ("Declawed", true)).ToByteArray();
        for (int i = 0; i < 2000; i++)
        {
            byte[] catLevel = [0x08, 0x01];
            byte[] any = [.. url, 0x12, .. HierarchyWireTests.Varint(catLevel.Length), .. catLevel];
            deep = [0x12, .. HierarchyWireTests.Varint(deep.Length), .. deep, 0xA2, 0x06, .. HierarchyWireTests.Varint(any.Length), .. any];
        }
        Assert.Throws<InvalidProtocolBufferException>(() => Zoo.Parse("Ha.Animal", deep));
    }

    private static JsonFormatter Formatter(Func<string, Type> types) =>
        new(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(
            new[] { "Ha.Cat", "Ha.Kitten", "Ha.Dog" }.Select(name => (MessageDescriptor)types(name)
                .GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)!.GetValue(null)!))));
}
