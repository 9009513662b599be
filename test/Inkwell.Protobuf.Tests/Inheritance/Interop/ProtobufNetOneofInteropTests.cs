using Inkwell.Protobuf.Tests.Inheritance.Interop.ProtobufNet;
using ProtoBuf;

namespace Inkwell.Protobuf.Tests.Inheritance.Interop;

/// <summary>
/// The ONEOF encoding is what protobuf-net writes for <c>[ProtoInclude]</c>: bytes protobuf-net serializes decode with
/// protoc against the lowered schema to the expected nesting, and bytes protoc encodes from the lowered schema
/// deserialize in protobuf-net to the most derived type with every level's fields. protobuf-net writes the subtype
/// before the base's own fields, protoc after; the criterion is "wire-identical up to field order", so structures are
/// compared as protoc decodes them (fields in number order), and the bytes after protoc re-encodes them.
/// </summary>
public sealed class ProtobufNetOneofInteropTests
{
    // The length-delimited fields that hold a subtype: Animal's cat and dog, Cat's kitten.
    private static readonly HashSet<int> s_subtypeTags = [100, 101, 10];

    public static TheoryData<string, string> Animals => new()
    {
        { "kitten", "weight: 2.5 cat { declawed: true kitten { toy: \"ball\" } }" },
        { "cat", "weight: 4 cat { declawed: true }" },
        { "cat with defaults", "weight: 4 cat { }" },
        { "dog", "weight: 30 dog { bones_buried: 3 }" },
        { "animal", "weight: 1" },
        { "kitten with defaults", "cat { kitten { } }" },
    };

    [Theory]
    [MemberData(nameof(Animals))]
    public void ProtobufNetBytes_DecodeWithProtoc_ToTheLoweredStructure(string name, string expected)
    {
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Oneof);
        byte[] bytes = Serialize(Create(name));

        Assert.Equal(expected, schema.Decode("zoo.Animal", bytes));
        Assert.Equal(schema.Encode("zoo.Animal", expected), WireFieldOrder.Canonical(bytes, s_subtypeTags));
    }

    [Theory]
    [MemberData(nameof(Animals))]
    public void ProtocBytes_DeserializeInProtobufNet_ToTheMostDerivedType(string name, string text)
    {
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Oneof);
        Animal expected = Create(name);

        Animal actual = Serializer.Deserialize<Animal>(schema.Encode("zoo.Animal", text).AsSpan());

        AssertSame(expected, actual);
    }

    [Theory]
    [InlineData("kitten", "weight: 2.5 cat { declawed: true kitten { toy: \"ball\" } }")]
    [InlineData("dog", "weight: 30 dog { bones_buried: 3 }")]
    public void ProtobufNetBytes_MatchTheHierarchySplitOverFilesAndPackages(string name, string expected)
    {
        // protobuf-net knows no files or packages: the wire is the same when Dog lives in package kennel.
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.OneofSplit);
        byte[] bytes = Serialize(Create(name));

        Assert.Equal(expected, schema.Decode("zoo.Animal", bytes));
        AssertSame(Create(name), Serializer.Deserialize<Animal>(schema.Encode("zoo.Animal", expected).AsSpan()));
    }

    [Fact]
    public void ProtobufNetList_OfMixedSubtypes_DecodesAsRepeatedEnvelopes()
    {
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Oneof);
        var zoo = new Zoo();
        zoo.Animals.AddRange([Create("dog"), Create("kitten"), Create("animal")]);

        string decoded = schema.Decode("zoo.Zoo", Serialize(zoo));

        Assert.Equal(
            "animals { weight: 30 dog { bones_buried: 3 } } " +
            "animals { weight: 2.5 cat { declawed: true kitten { toy: \"ball\" } } } " +
            "animals { weight: 1 }",
            decoded);
    }

    [Fact]
    public void ProtocList_OfMixedSubtypes_DeserializesInOrderWithTheirTypes()
    {
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Oneof);
        byte[] bytes = schema.Encode("zoo.Zoo",
            "animals { cat { kitten { toy: \"mouse\" } } } animals { weight: 12 dog { bones_buried: 7 } } animals { cat { declawed: true } }");

        Zoo zoo = Serializer.Deserialize<Zoo>(bytes.AsSpan());

        Assert.Collection(zoo.Animals,
            a => Assert.Equal("mouse", Assert.IsType<Kitten>(a).Toy),
            a => Assert.Equal((12f, 7u), (a.Weight, Assert.IsType<Dog>(a).BonesBuried)),
            a => Assert.True(Assert.IsType<Cat>(a).Declawed));
    }

    [Fact]
    public void ProtobufNet_WritesTheSubtypeFirst_WhichIsWhyBytesAreComparedInFieldOrder()
    {
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Oneof);
        string text = "weight: 2.5 cat { declawed: true kitten { toy: \"ball\" } }";
        byte[] protobufNet = Serialize(Create("kitten"));
        byte[] protoc = schema.Encode("zoo.Animal", text);

        Assert.NotEqual(protoc, protobufNet);
        Assert.Equal(0xA2, protobufNet[0]); // field 100, length-delimited: the Cat envelope comes first
        Assert.Equal(0x0D, protoc[0]); // field 1, fixed32: protoc writes the weight first
        Assert.Equal(protoc, WireFieldOrder.Canonical(protobufNet, s_subtypeTags));
    }

    private static Animal Create(string name) => name switch
    {
        "kitten" => new Kitten { Weight = 2.5f, Declawed = true, Toy = "ball" },
        "cat" => new Cat { Weight = 4, Declawed = true },
        "cat with defaults" => new Cat { Weight = 4 },
        "dog" => new Dog { Weight = 30, BonesBuried = 3 },
        "animal" => new Animal { Weight = 1 },
        "kitten with defaults" => new Kitten(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static byte[] Serialize<T>(T value)
    {
        using var stream = new MemoryStream();
        Serializer.Serialize(stream, value);
        return stream.ToArray();
    }

    private static void AssertSame(Animal expected, Animal actual)
    {
        Assert.IsType(expected.GetType(), actual);
        Assert.Equal(expected.Weight, actual.Weight);
        switch (expected)
        {
            case Kitten kitten:
                Assert.Equal((kitten.Declawed, kitten.Toy), (((Kitten)actual).Declawed, ((Kitten)actual).Toy));
                break;
            case Cat cat:
                Assert.Equal(cat.Declawed, ((Cat)actual).Declawed);
                break;
            case Dog dog:
                Assert.Equal(dog.BonesBuried, ((Dog)actual).BonesBuried);
                break;
        }
    }
}
