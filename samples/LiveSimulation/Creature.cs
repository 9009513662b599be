/// <summary>A creature. Add a field here while the sample runs: existing creatures keep their other values and
/// the new field starts at its initial value.</summary>
public sealed class Creature(string name, int energy)
{
    public string Name { get; } = name;

    public int Energy { get; set; } = energy;

    public int Age { get; set; }
}
