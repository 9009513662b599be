namespace Inkwell.Benchmarks.Protobuf;

/// <summary>
/// One animal independent of any implementation's classes: what the zoo builders create from and what they read
/// back, so the setup can check that every implementation parsed the same animals.
/// </summary>
internal readonly record struct AnimalSpec(AnimalKind Kind, float Weight, bool Declawed, uint BonesBuried, string FavouriteToy)
{
    /// <summary>
    /// A mixed enclosure: cats, dogs, kittens and plain animals in turn, every field that the kind has set
    /// (a kitten is a cat, so it has Declawed too).
    /// </summary>
    public static IReadOnlyList<AnimalSpec> Mixed(int count)
    {
        string[] toys = ["yarn", "feather wand", "cardboard box"];
        var animals = new List<AnimalSpec>(count);
        for (int i = 0; i < count; i++)
        {
            var kind = (AnimalKind)(i % 4);
            animals.Add(new AnimalSpec(
                kind,
                Weight: 0.25f * (i + 1),
                Declawed: kind is AnimalKind.Cat or AnimalKind.Kitten && i % 3 == 0,
                BonesBuried: kind == AnimalKind.Dog ? (uint)(i * 7) : 0,
                FavouriteToy: kind == AnimalKind.Kitten ? toys[i % toys.Length] : ""));
        }
        return animals;
    }
}
