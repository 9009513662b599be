using Inkwell.Cli.Tests.Support;
using Inkwell.Protobuf;
using Inkwell.Protobuf.CSharp;

namespace Inkwell.Cli.Tests;

public sealed class ProtocCSharpOutTests : IDisposable
{
    private const string Zoo = """
        syntax = "proto3";
        package zoo;
        // An animal of the zoo.
        message Animal {
          float weight = 1;
          oneof subtype {
            Cat cat = 100;
            Dog dog = 101;
          }
        }
        message Cat { bool declawed = 1; }
        message Dog { uint32 bones_buried = 1; }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("inkwell-csharp-out-").FullName;

    public ProtocCSharpOutTests() => File.WriteAllText(Path.Combine(_dir, "zoo.proto"), Zoo);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int ExitCode, string Error)> RunAsync(params string[] args)
    {
        var (exitCode, _, error) = await InProcessInkwell.RunAsync(args);
        return (exitCode, error);
    }

    private string NewOutputDirectory() => Directory.CreateDirectory(Path.Combine(_dir, "out")).FullName;

    [Fact]
    public async Task CSharpOut_WritesTheGeneratorsFileForEachInput()
    {
        string outDir = NewOutputDirectory();

        var (exitCode, error) = await RunAsync("protoc", "-I" + _dir, "--csharp_out=" + outDir, "zoo.proto");

        Assert.True(exitCode == 0, error);
        string written = File.ReadAllText(Path.Combine(outDir, "Zoo.cs"));
        CompilationResult compiled = ProtoCompiler.Compile(["zoo.proto"], new FileSystemResolver([_dir]), TestContext.Current.CancellationToken);
        GeneratedFile expected = Assert.Single(CSharpGenerator.Generate(
            compiled.AllFiles.Select(f => f.ToFileDescriptorProto(includeSourceInfo: true)), ["zoo.proto"]));
        Assert.Equal("Zoo.cs", expected.RelativePath);
        Assert.Equal(expected.Content, written);
        Assert.Contains("public sealed partial class Cat : pb::IMessage<Cat>", written, StringComparison.Ordinal);
        Assert.Contains("/// An animal of the zoo.", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CSharpOut_TakesOptionsFromCSharpOptAndBeforeTheColon()
    {
        string outDir = NewOutputDirectory();

        var (exitCode, error) = await RunAsync(
            "protoc", "-I" + _dir, "--csharp_out=file_extension=.g.cs:" + outDir, "--csharp_opt=internal_access", "zoo.proto");

        Assert.True(exitCode == 0, error);
        string written = File.ReadAllText(Path.Combine(outDir, "Zoo.g.cs"));
        Assert.Contains("internal sealed partial class Cat", written, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "Zoo.cs")));
    }

    [Fact]
    public async Task CSharpOut_UnknownOption_ExitsOneAndWritesNothing()
    {
        string outDir = NewOutputDirectory();

        var (exitCode, error) = await RunAsync("protoc", "-I" + _dir, "--csharp_out=" + outDir, "--csharp_opt=bogus", "zoo.proto");

        Assert.Equal(1, exitCode);
        Assert.Contains("--csharp_out: Unknown generator option: bogus", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outDir));
    }

    [Fact]
    public async Task CSharpOut_Failing_WritesNoDescriptorSetEither()
    {
        string outDir = NewOutputDirectory();
        string descriptorSet = Path.Combine(_dir, "zoo.pb");

        var (exitCode, _) = await RunAsync(
            "protoc", "-I" + _dir, "-o", descriptorSet, "--csharp_out=" + outDir, "--csharp_opt=bogus", "zoo.proto");

        Assert.Equal(1, exitCode);
        Assert.False(File.Exists(descriptorSet));
    }

    [Fact]
    public async Task CSharpOut_MissingDirectory_ExitsOneAndCreatesNothing()
    {
        string missing = Path.Combine(_dir, "no-such-dir");

        var (exitCode, error) = await RunAsync("protoc", "-I" + _dir, "--csharp_out=" + missing, "zoo.proto");

        Assert.Equal(1, exitCode);
        Assert.Contains("no-such-dir/: No such file or directory", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Protoc_WithoutAnyOutputFlag_SaysOutputDirectivesAreMissing()
    {
        var (exitCode, error) = await RunAsync("protoc", "-I" + _dir, "zoo.proto");

        Assert.Equal(1, exitCode);
        Assert.Contains("Missing output directives.", error, StringComparison.Ordinal);
    }
}
