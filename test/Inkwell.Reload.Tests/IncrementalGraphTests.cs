namespace Inkwell.Reload.Tests;

/// <summary>The dependency walk visits only the changed modules when every declaration stays as it was; when one does
/// not, also the modules that used them and those that spell a name whose declaration changed; and all of them when the
/// edit binds without a name. The graph is the same as a walk of everything would find.</summary>
public sealed class IncrementalGraphTests
{
    [Fact]
    public void BodyEdit_WalksOnlyTheChangedModule_AndFindsItsNewUses()
    {
        var log = new ListLoggerFactory();
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 1; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Value() + 1; }")
            .Write("C.cs", "public static class C { public static int Value() => 10; }");
        ReloadHost host = folder.Start(o => new ReloadHostOptions { RootDirectory = o.RootDirectory, Watch = WatchMode.None, WarmUp = false, LoggerFactory = log });

        folder.Write("A.cs", "public static class A { public static int Value() => C.Value(); }");
        folder.Reload();

        Assert.Equal([folder.PathOf("C.cs")], host.Graph.GetDependencies("A.cs"));
        Assert.Equal([folder.PathOf("A.cs")], host.Graph.GetDependencies("B.cs"));
        Assert.Equal(11, folder.Call("B", "Value"));
        Assert.Contains(log.Entries, e => e.Message.Contains("(1 modules walked)", StringComparison.Ordinal));
    }

    [Fact]
    public void DeclarationMovedToAnotherModule_WalksEverything_AndTheUnchangedUserFollowsIt()
    {
        var log = new ListLoggerFactory();
        using var folder = new ModuleFolder()
            .Write("C.cs", "public static class Thing { public static int Value() => 1; }")
            .Write("D.cs", "public static class Other { }")
            .Write("B.cs", "public static class B { public static int Value() => Thing.Value(); }");
        ReloadHost host = folder.Start(o => new ReloadHostOptions { RootDirectory = o.RootDirectory, Watch = WatchMode.None, WarmUp = false, LoggerFactory = log });
        Assert.Equal([folder.PathOf("C.cs")], host.Graph.GetDependencies("B.cs"));

        folder.Write("C.cs", "public static class Other2 { }")
            .Write("D.cs", "public static class Other { }\npublic static class Thing { public static int Value() => 2; }");
        folder.Reload();

        Assert.Equal([folder.PathOf("D.cs")], host.Graph.GetDependencies("B.cs"));
        Assert.Equal(2, folder.Call("B", "Value"));
        Assert.Contains(log.Entries, e => e.Message.Contains("(3 modules walked)", StringComparison.Ordinal));
    }

    [Fact]
    public void NewDeclaration_WalksTheChangedModule_ItsUsers_AndWhoSpellsTheName_NotTheRest()
    {
        var log = new ListLoggerFactory();
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 1; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Value() + 1; }")
            .Write("C.cs", "public static class C { public static int Value() => 10; }")
            .Write("D.cs", "public static class D { public static int Mood() => 100; }")
            .Write("E.cs", "public static class E { public static int Value() => D.Mood(); }");
        ReloadHost host = folder.Start(o => new ReloadHostOptions { RootDirectory = o.RootDirectory, Watch = WatchMode.None, WarmUp = false, LoggerFactory = log });

        // A new enum in A (a rude edit for Hot Reload): A is walked, B (it uses A), and D and E (they spell Mood, a name A
        // now declares too); C neither uses A nor spells a name A changed.
        folder.Write("A.cs", "public static class A { public enum Mood { Sleepy, Playful } public static int Value() => (int)Mood.Playful + C.Value(); }");
        folder.Reload();

        Assert.Equal([folder.PathOf("C.cs")], host.Graph.GetDependencies("A.cs"));
        Assert.Equal([folder.PathOf("A.cs")], host.Graph.GetDependencies("B.cs"));
        Assert.Equal([folder.PathOf("D.cs")], host.Graph.GetDependencies("E.cs"));
        Assert.Equal(12, folder.Call("B", "Value"));
        Assert.Contains(log.Entries, e => e.Message.Contains("(4 modules walked)", StringComparison.Ordinal));
    }

    [Fact]
    public void NewPatternMethod_WalksEverything_AndAnUnchangedForeachFollowsIt()
    {
        var log = new ListLoggerFactory();
        using var folder = new ModuleFolder()
            .Write("Bag.cs", "public sealed class Bag { public int[] Items = [1, 2, 3]; }")
            .Write("Ext.cs", "public static class Ext { public static IEnumerator<int> GetEnumerator(this Bag bag) => ((IEnumerable<int>)bag.Items).GetEnumerator(); }")
            .Write("Near.cs", "namespace Shop { public static class Near { } }")
            .Write("Sum.cs", "namespace Shop { public static class Sum { public static int Value() { int s = 0; foreach (int i in new Bag()) s += i; return s; } } }");
        ReloadHost host = folder.Start(o => new ReloadHostOptions { RootDirectory = o.RootDirectory, Watch = WatchMode.None, WarmUp = false, LoggerFactory = log });
        Assert.Equal([folder.PathOf("Bag.cs"), folder.PathOf("Ext.cs")], host.Graph.GetDependencies("Sum.cs"));

        // An extension GetEnumerator in Sum's own namespace, which its foreach now binds to (the nearer scope wins) without
        // spelling any name Near declares: only a walk of everything finds that.
        folder.Write("Near.cs", "namespace Shop { public static class Near { public static IEnumerator<int> GetEnumerator(this Bag bag) => ((IEnumerable<int>)new[] { 10, 20 }).GetEnumerator(); } }");
        folder.Reload();

        Assert.Equal([folder.PathOf("Bag.cs"), folder.PathOf("Near.cs")], host.Graph.GetDependencies("Sum.cs"));
        Assert.Equal(30, folder.Call("Shop.Sum", "Value"));
        Assert.Contains(log.Entries, e => e.Message.Contains("(4 modules walked)", StringComparison.Ordinal));
    }
}
