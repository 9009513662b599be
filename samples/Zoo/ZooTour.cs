using Google.Protobuf;
using Inkwell.Examples.Zoo;

namespace Inkwell.Samples.Zoo;

/// <summary>
/// Builds a few animals from the classes generated out of examples/zoo.proto, sends them through bytes and JSON,
/// and tells them apart by their class. zoo.proto declares <c>message Cat : Animal = 100</c>, so <c>Cat</c> derives
/// from <c>Animal</c>, <c>Kitten</c> from <c>Cat</c>, and <c>Animal.Parser</c> returns the most-derived class the
/// bytes hold.
/// </summary>
public static class ZooTour
{
    /// <summary>The animals of the tour.</summary>
    public static IReadOnlyList<Animal> Animals { get; } =
    [
        new Cat { Weight = 4.5f, Declawed = true },
        new Dog { Weight = 30f, BonesBuried = 7 },
        new Kitten { Weight = 0.8f, FavouriteToy = "yarn" },
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

    /// <summary>What kind of animal this is: pattern matching on the class the parser returned.</summary>
    public static string Describe(Animal animal) => animal switch
    {
        Kitten kitten => $"a kitten of {kitten.Weight} kg that plays with {kitten.FavouriteToy}",
        Cat cat => $"a cat of {cat.Weight} kg, {(cat.Declawed ? "declawed" : "with claws")}",
        Dog dog => $"a dog of {dog.Weight} kg that buried {dog.BonesBuried} bones",
        _ => $"an animal of {animal.Weight} kg",
    };
}
