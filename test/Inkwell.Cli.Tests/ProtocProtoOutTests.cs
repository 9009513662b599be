using Inkwell.Cli.Tests.Support;

namespace Inkwell.Cli.Tests;

/// <summary><c>inkwell protoc --proto_out</c>: the lowered standard .proto files, to a folder or to standard output.</summary>
public sealed class ProtocProtoOutTests : IDisposable
{
    private const string Zoo = """
        syntax = "proto3";
        package zoo;
        message Animal {
          subtypes 100 to 199;
          float weight = 1;
        }
        message Cat : Animal = 100 { bool declawed = 1; }
        message Dog : Animal = 101 { uint32 bones_buried = 1; }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("inkwell-proto-out-").FullName;

    public ProtocProtoOutTests() => File.WriteAllText(Path.Combine(_dir, "zoo.proto"), Zoo);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ProtoOutDash_PrintsTheLoweredSchema()
    {
        var (exitCode, output, error) = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, "--proto_out=-", "zoo.proto");

        Assert.True(exitCode == 0, error);
        Assert.Contains("import \"inkwell/inheritance.proto\";", output, StringComparison.Ordinal);
        Assert.Contains("  oneof subtype {\n    .zoo.Cat cat = 100;\n    .zoo.Dog dog = 101;\n  }", output, StringComparison.Ordinal);
        Assert.DoesNotContain(": Animal", output, StringComparison.Ordinal);
        Assert.DoesNotContain("message Animal {\n  subtypes", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtoOutDirectory_WritesEveryFileNeeded_AndCompilesToTheSameDescriptorSet()
    {
        string outDir = Directory.CreateDirectory(Path.Combine(_dir, "out")).FullName;
        string original = Path.Combine(_dir, "original.pb");
        string again = Path.Combine(_dir, "again.pb");

        var (exitCode, _, error) = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, "--proto_out=" + outDir, "-o" + original, "--include_imports", "zoo.proto");
        Assert.True(exitCode == 0, error);
        Assert.True(File.Exists(Path.Combine(outDir, "zoo.proto")));
        Assert.True(File.Exists(Path.Combine(outDir, "inkwell", "inheritance.proto")));
        Assert.False(Directory.Exists(Path.Combine(outDir, "google"))); // protoc always has its own well-known types

        (exitCode, _, error) = await InProcessInkwell.RunAsync("protoc", "-I" + outDir, "-o" + again, "--include_imports", "zoo.proto");
        Assert.True(exitCode == 0, error);
        Assert.Equal(await File.ReadAllBytesAsync(original, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(again, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CSharpOut_WithInheritance_AlsoWritesTheOptionsFileTheLoweredCodeNeeds()
    {
        string outDir = Directory.CreateDirectory(Path.Combine(_dir, "cs")).FullName;

        var (exitCode, _, error) = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, "--csharp_out=" + outDir, "zoo.proto");

        Assert.True(exitCode == 0, error);
        Assert.Equal(["Inheritance.cs", "Zoo.cs"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("global::Inkwell.Inheritance.InheritanceReflection.Descriptor", await File.ReadAllTextAsync(Path.Combine(outDir, "Zoo.cs"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtoOut_MissingDirectory_ExitsOneAndWritesNothing()
    {
        string set = Path.Combine(_dir, "zoo.pb");

        var (exitCode, _, error) = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, "--proto_out=" + Path.Combine(_dir, "nowhere"), "-o" + set, "zoo.proto");

        Assert.Equal(1, exitCode);
        Assert.Contains("nowhere/: No such file or directory", error, StringComparison.Ordinal);
        Assert.False(File.Exists(set));
    }

    [Fact]
    public async Task InheritanceError_IsPrintedWithItsLocation()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "bad.proto"), "syntax = \"proto3\";\nmessage Animal { float weight = 1; }\nmessage Cat : Animal = 1 {}\n", TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, "--proto_out=-", "bad.proto");

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        // protoc names a file in errors by its path on disk.
        Assert.Equal(Path.Combine(_dir, "bad.proto") + ":3:24: Subtype tag 1 of \"Cat\" is already used by field \"weight\" of \"Animal\".", error.Trim());
    }
}
