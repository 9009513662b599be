namespace Inkwell.Reload.Tests;

/// <summary>The dependency walk visits only the changed modules when every declaration stays as it was; when one does
/// not, also the modules that spell a name whose declaration changed, and the modules that used them when a type was
/// removed or reshaped; and all of them when the edit binds without a name. The graph is the same as a walk of
/// everything would find.</summary>
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
    public void StringLiteralEdit_WalksNothing_ButAnInterpolationHoleOrANumberIsWalked()
    {
        var log = new ListLoggerFactory();
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static string Value() => $\"one {B.Value()}.\" + 'x'; }")
            .Write("B.cs", "public static class B { public static string Value() => \"b\"; }")
            .Write("C.cs", "public static class C { public static string Value() => \"c\"; }");
        ReloadHost host = folder.Start(o => new ReloadHostOptions { RootDirectory = o.RootDirectory, Watch = WatchMode.None, WarmUp = false, LoggerFactory = log });

        // Only the text of literals (a greeting): what A binds to cannot have changed.
        folder.Write("A.cs", "public static class A { public static string Value() => $\"two, {B.Value()}!\" + 'y'; // now with a comment\n}");
        ReloadResult text = folder.Reload();
        Assert.Contains(folder.PathOf("A.cs"), text.Reloaded);
        Assert.Equal("two, b!y", folder.Call("A", "Value"));
        Assert.Equal([folder.PathOf("B.cs")], host.Graph.GetDependencies("A.cs"));
        Assert.Contains(log.Entries, e => e.Message.Contains("(0 modules walked)", StringComparison.Ordinal));

        // The hole now calls C: walked, and the graph follows.
        folder.Write("A.cs", "public static class A { public static string Value() => $\"two, {C.Value()}!\" + 'y'; }");
        folder.Reload();
        Assert.Equal("two, c!y", folder.Call("A", "Value"));
        Assert.Equal([folder.PathOf("C.cs")], host.Graph.GetDependencies("A.cs"));

        // A number may change its type (and the overload it binds to): walked.
        log.Entries.Clear();
        folder.Write("A.cs", "public static class A { public static string Value() => C.Value() + 1; }");
        folder.Reload();
        folder.Write("A.cs", "public static class A { public static string Value() => C.Value() + 2L; }");
        folder.Reload();
        Assert.Equal("c2", folder.Call("A", "Value"));
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains("(0 modules walked)", StringComparison.Ordinal));
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
    public void TypeMovedToAnotherModule_AUserThatNeverSpellsItFollowsIt()
    {
        var log = new ListLoggerFactory();
        using var folder = new ModuleFolder()
            .Write("C.cs", "public class Thing { public override string ToString() => \"C\"; }")
            .Write("D.cs", "public static class Other { }")
            .Write("B.cs", "public static class B { public static Thing Get() => new(); }")
            .Write("U.cs", "public static class U { public static string Value() => \"\" + B.Get(); }");
        ReloadHost host = folder.Start(o => new ReloadHostOptions { RootDirectory = o.RootDirectory, Watch = WatchMode.None, WarmUp = false, LoggerFactory = log });
        Assert.Equal([folder.PathOf("B.cs"), folder.PathOf("C.cs")], host.Graph.GetDependencies("U.cs"));

        // Thing moves from C to D. U spells neither Thing nor anything C or D declares, but it used Thing: it is walked again.
        folder.Write("C.cs", "public static class Other2 { }")
            .Write("D.cs", "public static class Other { }\npublic class Thing { public override string ToString() => \"D\"; }");
        folder.Reload();

        Assert.Equal([folder.PathOf("B.cs"), folder.PathOf("D.cs")], host.Graph.GetDependencies("U.cs"));
        Assert.Equal("D", folder.Call("U", "Value"));
        Assert.Contains(log.Entries, e => e.Message.Contains("(4 modules walked)", StringComparison.Ordinal));
    }

    [Fact]
    public void NewDeclaration_WalksTheChangedModule_AndWhoSpellsTheName_NotItsOtherUsers_NorTheRest()
    {
        var log = new ListLoggerFactory();
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 1; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Value() + 1; }")
            .Write("C.cs", "public static class C { public static int Value() => 10; }")
            .Write("D.cs", "public static class D { public static int Mood() => 100; }")
            .Write("E.cs", "public static class E { public static int Value() => D.Mood(); }");
        ReloadHost host = folder.Start(o => new ReloadHostOptions { RootDirectory = o.RootDirectory, Watch = WatchMode.None, WarmUp = false, LoggerFactory = log });

        // A new enum in A (a rude edit for Hot Reload): A is walked, and D and E (they spell Mood, a name A now declares
        // too). B uses A but spells no name A changed, and no type of A changed shape, so it binds as before; C neither
        // uses A nor spells a name A changed.
        folder.Write("A.cs", "public static class A { public enum Mood { Sleepy, Playful } public static int Value() => (int)Mood.Playful + C.Value(); }");
        folder.Reload();

        Assert.Equal([folder.PathOf("C.cs")], host.Graph.GetDependencies("A.cs"));
        Assert.Equal([folder.PathOf("A.cs")], host.Graph.GetDependencies("B.cs"));
        Assert.Equal([folder.PathOf("D.cs")], host.Graph.GetDependencies("E.cs"));
        Assert.Equal(12, folder.Call("B", "Value"));
        Assert.Contains(log.Entries, e => e.Message.Contains("(3 modules walked)", StringComparison.Ordinal));
    }

    [Fact]
    public void ReshapedType_WalksTheModulesThatUsedIt_AndAUserThatNeverSpellsItFollowsItsNewBase()
    {
        var log = new ListLoggerFactory();
        using var folder = new ModuleFolder()
            .Write("Base1.cs", "public class Base1 { public int One() => 1; }")
            .Write("Base2.cs", "public class Base2 { public int One() => 2; }")
            .Write("Thing.cs", "public class Thing : Base1 { }")
            .Write("Factory.cs", "public static class Factory { public static Thing Make() => new(); }")
            .Write("User.cs", "public static class User { public static int Value() => Factory.Make().One(); }");
        ReloadHost host = folder.Start(o => new ReloadHostOptions { RootDirectory = o.RootDirectory, Watch = WatchMode.None, WarmUp = false, LoggerFactory = log });
        Assert.Equal([folder.PathOf("Base1.cs"), folder.PathOf("Factory.cs"), folder.PathOf("Thing.cs")], host.Graph.GetDependencies("User.cs"));

        // Thing's base changes: User never spells Thing or a base, but its `Factory.Make().One()` now binds to Base2's One.
        // Thing is walked (changed), Factory (it spells Thing) and User (it used Thing.cs); the bases are not.
        folder.Write("Thing.cs", "public class Thing : Base2 { }");
        folder.Reload();

        Assert.Equal([folder.PathOf("Base2.cs"), folder.PathOf("Factory.cs"), folder.PathOf("Thing.cs")], host.Graph.GetDependencies("User.cs"));
        Assert.Equal(2, folder.Call("User", "Value"));
        Assert.Contains(log.Entries, e => e.Message.Contains("(3 modules walked)", StringComparison.Ordinal));

        // So an edit of Base2 now reloads User.
        folder.Write("Base2.cs", "public class Base2 { public int One() => 3; }");
        ReloadResult result = folder.Reload();
        Assert.Contains(folder.PathOf("User.cs"), result.Reloaded);
        Assert.Equal(3, folder.Call("User", "Value"));
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
