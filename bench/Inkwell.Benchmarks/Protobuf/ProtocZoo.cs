using Inkwell.Benchmarks.Protobuf.ByProtoc;

namespace Inkwell.Benchmarks.Protobuf;

/// <summary>
/// The polymorphic benchmarks' protoc side: Google.Protobuf classes of the lowered zoo schema
/// (Schemas/Protoc/lowered_zoo.proto), what a protoc user writes for a hierarchy by hand.
/// </summary>
internal static class ProtocZoo
{
    public static Enclosure Build(string name, IEnumerable<AnimalSpec> animals)
    {
        var enclosure = new Enclosure { Name = name };
        foreach (AnimalSpec spec in animals)
        {
            var animal = new Animal { Weight = spec.Weight };
            switch (spec.Kind)
            {
                case AnimalKind.Cat:
                    animal.Cat = new Cat { Declawed = spec.Declawed };
                    break;
                case AnimalKind.Kitten:
                    animal.Cat = new Cat { Declawed = spec.Declawed, Kitten = new Kitten { FavouriteToy = spec.FavouriteToy } };
                    break;
                case AnimalKind.Dog:
                    animal.Dog = new Dog { BonesBuried = spec.BonesBuried };
                    break;
            }
            enclosure.Animals.Add(animal);
        }
        return enclosure;
    }

    public static IEnumerable<AnimalSpec> Read(Enclosure enclosure) => enclosure.Animals.Select(animal => animal.SubtypeCase switch
    {
        Animal.SubtypeOneofCase.Cat when animal.Cat.SubtypeCase == Cat.SubtypeOneofCase.Kitten =>
            new AnimalSpec(AnimalKind.Kitten, animal.Weight, animal.Cat.Declawed, 0, animal.Cat.Kitten.FavouriteToy),
        Animal.SubtypeOneofCase.Cat => new AnimalSpec(AnimalKind.Cat, animal.Weight, animal.Cat.Declawed, 0, ""),
        Animal.SubtypeOneofCase.Dog => new AnimalSpec(AnimalKind.Dog, animal.Weight, false, animal.Dog.BonesBuried, ""),
        _ => new AnimalSpec(AnimalKind.Animal, animal.Weight, false, 0, ""),
    });
}
