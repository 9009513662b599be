using Google.Protobuf;
using Inkwell.Examples.Zoo;

namespace Inkwell.Samples.Zoo;

/// <summary>
/// Builds a few animals from the types generated out of examples/zoo.proto, sends them through bytes and JSON, and
/// tells them apart by the subtype each one carries. zoo.proto declares <c>message Cat : Animal = 100</c>; until the
/// generator emits class hierarchies (issue 8), the types are those of the lowered schema: an Animal holds its
/// subtype in the <c>subtype</c> oneof, and a Cat holds a Kitten the same way.
/// </summary>
public static class ZooTour
{
    /// <summary>The animals of the tour.</summary>
    public static IReadOnlyList<Animal> Animals { get; } =
    [
        new Animal { Weight = 4.5f, Cat = new Cat { Declawed = true } },
        new Animal { Weight = 30f, Dog = new Dog { BonesBuried = 7 } },
        new Animal { Weight = 0.8f, Cat = new Cat { Kitten = new Kitten { FavouriteToy = "yarn" } } },
        new Animal { Weight = 0.2f },
    ];

    /// <summary>Writes one line per animal after a round trip through the wire format, then the first as JSON.</summary>
    public static void Run(TextWriter output)
    {
        foreach (Animal animal in Animals)
        {
            byte[] bytes = animal.ToByteArray();
            Animal parsed = Animal.Parser.ParseFrom(bytes);
            output.WriteLine($"{Describe(parsed)} ({bytes.Length} bytes, equal after the round trip: {parsed.Equals(animal)})");
        }

        output.WriteLine(JsonFormatter.Default.Format(Animals[0]));
    }

    /// <summary>What kind of animal this is: the oneof case says which subtype it holds.</summary>
    public static string Describe(Animal animal) => animal.SubtypeCase switch
    {
        Animal.SubtypeOneofCase.Cat when animal.Cat.SubtypeCase == Cat.SubtypeOneofCase.Kitten =>
            $"a kitten of {animal.Weight} kg that plays with {animal.Cat.Kitten.FavouriteToy}",
        Animal.SubtypeOneofCase.Cat => $"a cat of {animal.Weight} kg, {(animal.Cat.Declawed ? "declawed" : "with claws")}",
        Animal.SubtypeOneofCase.Dog => $"a dog of {animal.Weight} kg that buried {animal.Dog.BonesBuried} bones",
        _ => $"an animal of {animal.Weight} kg",
    };
}
