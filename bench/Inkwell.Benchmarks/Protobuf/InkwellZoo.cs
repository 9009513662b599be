using Inkwell.Examples.Zoo;

namespace Inkwell.Benchmarks.Protobuf;

/// <summary>
/// Everything the polymorphic benchmarks know about Inkwell's classes for examples/zoo.proto. Today the generator
/// emits the lowered schema's classes (an Animal holds its subtype in the <c>subtype</c> oneof, a Cat its Kitten);
/// with class hierarchies (<c>Cat : Animal</c>, issue 8) only this file changes: build <c>new Cat { Weight = …,
/// Declawed = … }</c> and read back with <c>switch (animal) { case Kitten k: … }</c>.
/// </summary>
internal static class InkwellZoo
{
    public static ByInkwell.Enclosure Build(string name, IEnumerable<AnimalSpec> animals)
    {
        var enclosure = new ByInkwell.Enclosure { Name = name };
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

    public static IEnumerable<AnimalSpec> Read(ByInkwell.Enclosure enclosure) => enclosure.Animals.Select(animal => animal.SubtypeCase switch
    {
        Animal.SubtypeOneofCase.Cat when animal.Cat.SubtypeCase == Cat.SubtypeOneofCase.Kitten =>
            new AnimalSpec(AnimalKind.Kitten, animal.Weight, animal.Cat.Declawed, 0, animal.Cat.Kitten.FavouriteToy),
        Animal.SubtypeOneofCase.Cat => new AnimalSpec(AnimalKind.Cat, animal.Weight, animal.Cat.Declawed, 0, ""),
        Animal.SubtypeOneofCase.Dog => new AnimalSpec(AnimalKind.Dog, animal.Weight, false, animal.Dog.BonesBuried, ""),
        _ => new AnimalSpec(AnimalKind.Animal, animal.Weight, false, 0, ""),
    });
}
