using Google.Protobuf;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;
using static Inkwell.Protobuf.CSharp.Tests.Infrastructure.HierarchyBuild;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies;

/// <summary>
/// Objects of the generated C# classes (a <c>Kitten : Cat : Animal</c>, a <c>Dog</c>, a plain <c>Animal</c>, a
/// <c>Zoo</c> of mixed animals) exchange bytes with Debian's python3-protobuf, which is given only the lowered
/// descriptor set: Python reads what the C# writes level by level through its own API (oneof members,
/// <c>Any.Pack</c>/<c>Unpack</c>, <c>Extensions[…]</c>), and what Python builds through that API
/// <c>Animal.Parser</c> reads as the most-derived class.
/// One row of levels text (the lines zoo_interop.py prints) describes the object on both sides.
/// </summary>
public sealed class PythonExchangeTests : IDisposable
{
    /// <summary>
    /// The hierarchies in one file (zoo.Animal, zoo.Cat, zoo.Dog, zoo.Kitten and a zoo.Zoo), with their encoding.
    /// ExtensionsEditions is not here: Debian's python3-protobuf (3.21) predates editions and rejects its descriptor.
    /// </summary>
    private static readonly (string Set, string Encoding)[] s_oneFileHierarchies =
    [
        ("Oneof", "ONEOF"),
        ("Extensions", "EXTENSIONS"),
        ("Any", "ANY"),
    ];

    /// <summary>The objects of a one-file hierarchy: three levels deep, two, a sibling, the root alone, levels with no field set.</summary>
    private static readonly string[] s_oneFileObjects =
    [
        "zoo.Animal:weight=2.5/zoo.Cat:declawed=true/zoo.Kitten:toy=ball",
        "zoo.Animal:weight=4/zoo.Cat:declawed=true",
        "zoo.Animal:weight=30/zoo.Dog:bones_buried=3",
        "zoo.Animal:weight=1",
        "zoo.Animal:/zoo.Cat:/zoo.Kitten:",
    ];

    /// <summary>The hierarchies split over files and packages, each with the objects its names allow.</summary>
    private static readonly (string Set, string Encoding, string[] Objects)[] s_splitHierarchies =
    [
        ("OneofSplit", "ONEOF", ["zoo.Animal:weight=2.5/zoo.Cat:declawed=true/zoo.Kitten:toy=ball", "zoo.Animal:weight=30/kennel.Dog:bones_buried=3"]),
        ("ExtensionsSplit", "EXTENSIONS", ["zoo.Animal:weight=2.5/pets.Cat:declawed=true/pets.Kitten:toy=ball", "zoo.Animal:/pets.Cat:declawed=true"]),
        ("AnySplit", "ANY", ["zoo.Animal:weight=2.5/pets.Cat:declawed=true/pets.Kitten:toy=ball", "zoo.Animal:/pets.Cat:declawed=true"]),
    ];

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("inkwell-python-exchange-");

    /// <summary>Every object of every hierarchy: (set, encoding, levels).</summary>
    public static TheoryData<string, string, string> Objects()
    {
        var data = new TheoryData<string, string, string>();
        foreach ((string set, string encoding) in s_oneFileHierarchies)
        {
            foreach (string levels in s_oneFileObjects)
            {
                data.Add(set, encoding, levels);
            }
        }

        foreach ((string set, string encoding, string[] objects) in s_splitHierarchies)
        {
            foreach (string levels in objects)
            {
                data.Add(set, encoding, levels);
            }
        }

        return data;
    }

    /// <summary>One <c>Zoo</c> per one-file hierarchy, holding all its objects.</summary>
    public static TheoryData<string, string> Zoos() => [.. s_oneFileHierarchies.Select(h => new TheoryDataRow<string, string>(h.Set, h.Encoding))];

