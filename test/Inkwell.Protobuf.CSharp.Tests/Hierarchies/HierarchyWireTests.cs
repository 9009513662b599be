using Google.Protobuf;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;
using static Inkwell.Protobuf.CSharp.Tests.Infrastructure.HierarchyBuild;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies;

/// <summary>
/// Class hierarchies on the wire: every object is written as its root envelope, byte for byte what
/// protoc's C# of the lowered schema writes, and parsers return the most-derived class.
/// </summary>
public sealed class HierarchyWireTests
{
    private static HierarchyBuild Zoo => HierarchyBuild.For(HierarchySchemas.ZooFile, HierarchySchemas.Zoo);

    [Fact]
    public void Classes_DeriveAsDeclared()
    {
        Type animal = Zoo.InkwellType("Hz.Animal");
        Type cat = Zoo.InkwellType("Hz.Cat");
        Assert.Equal(animal, cat.BaseType);
        Assert.Equal(cat, Zoo.InkwellType("Hz.Kitten").BaseType);
        Assert.Equal(animal, Zoo.InkwellType("Hz.Dog").BaseType);
        Assert.False(animal.IsSealed);
        Assert.False(cat.IsSealed);
        Assert.True(Zoo.InkwellType("Hz.Kitten").IsSealed);
        Assert.True(typeof(IMessage<>).MakeGenericType(cat).IsAssignableFrom(cat));
        Assert.True(typeof(IBufferMessage).IsAssignableFrom(cat));
    }

    [Fact]
    public void Kitten_IsWrittenAsTheLoweredRootEnvelope()
    {
        IMessage kitten = Zoo.New("Hz.Kitten", ("Weight", 1.5f), ("Declawed", true), ("FavouriteToy", "yarn"));
        Get(kitten, "Tags")!.GetType().GetMethod("Add", [typeof(string)])!.Invoke(Get(kitten, "Tags"), ["striped"]);
        IMessage lowered = Zoo.NewLowered("Hz.Animal", ("Weight", 1.5f),
            ("Cat", Zoo.NewLowered("Hz.Cat", ("Declawed", true), ("Kitten", Zoo.NewLowered("Hz.Kitten", ("FavouriteToy", "yarn"))))));
        Get(lowered, "Tags")!.GetType().GetMethod("Add", [typeof(string)])!.Invoke(Get(lowered, "Tags"), ["striped"]);

        Assert.Equal(lowered.ToByteArray(), kitten.ToByteArray());
        Assert.Equal(lowered.CalculateSize(), kitten.CalculateSize());
        // The cached-size write path (a container writing the kitten) gives the same bytes.
        IMessage shelter = Zoo.New("Hz.Shelter", ("Star", kitten));
        IMessage loweredShelter = Zoo.NewLowered("Hz.Shelter", ("Star", lowered));
        Assert.Equal(loweredShelter.ToByteArray(), shelter.ToByteArray());
    }

    [Fact]
    public void AnimalParser_ReturnsTheMostDerivedClass()
    {
        IMessage lowered = Zoo.NewLowered("Hz.Animal", ("Weight", 2f),
            ("Cat", Zoo.NewLowered("Hz.Cat", ("Declawed", true), ("Kitten", Zoo.NewLowered("Hz.Kitten", ("FavouriteToy", "mouse"))))));
        IMessage parsed = Zoo.Parse("Hz.Animal", lowered.ToByteArray());

        Assert.Equal(Zoo.InkwellType("Hz.Kitten"), parsed.GetType());
        Assert.Equal(Zoo.New("Hz.Kitten", ("Weight", 2f), ("Declawed", true), ("FavouriteToy", "mouse")), parsed);

        IMessage dog = Zoo.NewLowered("Hz.Animal", ("Weight", 30f), ("Dog", Zoo.NewLowered("Hz.Dog", ("BonesBuried", 3u), ("Ball", "red"))));
        IMessage parsedDog = Zoo.Parse("Hz.Animal", dog.ToByteArray());
        Assert.Equal(Zoo.New("Hz.Dog", ("Weight", 30f), ("BonesBuried", 3u), ("Ball", "red")), parsedDog);

        IMessage plain = Zoo.NewLowered("Hz.Animal", ("Weight", 4f));
        Assert.Equal(Zoo.InkwellType("Hz.Animal"), Zoo.Parse("Hz.Animal", plain.ToByteArray()).GetType());
    }

