using System.Collections;

namespace Inkwell.Reload.Tests;

public sealed class StateTests
{
    [Fact]
    public void PreservedPrimitivesAndSharedCollections_SurviveAsTheSameObjects()
    {
        using var folder = new ModuleFolder().Write("S.cs", """
            using Inkwell.Reload;
            public static class S
            {
                [Preserve] public static int Count;
                [Preserve] public static string Name { get; set; } = "start";
                [Preserve] public static List<int> Numbers = new();
                [Preserve] public static Dictionary<string, int> Scores = new();
                public static int NotPreserved;
                public static void Play() { Count = 5; Name = "played"; Numbers.Add(3); Scores["a"] = 1; NotPreserved = 9; }
            }
            """);
        folder.Start();
        folder.Call("S", "Play");
        object numbers = folder.Get("S", "Numbers")!;

        folder.Write("S.cs", """
            using Inkwell.Reload;
            public static class S
            {
                [Preserve] public static int Count;
                [Preserve] public static string Name { get; set; } = "start";
                [Preserve] public static List<int> Numbers = new();
                [Preserve] public static Dictionary<string, int> Scores = new();
                public static int NotPreserved;
                public static int Version => 2;
            }
            """);
        folder.Reload();

        Assert.Equal(2, folder.Get("S", "Version"));
        Assert.Equal(5, folder.Get("S", "Count"));
        Assert.Equal("played", folder.Get("S", "Name"));
        Assert.Same(numbers, folder.Get("S", "Numbers"));
        Assert.Equal(1, ((Dictionary<string, int>)folder.Get("S", "Scores")!)["a"]);
        Assert.Equal(0, folder.Get("S", "NotPreserved"));
        Assert.Empty(folder.Host.VerifyUnloaded());
    }

    [Fact]
    public void ModuleDefinedTypes_AreCopiedMemberByMember_ToleratingShapeChanges()
    {
        using var folder = new ModuleFolder()
            .Write("Creature.cs", """
                public enum Mood { Calm, Angry }
                public class Creature
                {
                    public string Name = "";
                    public int Energy = 3;
                    public Mood Mood;
                    public Creature? Friend;
                    public int Legs { get; set; }
                }
                """)
            .Write("World.cs", """
                using Inkwell.Reload;
                public static class World
                {
                    [Preserve] public static List<Creature> Creatures = new();
                    [Preserve] public static Creature[] Ranked = [];
                    [Preserve] public static Dictionary<string, Creature> ByName = new();
                    [Preserve] public static Creature? Leader;
                    public static void Seed()
                    {
                        var a = new Creature { Name = "ant", Mood = Mood.Angry, Legs = 6 };
                        var b = new Creature { Name = "bee", Friend = a };
                        a.Friend = b;
                        Creatures.Add(a); Creatures.Add(b);
                        Ranked = [b, a];
                        ByName["ant"] = a;
                        Leader = a;
                    }
                }
                """);
        folder.Start();
        folder.Call("World", "Seed");

        // Energy removed, Age added with an initial value, enum members reordered.
        folder.Write("Creature.cs", """
            public enum Mood { Sleepy, Angry, Calm }
            public class Creature
            {
                public string Name = "";
                public Mood Mood;
                public Creature? Friend;
                public int Legs { get; set; }
                public int Age = 7;
                public string Describe() => $"{Name}:{Mood}:{Legs}:{Age}";
            }
            """);
        ReloadResult result = folder.Reload();
        Assert.Contains(folder.PathOf("World.cs"), result.Reloaded);

        var creatures = (IList)folder.Get("World", "Creatures")!;
        Type creatureType = folder.Host.FindType("Creature")!;
        Assert.Equal(2, creatures.Count);
        Assert.All(creatures.Cast<object>(), c => Assert.IsType(creatureType, c));
        Assert.Equal("ant:Angry:6:7", creatureType.GetMethod("Describe")!.Invoke(creatures[0], null));
        object ant = creatures[0]!;
        object bee = creatures[1]!;
        object? FriendOf(object c) => creatureType.GetField("Friend")!.GetValue(c);
        Assert.Same(bee, FriendOf(ant));
        Assert.Same(ant, FriendOf(bee));
        var ranked = (Array)folder.Get("World", "Ranked")!;
        Assert.Same(bee, ranked.GetValue(0));
        Assert.Same(ant, ((IDictionary)folder.Get("World", "ByName")!)["ant"]);
        Assert.Same(ant, folder.Get("World", "Leader"));
        Assert.Empty(folder.Host.VerifyUnloaded());
    }

