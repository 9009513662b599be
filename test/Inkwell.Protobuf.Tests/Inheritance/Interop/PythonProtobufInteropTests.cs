using Inkwell.Protobuf.Tests.Inheritance.Interop.ProtobufNet;
using ProtoBuf;

namespace Inkwell.Protobuf.Tests.Inheritance.Interop;

/// <summary>
/// Debian's python3-protobuf, given only the lowered descriptor set, reads and writes each encoding through its own
/// API (oneof members, <c>Any.Pack</c>/<c>Unpack</c>, <c>Extensions[…]</c>): what protoc encodes it reads level by level,
/// and what it builds is byte for byte what protoc encodes from the same text. For ONEOF it also exchanges bytes with
/// protobuf-net. The hierarchies split over packages are included, since that is where ANY and EXTENSIONS differ.
/// </summary>
public sealed class PythonProtobufInteropTests
{
    private const string KittenText = "weight: 2.5 cat { declawed: true kitten { toy: \"ball\" } }";
    private const string Kitten = "zoo.Animal:weight=2.5/zoo.Cat:declawed=true/zoo.Kitten:toy=ball";

    public static TheoryData<string, string, string, string> Messages => new()
    {
        { "Oneof", "ONEOF", KittenText, Kitten },
        { "Oneof", "ONEOF", "weight: 30 dog { bones_buried: 3 }", "zoo.Animal:weight=30/zoo.Dog:bones_buried=3" },
        { "Oneof", "ONEOF", "weight: 1", "zoo.Animal:weight=1" },
        {
            "Any", "ANY",
            "weight: 2.5 subtype { [type.googleapis.com/zoo.Cat] { declawed: true subtype { [type.googleapis.com/zoo.Kitten] { toy: \"ball\" } } } }",
            Kitten
        },
        { "Any", "ANY", "weight: 30 subtype { [type.googleapis.com/zoo.Dog] { bones_buried: 3 } }", "zoo.Animal:weight=30/zoo.Dog:bones_buried=3" },
        {
            "Extensions", "EXTENSIONS",
            "weight: 2.5 subtype: 100 [zoo.Cat.animal] { declawed: true subtype: 10 [zoo.Kitten.cat] { toy: \"ball\" } }",
            Kitten
        },
        { "Extensions", "EXTENSIONS", "weight: 30 subtype: 101 [zoo.Dog.animal] { bones_buried: 3 }", "zoo.Animal:weight=30/zoo.Dog:bones_buried=3" },
        { "OneofSplit", "ONEOF", KittenText, Kitten },
        { "OneofSplit", "ONEOF", "weight: 30 dog { bones_buried: 3 }", "zoo.Animal:weight=30/kennel.Dog:bones_buried=3" },
        {
            "AnySplit", "ANY",
            "weight: 2.5 subtype { [type.googleapis.com/pets.Cat] { declawed: true subtype { [type.googleapis.com/pets.Kitten] { toy: \"ball\" } } } }",
            "zoo.Animal:weight=2.5/pets.Cat:declawed=true/pets.Kitten:toy=ball"
        },
        {
            "ExtensionsSplit", "EXTENSIONS",
            "weight: 2.5 subtype: 100 [pets.Cat.animal] { declawed: true subtype: 10 [pets.Kitten.cat] { toy: \"ball\" } }",
            "zoo.Animal:weight=2.5/pets.Cat:declawed=true/pets.Kitten:toy=ball"
        },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Python_ReadsWhatProtocEncodes_LevelByLevel(string set, string encoding, string text, string levels)
    {
        DebianPython.Require();
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Named(set));
        string file = schema.ScratchPath("protoc.bin");
        File.WriteAllBytes(file, schema.Encode("zoo.Animal", text));

        string[] read = DebianPython.Read(schema.WriteDescriptorSet(), encoding, "zoo.Animal", file);

        Assert.Equal(levels.Split('/'), read);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Python_WritesWhatProtocEncodes_ByteForByte(string set, string encoding, string text, string levels)
    {
        DebianPython.Require();
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Named(set));

        byte[] written = DebianPython.Write(schema.WriteDescriptorSet(), encoding, levels.Split('/'), schema.ScratchPath("python.bin"));

        Assert.Equal(schema.Encode("zoo.Animal", text), written);
    }

    [Fact]
    public void Python_ReadsProtobufNetBytes()
    {
        DebianPython.Require();
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Oneof);
        string file = schema.ScratchPath("protobuf-net.bin");
        using (FileStream stream = File.Create(file))
        {
            Serializer.Serialize<Animal>(stream, new ProtobufNet.Kitten { Weight = 2.5f, Declawed = true, Toy = "ball" });
        }

        string[] read = DebianPython.Read(schema.WriteDescriptorSet(), "ONEOF", "zoo.Animal", file);

        Assert.Equal(Kitten.Split('/'), read);
    }

    [Fact]
    public void ProtobufNet_ReadsPythonBytes_AsTheMostDerivedType()
    {
        DebianPython.Require();
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Oneof);

        byte[] written = DebianPython.Write(schema.WriteDescriptorSet(), "ONEOF", Kitten.Split('/'), schema.ScratchPath("python.bin"));
        Animal animal = Serializer.Deserialize<Animal>(written.AsSpan());

        ProtobufNet.Kitten kitten = Assert.IsType<ProtobufNet.Kitten>(animal);
        Assert.Equal((2.5f, true, "ball"), (kitten.Weight, kitten.Declawed, kitten.Toy));
    }
}
