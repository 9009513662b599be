namespace Inkwell.Protobuf.Tests.Inheritance.Interop;

/// <summary>
/// protoc, given only the lowered .proto files, encodes and decodes each encoding with the structure the design
/// documents: the named text format shows how a Kitten nests in a Cat in an Animal, and <c>--decode_raw</c> (which needs
/// no schema) shows the field numbers on the wire.
/// </summary>
public sealed class ProtocDecodeStructureTests
{
    private const string FloatTwoPointFive = "0x40200000";

    [Fact]
    public void Oneof_KittenNestsInCatInAnimal_AtTheSubtypeTags()
    {
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Oneof);
        const string Text = "weight: 2.5 cat { declawed: true kitten { toy: \"ball\" } }";

        byte[] bytes = schema.Encode("zoo.Animal", Text);

        Assert.Equal(Text, schema.Decode("zoo.Animal", bytes));
        Assert.Equal($"1: {FloatTwoPointFive} 100 {{ 1: 1 10 {{ 1: \"ball\" }} }}", DecodeRaw(schema, bytes));
    }

    [Fact]
    public void Oneof_DogIsTheOtherOneofMember()
    {
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Oneof);

        byte[] bytes = schema.Encode("zoo.Animal", "weight: 30 dog { bones_buried: 3 }");

        Assert.Equal("weight: 30 dog { bones_buried: 3 }", schema.Decode("zoo.Animal", bytes));
        Assert.Equal("1: 0x41f00000 101 { 1: 3 }", DecodeRaw(schema, bytes));
    }

    [Fact]
    public void Oneof_SettingASecondSubtype_ReplacesTheFirst()
    {
        // Last one wins, as for any oneof: a message is never a Cat and a Dog at once.
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Oneof);
        byte[] cat = schema.Encode("zoo.Animal", "cat { declawed: true }");
        byte[] dog = schema.Encode("zoo.Animal", "dog { bones_buried: 3 }");

        Assert.Equal("dog { bones_buried: 3 }", schema.Decode("zoo.Animal", [.. cat, .. dog]));
    }

    [Fact]
    public void Any_EachLevelHoldsTheNextInAnAnyWithItsTypeUrl()
    {
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Any);

        byte[] bytes = schema.Encode("zoo.Animal",
            "weight: 2.5 subtype { [type.googleapis.com/zoo.Cat] { declawed: true subtype { [type.googleapis.com/zoo.Kitten] { toy: \"ball\" } } } }");

        // protoc prints an Any as its two fields; each value decodes as the type its URL names.
        string animal = schema.Decode("zoo.Animal", bytes);
        Assert.StartsWith("weight: 2.5 subtype { type_url: \"type.googleapis.com/zoo.Cat\" value: \"", animal);
        string cat = schema.Decode("zoo.Cat", ProtocTextFormat.BytesField(animal, "value"));
        Assert.StartsWith("declawed: true subtype { type_url: \"type.googleapis.com/zoo.Kitten\" value: \"", cat);
        Assert.Equal("toy: \"ball\"", schema.Decode("zoo.Kitten", ProtocTextFormat.BytesField(cat, "value")));
        Assert.Equal(
            $"1: {FloatTwoPointFive} 100 {{ 1: \"type.googleapis.com/zoo.Cat\" 2 {{ 1: 1 10 {{ 1: \"type.googleapis.com/zoo.Kitten\" 2 {{ 1: \"ball\" }} }} }} }}",
            DecodeRaw(schema, bytes));
    }

    [Fact]
    public void Any_ADogIsAnAnyWithTheDogsUrl()
    {
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Any);

        byte[] bytes = schema.Encode("zoo.Animal", "subtype { [type.googleapis.com/zoo.Dog] { bones_buried: 3 } }");

        string animal = schema.Decode("zoo.Animal", bytes);
        Assert.StartsWith("subtype { type_url: \"type.googleapis.com/zoo.Dog\"", animal);
        Assert.Equal("bones_buried: 3", schema.Decode("zoo.Dog", ProtocTextFormat.BytesField(animal, "value")));
    }

    [Fact]
    public void Extensions_EachLevelExtendsItsBaseAndTheBaseNamesTheTag()
    {
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Extensions);

        byte[] bytes = schema.Encode("zoo.Animal",
            "weight: 2.5 subtype: 100 [zoo.Cat.animal] { declawed: true subtype: 10 [zoo.Kitten.cat] { toy: \"ball\" } }");

        // Fields print in number order: the extension (100) before the tag field at the range's end (199).
        Assert.Equal(
            "weight: 2.5 [zoo.Cat.animal] { declawed: true [zoo.Kitten.cat] { toy: \"ball\" } subtype: 10 } subtype: 100",
            schema.Decode("zoo.Animal", bytes));
        Assert.Equal($"1: {FloatTwoPointFive} 100 {{ 1: 1 10 {{ 1: \"ball\" }} 19: 10 }} 199: 100", DecodeRaw(schema, bytes));
    }

    [Fact]
    public void Extensions_InEdition2023_LooksTheSameOnTheWire()
    {
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.ExtensionsEditions);

        byte[] bytes = schema.Encode("zoo.Animal",
            "weight: 2.5 subtype: 100 [zoo.Cat.animal] { declawed: true subtype: 10 [zoo.Kitten.cat] { toy: \"ball\" } }");

        Assert.Equal(
            "weight: 2.5 [zoo.Cat.animal] { declawed: true [zoo.Kitten.cat] { toy: \"ball\" } subtype: 10 } subtype: 100",
            schema.Decode("zoo.Animal", bytes));
        using LoweredSchema proto2 = LoweredSchema.Create(ZooSchemas.Extensions);
        Assert.Equal(proto2.Encode("zoo.Animal", "weight: 2.5 subtype: 100 [zoo.Cat.animal] { declawed: true subtype: 10 [zoo.Kitten.cat] { toy: \"ball\" } }"), bytes);
    }

    [Fact]
    public void Extensions_TheTypeEnumNamesEachSubtypeByItsTag()
    {
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Extensions);

        byte[] bytes = schema.Encode("zoo.Animal", "subtype: 101 [zoo.Dog.animal] { bones_buried: 3 }");

        Assert.Equal("[zoo.Dog.animal] { bones_buried: 3 } subtype: 101", schema.Decode("zoo.Animal", bytes));
        // The generated enum carries the same numbers, so the tag can be read as a name in any language.
        Google.Protobuf.Reflection.DescriptorProto animal = schema.Result.Files[0].ToFileDescriptorProto().MessageType.Single(m => m.Name == "Animal");
        Assert.Equal(
            ["SUBTYPE_UNSPECIFIED=0", "SUBTYPE_CAT=100", "SUBTYPE_DOG=101"],
            animal.EnumType.Single(e => e.Name == "Subtype").Value.Select(v => $"{v.Name}={v.Number}"));
    }

    private static string DecodeRaw(LoweredSchema schema, byte[] bytes) =>
        ProtocTextFormat.Decode(["--decode_raw"], bytes, schema.LoweredDirectory);
}
