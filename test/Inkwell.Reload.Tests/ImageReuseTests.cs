namespace Inkwell.Reload.Tests;

/// <summary>A dependent whose dependencies kept their surface loads its compiled image again instead of compiling; any
/// change to what it compiled against (a constant it inlined, a signature) compiles it anew.</summary>
public sealed class ImageReuseTests
{
    [Fact]
    public void BodyEditOfADependency_ReloadsTheDependent_FromItsOwnImage()
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 1; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Value() + 100; }");
        ReloadHost host = folder.Start();
        Guid image = host.GetAssembly("B.cs").ManifestModule.ModuleVersionId;

        folder.Write("A.cs", "public static class A { public static int Value() => 2; }");
        ReloadResult result = folder.Reload();

        Assert.Equal([folder.PathOf("A.cs"), folder.PathOf("B.cs")], result.Reloaded);
        Assert.Equal(2, host.GetVersion("B.cs"));
        Assert.Equal(image, host.GetAssembly("B.cs").ManifestModule.ModuleVersionId);
        Assert.Equal(102, folder.Call("B", "Value"));
    }

    [Theory]
    [InlineData("public const int K = 1;", "public const int K = 2;")]                         // inlined into B
    [InlineData("public enum Kind { X = 1 }", "public enum Kind { X = 2 }")]                   // enum values too
    [InlineData("public static int Twice(int x) => 2 * x;", "public static long Twice(int x) => 2 * x;")]
    public void SurfaceEditOfADependency_CompilesTheDependentAgain(string before, string after)
    {
        const string user = """
            public static class B
            {
                public static long Value() => A.K + (long)Kind.X + A.Twice(1);
            }
            """;
        string Module(string member) =>
            member.StartsWith("public enum", StringComparison.Ordinal)
                ? $"public static class A {{ public const int K = 1; public static int Twice(int x) => 2 * x; }}\n{member}"
                : $"public static class A {{ {member} {Rest(member)} }}\npublic enum Kind {{ X = 1 }}";
        static string Rest(string member) =>
            (member.Contains(" K ", StringComparison.Ordinal) ? "" : "public const int K = 1; ")
            + (member.Contains("Twice", StringComparison.Ordinal) ? "" : "public static int Twice(int x) => 2 * x;");

        using var folder = new ModuleFolder().Write("A.cs", Module(before)).Write("B.cs", user);
        ReloadHost host = folder.Start();
        Guid image = host.GetAssembly("B.cs").ManifestModule.ModuleVersionId;
        long expected = (long)folder.Call("B", "Value")! + 1;

        folder.Write("A.cs", Module(after));
        folder.Reload();

        Assert.NotEqual(image, host.GetAssembly("B.cs").ManifestModule.ModuleVersionId);
        Assert.Equal(expected - (before.Contains("Twice", StringComparison.Ordinal) ? 1 : 0), folder.Call("B", "Value"));
    }
}

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