    [Fact]
    public void StaticReadonlyCollection_IsFilledInPlace()
    {
        string source = """
            using Inkwell.Reload;
            public sealed class Item { public int Value; }
            public static class Bag
            {
                [Preserve] public static readonly List<Item> Items = new();
                [Preserve] public static readonly Queue<int> Pending = new();
                public static void Add(int v) { Items.Add(new Item { Value = v }); Pending.Enqueue(v); }
                public static int Sum() => Items.Sum(i => i.Value)//X
            }
            """;
        using var folder = new ModuleFolder().Write("Bag.cs", source.Replace("//X", ";", StringComparison.Ordinal));
        folder.Start();
        folder.Call("Bag", "Add", 2);
        folder.Call("Bag", "Add", 3);

        folder.Write("Bag.cs", source.Replace("//X", " * 10;", StringComparison.Ordinal));
        ReloadResult result = folder.Reload();

        Assert.Equal(50, folder.Call("Bag", "Sum"));
        Assert.Equal([2, 3], (Queue<int>)folder.Get("Bag", "Pending")!);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void OnReload_RunsOnTheNewVersion_AndMigratesByName()
    {
        using var folder = new ModuleFolder().Write("Score.cs", """
            using Inkwell.Reload;
            public static class Score
            {
                [Preserve] public static int Points;
                static int s_hidden = 4;
                public static void Win() { Points += 10; s_hidden++; }
            }
            """);
        folder.Start();
        folder.Call("Score", "Win");

        // Points is renamed to Total and doubled; the hook also reads a private, unpreserved field.
        folder.Write("Score.cs", """
            using Inkwell.Reload;
            public static class Score
            {
                [Preserve] public static int Total;
                public static int Hidden;
                public static string Seen = "";
                public static int Previous;
                static void OnReload(ReloadContext context)
                {
                    Total = context.GetPrevious("Points", 0) * 2;
                    Hidden = context.GetPrevious("s_hidden", -1);
                    Previous = context.PreviousVersion;
                    Seen = string.Join(",", context.PreviousNames.Order());
                }
            }
            """);
        folder.Reload();

        Assert.Equal(20, folder.Get("Score", "Total"));
        Assert.Equal(5, folder.Get("Score", "Hidden"));
        Assert.Equal(1, folder.Get("Score", "Previous"));
        Assert.Equal("Points,s_hidden", folder.Get("Score", "Seen"));
    }

    [Fact]
    public void OnReload_ConvertsModuleTypes_AndContextDiesAfterTheCall()
    {
        using var folder = new ModuleFolder().Write("P.cs", """
            using Inkwell.Reload;
            public sealed class Pos { public int X; public int Y; }
            public static class P
            {
                public static Pos Where = new() { X = 1, Y = 2 };
            }
            """);
        folder.Start();

        folder.Write("P.cs", """
            using Inkwell.Reload;
            public sealed class Pos { public int X; public int Y; public int Z = 3; }
            public static class P
            {
                public static Pos Where = new();
                public static ReloadContext? Kept;
                static void OnReload(ReloadContext context)
                {
                    Where = context.GetPrevious<Pos>("Where", new Pos());
                    Kept = context;
                }
                public static string Use() { try { _ = Kept!.PreviousNames; return "usable"; } catch (InvalidOperationException) { return "closed"; } }
            }
            """);
        folder.Reload();

        object where = folder.Get("P", "Where")!;
        Assert.Equal(1, where.GetType().GetField("X")!.GetValue(where));
        Assert.Equal(3, where.GetType().GetField("Z")!.GetValue(where));
        Assert.Equal("closed", folder.Call("P", "Use"));
        Assert.Empty(folder.Host.VerifyUnloaded());
    }

    [Fact]
    public void IncompatibleType_KeepsTheNewInitialValue_AndSaysWhy()
    {
        using var folder = new ModuleFolder().Write("T.cs", "public static class T { [Inkwell.Reload.Preserve] public static string Label = \"old\"; }");
        folder.Start();

        folder.Write("T.cs", "public static class T { [Inkwell.Reload.Preserve] public static List<int> Label = new() { 1 }; }");
        ReloadResult result = folder.Reload();

        Assert.Equal([1], (List<int>)folder.Get("T", "Label")!);
        Assert.Contains(result.Notes, n => n.Contains("T.Label", StringComparison.Ordinal));
    }

    [Fact]
    public void NumericWidening_IsCarriedOver()
    {
        using var folder = new ModuleFolder().Write("N.cs", "public static class N { [Inkwell.Reload.Preserve] public static int Value = 41; }");
        folder.Start();

        folder.Write("N.cs", "public static class N { [Inkwell.Reload.Preserve] public static long Value; }");
        folder.Reload();

        Assert.Equal(41L, folder.Get("N", "Value"));
    }
}
