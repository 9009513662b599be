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
        var log = new ListLoggerFactory();
        ReloadHost host = folder.Start(log: log);
        Guid image = host.GetAssembly("B.cs").ManifestModule.ModuleVersionId;

        folder.Write("A.cs", "public static class A { public static int Value() => 2; }");
        ReloadResult result = folder.Reload();

        Assert.Equal([folder.PathOf("A.cs"), folder.PathOf("B.cs")], result.Reloaded);
        Assert.Equal(2, host.GetVersion("B.cs"));
        Assert.Equal((2, 1), LastPhases(log));
        Assert.Equal(image, host.GetAssembly("B.cs").ManifestModule.ModuleVersionId);
        Assert.Equal(102, folder.Call("B", "Value"));
    }

    [Theory]
    [InlineData("public const int K = 1;", "public const int K = 2;")]                         // inlined into B
    [InlineData("public enum Kind { X = 1 }", "public enum Kind { X = 2 }")]                   // enum values too
    [InlineData("public static int Twice(int x) => 2 * x;", "public static long Twice(int x) => 2 * x;")]
    public void SurfaceEditOfADependency_CompilesTheDependentAgain(string before, string after)
    {
        const string User = """
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

        using var folder = new ModuleFolder().Write("A.cs", Module(before)).Write("B.cs", User);
        ReloadHost host = folder.Start();
        Guid image = host.GetAssembly("B.cs").ManifestModule.ModuleVersionId;
        long expected = (long)folder.Call("B", "Value")! + 1;

        folder.Write("A.cs", Module(after));
        folder.Reload();

        Assert.NotEqual(image, host.GetAssembly("B.cs").ManifestModule.ModuleVersionId);
        Assert.Equal(expected - (before.Contains("Twice", StringComparison.Ordinal) ? 1 : 0), folder.Call("B", "Value"));
    }

    // What no other unit can see: a private nested type (the zoo's rude edit), a private method, a renamed private field
    // of a class. A private nested type is in the reference assembly all the same, so the raw bytes differ.
    [Theory]
    [InlineData("", "private enum Mood { Sleepy, Playful }")]
    [InlineData("", "private enum Mood { Sleepy } private static Mood MoodOf(int x) => Mood.Sleepy;")]
    [InlineData("private int _count;", "private int _total;")]
    [InlineData("private sealed class Cache { public int Hits; }", "private sealed class Cache { public long Hits; public int Misses; }")]
    public void PrivateEditOfADependency_ReloadsTheDependent_FromItsOwnImage(string before, string after)
    {
        string Module(string members) => $"public class A {{ {members} public static int Value() => 1; }}";
        using var folder = new ModuleFolder()
            .Write("A.cs", Module(before))
            .Write("B.cs", "public static class B { public static int Value() => A.Value() + 100; }");
        var log = new ListLoggerFactory();
        folder.Start(log: log);

        folder.Write("A.cs", Module(after).Replace("=> 1;", "=> 2;", StringComparison.Ordinal));
        ReloadResult result = folder.Reload();

        Assert.Equal([folder.PathOf("A.cs"), folder.PathOf("B.cs")], result.Reloaded);
        Assert.Equal((2, 1), LastPhases(log));
        Assert.Equal(102, folder.Call("B", "Value"));
    }

    // Private, yet part of what a dependent compiles against: a struct's private fields (and the private types they hold)
    // decide whether the struct is unmanaged (an `unmanaged` constraint, a pointer); a private type made internal is visible.
    [Theory]
    [InlineData("public struct A { private int _x; }", "public struct A { private string _x; }")]
    [InlineData("public struct A { private Inner _x; private struct Inner { int _y; } }", "public struct A { private Inner _x; private struct Inner { string _y; } }")]
    [InlineData("public class A { private class Inner { } }", "public class A { internal class Inner { } }")]
    public void PrivateEditThatDependentsSee_CompilesTheDependentAgain(string before, string after)
    {
        using var folder = new ModuleFolder().Write("A.cs", before).Write("B.cs", "public static class B { public static int Value() => typeof(A).Name.Length; }");
        var log = new ListLoggerFactory();
        folder.Start(log: log);

        folder.Write("A.cs", after);
        ReloadResult result = folder.Reload();

        Assert.Equal([folder.PathOf("A.cs"), folder.PathOf("B.cs")], result.Reloaded);
        Assert.Equal((2, 0), LastPhases(log));
    }

    /// <summary>The last reload's units and how many of them loaded their image again, from its phases line (a recompiled
    /// unit's image may be byte for byte the old one: compiles are deterministic, so its MVID says nothing).</summary>
    private static (int Units, int Reused) LastPhases(ListLoggerFactory log)
    {
        string phases = log.Entries.Last(e => e.Id.Id == 105).Message;
        System.Text.RegularExpressions.Match match = System.Text.RegularExpressions.Regex.Match(phases, @"\((\d+) units, (\d+) of them reusing");
        Assert.True(match.Success, phases);
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
