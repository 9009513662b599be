namespace Inkwell.Reload.Tests;

/// <summary>The dependency walk visits only the changed modules when every declaration stays as it was, and all of
/// them when one does not: the graph is the same as a walk of everything would find.</summary>
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
}
