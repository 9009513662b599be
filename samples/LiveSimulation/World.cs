using Inkwell.Reload;

/// <summary>The state of the simulation. [Preserve] keeps it across reloads of this module or of Creature.cs.</summary>
public static class World
{
    [Preserve] public static int Tick;
    [Preserve] public static List<Creature> Creatures = [];

    public static void Step()
    {
        if (Creatures.Count == 0)
        {
            Creatures.AddRange([new Creature("ant", 5), new Creature("bee", 8), new Creature("cat", 12)]);
        }

        Tick++;
        foreach (Creature creature in Creatures)
        {
            Rules.Apply(creature, Tick);
        }

        Creatures.RemoveAll(c => c.Energy <= 0);
    }

    // Runs on the new version after a reload: a place to migrate state whose shape changed.
    static void OnReload(ReloadContext context)
    {
        Console.WriteLine($"-- World reloaded (v{context.PreviousVersion} -> v{context.Version}) at tick {Tick}");
    }
}
