/// <summary>How creatures live. Try changing the numbers while the sample runs.</summary>
public static class Rules
{
    public static void Apply(Creature creature, int tick)
    {
        creature.Age++;
        creature.Energy += tick % 3 == 0 ? 2 : -1;
    }
}
