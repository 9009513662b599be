using Google.Protobuf;
using Inkwell.Protobuf.CSharp.Tests.Hierarchies.ProtobufNet;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;
using static Inkwell.Protobuf.CSharp.Tests.Infrastructure.HierarchyBuild;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies;

/// <summary>
/// ONEOF hierarchies exchange bytes with protobuf-net's <c>[ProtoInclude]</c> classes both ways. protobuf-net writes a
/// subtype before its base's fields, Inkwell after them (the lowered schema's field order); each reads the other's.
/// </summary>
public sealed class ProtobufNetExchangeTests
{
    private static HierarchyBuild Zoo => HierarchyBuild.For(HierarchySchemas.ZooFile, HierarchySchemas.Zoo);

    [Fact]
    public void ProtobufNetKitten_ParsesAsAKitten()
    {
        var net = new NetKitten { Weight = 0.5f, Declawed = true, FavouriteToy = "mouse", Mother = new NetCat { Weight = 4f } };
        net.Tags.Add("tabby");
        using var stream = new MemoryStream();
        ProtoBuf.Serializer.Serialize<NetAnimal>(stream, net);

        IMessage parsed = Zoo.Parse("Hz.Animal", stream.ToArray());

        IMessage expected = Zoo.New("Hz.Kitten", ("Weight", 0.5f), ("Declawed", true), ("FavouriteToy", "mouse"), ("Mother", Zoo.New("Hz.Cat", ("Weight", 4f))));
        ((System.Collections.IList)Get(expected, "Tags")!).Add("tabby");
        Assert.Equal(expected, parsed);
    }

    [Fact]
    public void InkwellDog_DeserializesAsAProtobufNetDog()
    {
        IMessage dog = Zoo.New("Hz.Dog", ("Weight", 30f), ("BonesBuried", 7u), ("Chew", Zoo.New("Hz.Kitten", ("FavouriteToy", "sock"))));

        NetAnimal net = ProtoBuf.Serializer.Deserialize<NetAnimal>(new MemoryStream(dog.ToByteArray()));

        NetDog netDog = Assert.IsType<NetDog>(net);
        Assert.Equal((30f, 7u), (netDog.Weight, netDog.BonesBuried));
        Assert.Equal("sock", Assert.IsType<NetKitten>(netDog.Chew).FavouriteToy);

        // And back: protobuf-net's bytes (subtype first) parse to an equal Inkwell Dog.
        using var stream = new MemoryStream();
        ProtoBuf.Serializer.Serialize(stream, net);
        Assert.Equal(dog, Zoo.Parse("Hz.Animal", stream.ToArray()));
    }
}