    [Theory]
    [MemberData(nameof(Objects))]
    public void GeneratedObject_IsReadByPython_LevelByLevel(string set, string encoding, string levels)
    {
        HierarchyBuild build = RequirePythonAndBuild(set);
        IMessage message = HierarchyLevels.New(build, levels);
        string file = ScratchFile("csharp.bin", message.ToByteArray());

        string[] read = DebianPython.Read(DescriptorSet(build), encoding, HierarchyLevels.Root(levels), file);

        Assert.Equal(levels.Split('/'), read);
    }

    [Theory]
    [MemberData(nameof(Objects))]
    public void PythonMessage_ParsesAsTheMostDerivedClass(string set, string encoding, string levels)
    {
        HierarchyBuild build = RequirePythonAndBuild(set);
        IMessage expected = HierarchyLevels.New(build, levels);

        byte[] written = DebianPython.Write(DescriptorSet(build), encoding, levels.Split('/'), Path.Combine(_scratch.FullName, "python.bin"));
        IMessage parsed = build.Parse(build.InkwellTypeOf(HierarchyLevels.Root(levels)).FullName!, written);

        Assert.Equal(expected.GetType(), parsed.GetType());
        Assert.Equal(expected, parsed);
        // The class chain is the chain of levels: Kitten's base is Cat's class, Cat's is Animal's.
        Assert.Equal(
            HierarchyLevels.Names(levels).Reverse(),
            ClassChain(parsed.GetType()).Select(type => DescriptorOf(type)!.FullName));
    }

    [Theory]
    [MemberData(nameof(Zoos))]
    public void GeneratedZoo_IsReadByPython_ElementByElement(string set, string encoding)
    {
        HierarchyBuild build = RequirePythonAndBuild(set);
        IMessage zoo = NewZoo(build);
        string file = ScratchFile("csharp.bin", zoo.ToByteArray());

        string[] read = DebianPython.ReadList(DescriptorSet(build), encoding, "zoo.Zoo", "animals", file);

        Assert.Equal(s_oneFileObjects, read);
    }

    [Theory]
    [MemberData(nameof(Zoos))]
    public void PythonZoo_ParsesEachElementAsItsClass(string set, string encoding)
    {
        HierarchyBuild build = RequirePythonAndBuild(set);
        IMessage expected = NewZoo(build);

        byte[] written = DebianPython.WriteList(DescriptorSet(build), encoding, "zoo.Zoo", "animals", s_oneFileObjects, Path.Combine(_scratch.FullName, "python.bin"));
        IMessage parsed = build.Parse(build.InkwellTypeOf("zoo.Zoo").FullName!, written);

        Assert.Equal(expected, parsed);
        Assert.Equal(
            ["Kitten", "Cat", "Dog", "Animal", "Kitten"],
            ((System.Collections.IList)Get(parsed, "Animals")!).Cast<object>().Select(animal => animal.GetType().Name));
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    /// <summary>The build of a ZooSchemas set, once Debian's python3-protobuf is known to be there (else the test skips).</summary>
    private static HierarchyBuild RequirePythonAndBuild(string set)
    {
        DebianPython.Require();
        return HierarchyBuild.For(ZooSchemas.Named(set));
    }

    private static IMessage NewZoo(HierarchyBuild build)
    {
        IMessage zoo = (IMessage)Activator.CreateInstance(build.InkwellTypeOf("zoo.Zoo"))!;
        var animals = (System.Collections.IList)Get(zoo, "Animals")!;
        foreach (string levels in s_oneFileObjects)
        {
            animals.Add(HierarchyLevels.New(build, levels));
        }

        return zoo;
    }

    private static IEnumerable<Type> ClassChain(Type type)
    {
        for (Type? current = type; current is not null && DescriptorOf(current) is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    private string DescriptorSet(HierarchyBuild build) => ScratchFile("lowered.pb", build.LoweredDescriptorSet);

    private string ScratchFile(string name, byte[] contents)
    {
        string path = Path.Combine(_scratch.FullName, name);
        File.WriteAllBytes(path, contents);
        return path;
    }
}
