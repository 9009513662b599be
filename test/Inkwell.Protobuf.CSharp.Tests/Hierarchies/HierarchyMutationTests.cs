using Google.Protobuf;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;
using static Inkwell.Protobuf.CSharp.Tests.Infrastructure.HierarchyBuild;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies;

/// <summary>
/// Damaged bytes for a container of mixed animals in each encoding: seeded random byte changes, insertions and
/// cuts. A parse either fails with InvalidProtocolBufferException or gives a message that writes bytes it reads
/// back to an equal message; nothing else (no other exception, no hang), and the per-thread readers a failed parse
/// abandoned never reach the next parse.
/// </summary>
public sealed class HierarchyMutationTests
{
    public static TheoryData<string> Encodings => ["Oneof", "Any", "Extensions"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void DamagedBytes_FailCleanly_OrRoundTrip(string encoding)
    {
        (HierarchyBuild zoo, string package) = encoding switch
        {
            "Any" => (HierarchyBuild.For(HierarchySchemas.AnyFile, HierarchySchemas.AnyZoo), "Ha"),
            "Extensions" => (HierarchyBuild.For(HierarchySchemas.ExtensionsFile, HierarchySchemas.ExtensionsZoo), "Hx"),
            _ => (HierarchyBuild.For(HierarchySchemas.ZooFile, HierarchySchemas.Zoo), "Hz"),
        };
        IMessage shelter = zoo.New(package + ".Shelter");
        var animals = (System.Collections.IList)Get(shelter, "Animals")!;
        animals.Add(zoo.New(package + ".Kitten", ("Weight", 0.5f), ("Declawed", true), ("FavouriteToy", "cork")));
        animals.Add(zoo.New(package + ".Dog", ("BonesBuried", 3u)));
        animals.Add(zoo.New(package + ".Animal", ("Weight", 7f)));
        animals.Add(zoo.New(package + ".Cat", ("Declawed", true)));
        byte[] original = shelter.ToByteArray();
        Type shelterType = zoo.InkwellType(package + ".Shelter");
        var random = new Random(8);

        int parsed = 0;
        for (int i = 0; i < 3000; i++)
        {
            byte[] damaged = Damage(original, random);
            IMessage? message = TryParse(shelterType, damaged);
            if (message is null)
            {
                continue;
            }
            parsed++;
            // What it writes reads back and writes the same bytes (not always the same message: proto3 drops a -0.0
            // float, as protoc's code does).
            byte[] written = message.ToByteArray();
            Assert.Equal(written, ParseLowered(shelterType, written).ToByteArray());
        }

        Assert.InRange(parsed, 1, 2999);
        Assert.Equal(shelter, ParseLowered(shelterType, original));
    }

    private static IMessage? TryParse(Type type, byte[] bytes)
    {
        try
        {
            return ParseLowered(type, bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    private static byte[] Damage(byte[] bytes, Random random)
    {
        var damaged = new List<byte>(bytes);
        for (int changes = random.Next(1, 4); changes > 0 && damaged.Count > 0; changes--)
        {
            int at = random.Next(damaged.Count);
            switch (random.Next(3))
            {
                case 0:
                    damaged[at] = (byte)random.Next(256);
                    break;
                case 1:
                    damaged.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    damaged.RemoveRange(at, damaged.Count - at);
                    break;
            }
        }
        return [.. damaged];
    }
}
