/// <summary>Draws one line per frame. Try another bar character while the sample runs.</summary>
public static class Renderer
{
    public static string Frame()
    {
        IEnumerable<string> creatures = World.Creatures.Select(c => $"{c.Name} {new string('#', Math.Max(0, c.Energy))} (age {c.Age})");
        return $"tick {World.Tick,4} | {string.Join(" | ", creatures)}";
    }
}
