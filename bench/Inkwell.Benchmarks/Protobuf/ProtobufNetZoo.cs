using Inkwell.Benchmarks.Protobuf.ByProtobufNet;

namespace Inkwell.Benchmarks.Protobuf;

/// <summary>The polymorphic benchmarks' protobuf-net side: [ProtoInclude] classes, one object per animal.</summary>
internal static class ProtobufNetZoo
{
    public static Enclosure Build(string name, IEnumerable<AnimalSpec> animals)
    {
        var enclosure = new Enclosure { Name = name };
        foreach (AnimalSpec spec in animals)
        {
            enclosure.Animals.Add(spec.Kind switch
            {
                AnimalKind.Cat => new Cat { Weight = spec.Weight, Declawed = spec.Declawed },
                AnimalKind.Kitten => new Kitten { Weight = spec.Weight, Declawed = spec.Declawed, FavouriteToy = spec.FavouriteToy },
                AnimalKind.Dog => new Dog { Weight = spec.Weight, BonesBuried = spec.BonesBuried },
                _ => new Animal { Weight = spec.Weight },
            });
        }
        return enclosure;
    }

    public static IEnumerable<AnimalSpec> Read(Enclosure enclosure) => enclosure.Animals.Select(animal => animal switch
    {
        Kitten kitten => new AnimalSpec(AnimalKind.Kitten, kitten.Weight, kitten.Declawed, 0, kitten.FavouriteToy),
        Cat cat => new AnimalSpec(AnimalKind.Cat, cat.Weight, cat.Declawed, 0, ""),
        Dog dog => new AnimalSpec(AnimalKind.Dog, dog.Weight, false, dog.BonesBuried, ""),
        _ => new AnimalSpec(AnimalKind.Animal, animal.Weight, false, 0, ""),
    });
}
