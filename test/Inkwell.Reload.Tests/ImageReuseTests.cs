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
}