    [Fact]
    public void SubtypeParser_ReturnsItsClassOrBelow_AndRejectsOthers()
    {
        byte[] kitten = Zoo.New("Hz.Kitten", ("FavouriteToy", "ball")).ToByteArray();
        Assert.Equal(Zoo.InkwellType("Hz.Kitten"), Zoo.Parse("Hz.Cat", kitten).GetType());

        byte[] dog = Zoo.New("Hz.Dog", ("BonesBuried", 1u)).ToByteArray();
        InvalidCastException error = Assert.Throws<InvalidCastException>(() => Zoo.Parse("Hz.Cat", dog));
        Assert.Contains("Hz.Dog", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Container_KeepsTheClassOfEveryElement()
    {
        IMessage shelter = Zoo.New("Hz.Shelter",
            ("Star", Zoo.New("Hz.Kitten", ("FavouriteToy", "string"), ("Mother", Zoo.New("Hz.Cat", ("Weight", 4f))))),
            ("Chosen", Zoo.New("Hz.Dog", ("Chew", Zoo.New("Hz.Kitten", ("Weight", 0.5f))))));
        var animals = (System.Collections.IList)Get(shelter, "Animals")!;
        animals.Add(Zoo.New("Hz.Cat", ("Declawed", true)));
        animals.Add(Zoo.New("Hz.Dog", ("BonesBuried", 7u)));
        animals.Add(Zoo.New("Hz.Animal", ("Weight", 9f)));
        animals.Add(Zoo.New("Hz.Kitten"));

        byte[] bytes = shelter.ToByteArray();
        IMessage parsed = ParseLowered(Zoo.InkwellType("Hz.Shelter"), bytes);

        Assert.Equal(shelter, parsed);
        Assert.Equal(
            ["Cat", "Dog", "Animal", "Kitten"],
            ((System.Collections.IList)Get(parsed, "Animals")!).Cast<object>().Select(a => a.GetType().Name));
        Assert.Equal("Kitten", Get(parsed, "Star")!.GetType().Name);
        Assert.Equal("Cat", Get(Get(parsed, "Star")!, "Mother")!.GetType().Name);
        Assert.Equal("Kitten", Get(Get(parsed, "Chosen")!, "Chew")!.GetType().Name);
        // protoc's lowered code reads and writes the same bytes.
        Assert.Equal(bytes, ParseLowered(Zoo.LoweredType("Hz.Shelter"), bytes).ToByteArray());
    }

    [Fact]
    public void ReusedReaders_CarryNothingFromOneMessageToTheNext()
    {
        // Parsing a subtype's field reads its base levels into a per-thread reader, moved into the subtype at the
        // end: every level's fields, repeated fields, oneofs and unknown fields must leave the reader behind.
        IMessage shelter = Zoo.New("Hz.Shelter");
        var animals = (System.Collections.IList)Get(shelter, "Animals")!;
        IMessage first = Zoo.New("Hz.Kitten", ("Weight", 1f), ("Declawed", true), ("FavouriteToy", "x"), ("Mother", Zoo.New("Hz.Cat", ("Declawed", true))));
        AddTags(first, "a", "b");
        animals.Add(first);
        animals.Add(Zoo.New("Hz.Kitten"));
        animals.Add(Zoo.New("Hz.Cat"));
        IMessage dog = Zoo.New("Hz.Dog", ("Ball", "red"));
        AddTags(dog, "c");
        animals.Add(dog);
        animals.Add(Zoo.New("Hz.Dog"));
        animals.Add(Zoo.New("Hz.Animal"));
        IMessage last = Zoo.New("Hz.Kitten");
        AddTags(last, "d");
        animals.Add(last);
        byte[] star = Zoo.New("Hz.Shelter", ("Star", Zoo.New("Hz.Cat"))).ToByteArray();
        byte[] bytes = [.. shelter.ToByteArray(), .. star];
        byte[] unknownInCat = [0x0A, 0x07, 0xA2, 0x06, 0x02, 0x08, 0x01, 0x28, 0x05];
        // A Cat with an unknown field at its Animal level, which must not reach the next parse's Cats.
        Type shelterType = Zoo.InkwellType("Hz.Shelter");

        byte[] withUnknown = [.. shelter.ToByteArray(), .. unknownInCat, .. star];
        IMessage parsed = ParseLowered(shelterType, withUnknown);
        Assert.Throws<InvalidProtocolBufferException>(() => ParseLowered(shelterType, bytes[..^3]));
        IMessage again = ParseLowered(shelterType, bytes);

        Assert.Equal(bytes, again.ToByteArray());
        Assert.Equal(withUnknown, parsed.ToByteArray());
        var parsedAnimals = ((System.Collections.IList)Get(again, "Animals")!).Cast<IMessage>().ToList();
        Assert.Equal(animals.Cast<IMessage>(), parsedAnimals.Take(animals.Count));
        Assert.Equal(["Kitten", "Kitten", "Cat", "Dog", "Dog", "Animal", "Kitten"], parsedAnimals.Select(a => a.GetType().Name));
        Assert.Equal("Cat", ((System.Collections.IList)Get(parsed, "Animals")!).Cast<object>().Last().GetType().Name);
        // No two objects share a repeated field.
        AddTags(parsedAnimals[0], "z");
        Assert.Equal(["d"], ((IEnumerable<string>)Get(parsedAnimals[6], "Tags")!).ToList());
        Assert.Empty((IEnumerable<string>)Get(parsedAnimals[1], "Tags")!);
    }

    private static void AddTags(IMessage animal, params string[] tags)
    {
        object list = Get(animal, "Tags")!;
        foreach (string tag in tags)
        {
            list.GetType().GetMethod("Add", [typeof(string)])!.Invoke(list, [tag]);
        }
    }

    [Fact]
    public void SubtypeTypedFields_HaveTheirClass_AndTheRootsWireType()
    {
        Type shelterType = Zoo.InkwellType("Hz.Shelter");
        Assert.Equal(Zoo.InkwellType("Hz.Cat"), shelterType.GetProperty("HouseCat")!.PropertyType);
        Assert.Equal("Hz.Animal", Zoo.LoweredType("Hz.Shelter").GetProperty("HouseCat")!.PropertyType.FullName);

        IMessage shelter = Zoo.New("Hz.Shelter", ("HouseCat", Zoo.New("Hz.Kitten", ("Weight", 1f), ("FavouriteToy", "ball"))));
        ((System.Collections.IList)Get(shelter, "Litter")!).Add(Zoo.New("Hz.Kitten", ("Declawed", true)));
        ((System.Collections.IDictionary)Get(shelter, "CatsByName")!).Add("tom", Zoo.New("Hz.Cat", ("Weight", 5f)));
        Assert.Equal(Zoo.InkwellType("Hz.Cat"), shelterType.GetProperty("CatsByName")!.PropertyType.GetGenericArguments()[1]);
        byte[] bytes = shelter.ToByteArray();

        // protoc's lowered code reads the field as an Animal envelope holding the Kitten.
        IMessage lowered = ParseLowered(Zoo.LoweredType("Hz.Shelter"), bytes);
        object houseCat = Get(lowered, "HouseCat")!;
        Assert.Equal("ball", Get(Get(Get(houseCat, "Cat")!, "Kitten")!, "FavouriteToy"));
        // A map of Cats holds Animal envelopes in the lowered schema too.
        object tom = ((System.Collections.IDictionary)Get(lowered, "CatsByName")!)["tom"]!;
        Assert.Equal((5f, "Cat"), ((float)Get(tom, "Weight")!, Get(tom, "SubtypeCase")!.ToString()));
        Assert.Equal(bytes, lowered.ToByteArray());

        IMessage parsed = ParseLowered(shelterType, bytes);
        Assert.Equal(shelter, parsed);
        Assert.Equal("Kitten", Get(parsed, "HouseCat")!.GetType().Name);

        // Map values are resolved too: a Kitten in a map of Cats comes back a Kitten.
        ((System.Collections.IDictionary)Get(shelter, "CatsByName")!)["kit"] = Zoo.New("Hz.Kitten", ("FavouriteToy", "bell"));
        IMessage withKitten = ParseLowered(shelterType, shelter.ToByteArray());
        Assert.Equal("Kitten", ((System.Collections.IDictionary)Get(withKitten, "CatsByName")!)["kit"]!.GetType().Name);
        Assert.Equal(shelter, withKitten);

        // A Dog where a Cat is declared: the Cat cannot become a Dog, so the Dog's level is kept as unknown fields,
        // written after the (empty) Cat level; a reader of the lowered schema still finds the Dog (the oneof's last).
        IMessage withDog = Zoo.NewLowered("Hz.Shelter", ("HouseCat", Zoo.NewLowered("Hz.Animal", ("Dog", Zoo.NewLowered("Hz.Dog", ("BonesBuried", 4u))))));
        IMessage parsedDog = ParseLowered(shelterType, withDog.ToByteArray());
        Assert.Equal("Cat", Get(parsedDog, "HouseCat")!.GetType().Name);
        object reread = Get(ParseLowered(Zoo.LoweredType("Hz.Shelter"), parsedDog.ToByteArray()), "HouseCat")!;
        Assert.Equal(4u, Get(Get(reread, "Dog")!, "BonesBuried"));
    }

    [Fact]
    public void UnknownSubtype_IsKeptAndWrittenBack()
    {
        // A newer schema's Bird = 150: an old reader keeps it as an unknown field of a plain Animal.
        byte[] bird = [.. Zoo.New("Hz.Animal", ("Weight", 1f)).ToByteArray(), 0xB2, 0x09, 0x02, 0x08, 0x01];
        IMessage parsed = Zoo.Parse("Hz.Animal", bird);
        Assert.Equal(Zoo.InkwellType("Hz.Animal"), parsed.GetType());
        Assert.Equal(bird, parsed.ToByteArray());

        // A Kitten from a newer schema with a field Kitten does not know yet keeps it at its level.
        byte[] kitten = Zoo.NewLowered("Hz.Animal", ("Cat", Zoo.NewLowered("Hz.Cat", ("Kitten", Zoo.NewLowered("Hz.Kitten", ("FavouriteToy", "x")))))).ToByteArray();
        // Kitten: toy "x" and unknown field 2; Cat: unknown field 3; Animal: unknown field 4.
        byte[] newer = [0xA2, 0x06, 0x09, 0x52, 0x05, 0x0A, 0x01, 0x78, 0x10, 0x05, 0x18, 0x06, 0x20, 0x07];
        Assert.Equal([0xA2, 0x06, 0x05, 0x52, 0x03, 0x0A, 0x01, 0x78], kitten);
        IMessage parsedNewer = Zoo.Parse("Hz.Animal", newer);
        Assert.Equal("Kitten", parsedNewer.GetType().Name);
        Assert.Equal(newer, parsedNewer.ToByteArray());
    }

    [Fact]
    public void MergeFrom_RespectsTheClasses()
    {
        // Into a subtype from its base: the base's level merges.
        IMessage kitten = Zoo.New("Hz.Kitten", ("FavouriteToy", "yarn"));
        Invoke(kitten, "MergeFrom", Zoo.InkwellType("Hz.Animal"), Zoo.New("Hz.Cat", ("Weight", 3f), ("Declawed", true)));
        Assert.Equal(Zoo.New("Hz.Kitten", ("Weight", 3f), ("Declawed", true), ("FavouriteToy", "yarn")), kitten);

        // Into a plain Animal from a Kitten: the Animal cannot become a Kitten, but holds it until resolved.
        IMessage animal = Zoo.New("Hz.Animal", ("Weight", 1f));
        Invoke(animal, "MergeFrom", Zoo.InkwellType("Hz.Animal"), Zoo.New("Hz.Kitten", ("FavouriteToy", "box")));
        Assert.Equal(Zoo.New("Hz.Kitten", ("Weight", 1f), ("FavouriteToy", "box")).ToByteArray(), animal.ToByteArray());
        object parser = Zoo.InkwellType("Hz.Animal").GetProperty("Parser")!.GetValue(null)!;
        object resolved = parser.GetType().GetMethod("Resolve")!.Invoke(parser, [animal])!;
        Assert.Equal(Zoo.New("Hz.Kitten", ("Weight", 1f), ("FavouriteToy", "box")), resolved);

        // Into a Cat from a Dog: the Dog's level has nowhere to go but the unknown fields; nothing is lost.
        IMessage cat = Zoo.New("Hz.Cat", ("Declawed", true));
        Invoke(cat, "MergeFrom", Zoo.InkwellType("Hz.Animal"), Zoo.New("Hz.Dog", ("BonesBuried", 2u)));
        Assert.Equal("Cat", cat.GetType().Name);
        Assert.Equal(
            Zoo.New("Hz.Cat", ("Declawed", true)).ToByteArray().Length + Zoo.New("Hz.Dog", ("BonesBuried", 2u)).ToByteArray().Length,
            cat.ToByteArray().Length);
    }

    [Fact]
    public void EqualityHashingAndCloning_RespectTheClass()
    {
        IMessage cat = Zoo.New("Hz.Cat", ("Weight", 1f));
        IMessage kitten = Zoo.New("Hz.Kitten", ("Weight", 1f));
        IMessage animal = Zoo.New("Hz.Animal", ("Weight", 1f));
        Assert.NotEqual(cat, kitten);
        Assert.NotEqual(kitten, cat);
        Assert.NotEqual(animal, cat);
        Assert.Equal(kitten, Zoo.New("Hz.Kitten", ("Weight", 1f)));
        Assert.Equal(kitten.GetHashCode(), Zoo.New("Hz.Kitten", ("Weight", 1f)).GetHashCode());
        Assert.NotEqual(Zoo.New("Hz.Kitten", ("Weight", 1f), ("Declawed", true)), kitten);

        // Clone through the base's method keeps the class, and is deep.
        object clone = Zoo.InkwellType("Hz.Animal").GetMethod("Clone")!.Invoke(kitten, null)!;
        Assert.Equal("Kitten", clone.GetType().Name);
        Assert.Equal(kitten, clone);
        Assert.NotSame(kitten, clone);
        object catClone = Zoo.InkwellType("Hz.Cat").GetMethod("Clone", Type.EmptyTypes)!.Invoke(kitten, null)!;
        Assert.Equal("Kitten", catClone.GetType().Name);
    }

    [Fact]
    public void HostileBytes_FailWithInvalidProtocolBuffer()
    {
        IMessage shelter = Zoo.New("Hz.Shelter", ("Star", Zoo.New("Hz.Kitten", ("FavouriteToy", "string"), ("Declawed", true))));
        ((System.Collections.IList)Get(shelter, "Animals")!).Add(Zoo.New("Hz.Dog", ("Ball", "b")));
        byte[] bytes = shelter.ToByteArray();
        for (int length = 0; length < bytes.Length; length++)
        {
            byte[] truncated = bytes[..length];
            try
            {
                ParseLowered(Zoo.InkwellType("Hz.Shelter"), truncated);
            }
            catch (InvalidProtocolBufferException)
            {
            }
        }

        // Deeper than the recursion limit (100): a Kitten's mother's mother's ... (each level of a
        // subtype counts too: a Kitten is three messages deep).
        byte[] deep = Zoo.New("Hz.Kitten", ("FavouriteToy", "x")).ToByteArray();
        for (int i = 0; i < 40; i++)
        {
            deep = [0x1A, .. Varint(deep.Length), .. deep];
            deep = [0xA2, 0x06, .. Varint(deep.Length + 2), 0x52, .. Varint(deep.Length), .. deep];
        }
        Assert.Throws<InvalidProtocolBufferException>(() => Zoo.Parse("Hz.Animal", deep));
    }

    internal static byte[] Varint(int value)
    {
        var bytes = new List<byte>();
        uint v = (uint)value;
        while (v >= 0x80)
        {
            bytes.Add((byte)(v | 0x80));
            v >>= 7;
        }
        bytes.Add((byte)v);
        return [.. bytes];
    }

    private static void Invoke(object target, string method, Type parameter, object argument) =>
        target.GetType().GetMethod(method, [parameter])!.Invoke(target, [argument]);
}
