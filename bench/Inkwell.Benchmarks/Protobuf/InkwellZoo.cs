using Inkwell.Examples.Zoo;

namespace Inkwell.Benchmarks.Protobuf;

/// <summary>
/// Everything the polymorphic benchmarks know about Inkwell's classes for examples/zoo.proto: class hierarchies
/// (<c>Kitten : Cat : Animal</c>), built as their classes and read back by pattern matching.
/// </summary>
internal static class InkwellZoo
{
    public static ByInkwell.Enclosure Build(string name, IEnumerable<AnimalSpec> animals)
    {
        var enclosure = new ByInkwell.Enclosure { Name = name };
        foreach (AnimalSpec spec in animals)
        {
            Animal animal = spec.Kind switch
            {
                AnimalKind.Cat => new Cat { Weight = spec.Weight, Declawed = spec.Declawed },
                AnimalKind.Kitten => new Kitten { Weight = spec.Weight, Declawed = spec.Declawed, FavouriteToy = spec.FavouriteToy },
                AnimalKind.Dog => new Dog { Weight = spec.Weight, BonesBuried = spec.BonesBuried },
                _ => new Animal { Weight = spec.Weight },
            };
            enclosure.Animals.Add(animal);
        }
        return enclosure;
    }

    public static IEnumerable<AnimalSpec> Read(ByInkwell.Enclosure enclosure) => enclosure.Animals.Select(animal => animal switch
    {
        Kitten kitten => new AnimalSpec(AnimalKind.Kitten, kitten.Weight, kitten.Declawed, 0, kitten.FavouriteToy),
        Cat cat => new AnimalSpec(AnimalKind.Cat, cat.Weight, cat.Declawed, 0, ""),
        Dog dog => new AnimalSpec(AnimalKind.Dog, dog.Weight, false, dog.BonesBuried, ""),
        _ => new AnimalSpec(AnimalKind.Animal, animal.Weight, false, 0, ""),
    });
}
