using Inkwell.Cli.Tests.Support;

namespace Inkwell.Cli.Tests;

/// <summary>
/// <c>protoc-gen-inkwell-csharp</c> driven by real protoc 35.1: what it writes must be what <c>inkwell protoc
/// --csharp_out</c> writes, for plain schemas and, through the lowered schema <c>--proto_out</c> writes, for class
/// hierarchies (protoc cannot parse <c>message Cat : Animal</c>; the <c>(inkwell.*)</c> options in the lowered
/// descriptors carry the hierarchy to the plugin).
/// </summary>
public sealed class CSharpPluginTests : IDisposable
{
    private const string Zoo = """
        syntax = "proto3";
        package zoo;
        option csharp_namespace = "Zoo.Animals";

        // Every animal.
        message Animal {
          subtypes 100 to 199;
          // Its weight in kg.
          float weight = 1;
          optional string name = 2;
        }

        // A cat, an animal.
        message Cat : Animal = 100 { bool declawed = 1; }
        message Kitten : Cat = 100 { uint32 age_weeks = 1; }
        message Dog : Animal = 101 { uint32 bones_buried = 1; Animal friend = 2; }
        enum Mood { MOOD_UNKNOWN = 0; MOOD_HAPPY = 1; }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("inkwell-csharp-plugin-").FullName;

    public CSharpPluginTests() => File.WriteAllText(Path.Combine(_dir, "zoo.proto"), Zoo);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;

    private static Dictionary<string, string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    private static void AssertSameFiles(string expected, string actual)
    {
        Dictionary<string, string> expectedFiles = Files(expected);
        Assert.NotEmpty(expectedFiles);
        Assert.Equal(expectedFiles.Keys.Order(StringComparer.Ordinal), Files(actual).Keys.Order(StringComparer.Ordinal));
        foreach ((string name, string text) in Files(actual))
        {
            Assert.True(expectedFiles[name] == text, $"{name} differs from inkwell protoc --csharp_out's");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("internal_access,file_extension=.g.cs")]
    [InlineData("serializable,cache_sizes=false")]
    // Files in namespace folders below the base namespace; Inkwell's options file, whose namespace is outside it, in
    // folders for its whole namespace.
    [InlineData("base_namespace=Zoo")]
    [InlineData("base_namespace=Zoo.Animals")]
    [InlineData("base_namespace=")]
    public async Task Plugin_OnTheLoweredSchema_WritesWhatCSharpOutWritesForTheOriginal(string options)
    {
        string lowered = NewFolder("lowered");
        string expected = NewFolder("expected");
        string actual = NewFolder("actual");
        string[] csharpOptions = options.Length > 0 ? ["--csharp_opt=" + options] : [];
        string[] pluginOptions = options.Length > 0 ? ["--inkwell-csharp_opt=" + options] : [];

        var inkwell = await InProcessInkwell.RunAsync(["protoc", "-I" + _dir, "--proto_out=" + lowered, "--csharp_out=" + expected, .. csharpOptions, "zoo.proto"]);
        Assert.True(inkwell.ExitCode == 0, inkwell.Error);
        var protoc = ProtocOracle.Run(_dir, ["-I" + lowered, "-I" + ProtocOracle.IncludeDirectory, "--plugin=protoc-gen-inkwell-csharp=" + CSharpPlugin.Path, "--inkwell-csharp_out=" + actual, .. pluginOptions, "zoo.proto"]);

        Assert.True(protoc.ExitCode == 0, protoc.Error);
        Assert.Equal("", protoc.Error);
        AssertSameFiles(expected, actual);
        // The hierarchy came through: Kitten derives from Cat, and the options file's C# came along.
        string zoo = Files(actual).Single(f => Path.GetFileName(f.Key).StartsWith("Zoo.", StringComparison.Ordinal)).Value;
        Assert.Contains("partial class Kitten : global::Zoo.Animals.Cat", zoo, StringComparison.Ordinal);
        Assert.Contains(Files(actual).Keys, name => Path.GetFileName(name).StartsWith("Inheritance.", StringComparison.Ordinal));
        if (options.StartsWith("base_namespace=", StringComparison.Ordinal))
        {
            string baseNamespace = options["base_namespace=".Length..];
            string zooFolder = baseNamespace.Length == 0 ? "Zoo/Animals/" : baseNamespace == "Zoo" ? "Animals/" : "";
            string[] expectedNames = [zooFolder + "Zoo.cs", "Inkwell/Inheritance/Inheritance.cs"];
            Assert.Equal(expectedNames.Order(StringComparer.Ordinal), Files(actual).Keys.Order(StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// The protobuf corpus in one protoc run (every file that protoc and Inkwell's C# generator take): the plugin's files
    /// are <c>inkwell protoc --csharp_out</c>'s.
    /// </summary>
    [Fact]
    public async Task Plugin_OnTheCorpus_WritesWhatCSharpOutWrites()
    {
        string root = Inkwell.Testing.Corpus.RequireProtobuf();
        string[] files = [.. Directory.EnumerateFiles(Path.Combine(root, "google", "protobuf"), "*.proto", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
        int compared = 0;
        var differing = new List<string>();
        foreach (string file in files)
        {
            string expected = NewFolder("expected-" + compared + "-" + differing.Count);
            string actual = NewFolder("actual-" + compared + "-" + differing.Count);
            var inkwell = await InProcessInkwell.RunAsync("protoc", "-I" + root, "--csharp_out=" + expected, file);
            var protoc = ProtocOracle.Run(_dir, ["-I" + root, "--plugin=protoc-gen-inkwell-csharp=" + CSharpPlugin.Path, "--inkwell-csharp_out=" + actual, file]);
            if (inkwell.ExitCode != 0 && protoc.ExitCode != 0)
            {
                // Both refuse the file (e.g. a C# name clash); the message names the flag, the rest must agree.
                if (inkwell.Error.Replace("--csharp_out", "--inkwell-csharp_out", StringComparison.Ordinal) != protoc.Error)
                {
                    differing.Add($"{file}: inkwell {inkwell.Error} / protoc {protoc.Error}");
                }

                continue;
            }

            if (inkwell.ExitCode != 0 || protoc.ExitCode != 0 || !Files(expected).OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(Files(actual).OrderBy(p => p.Key, StringComparer.Ordinal)))
            {
                differing.Add($"{file}: inkwell {inkwell.ExitCode} {inkwell.Error} / protoc {protoc.ExitCode} {protoc.Error}");
                continue;
            }

            compared++;
        }

        Assert.Empty(differing);
        Assert.True(compared > 50, $"{compared} files compared");
    }

    /// <summary>A bad option is the plugin's error: protoc prints it after the flag and exits 1, as inkwell protoc does.</summary>
    [Fact]
    public async Task Plugin_UnknownOption_FailsAsCSharpOutFails()
    {
        string actual = NewFolder("actual");
        var inkwell = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, "--csharp_out=" + NewFolder("expected"), "--csharp_opt=no_such_option", "zoo.proto");
        string lowered = NewFolder("lowered");
        Assert.Equal(0, (await InProcessInkwell.RunAsync("protoc", "-I" + _dir, "--proto_out=" + lowered, "zoo.proto")).ExitCode);

        var protoc = ProtocOracle.Run(_dir, ["-I" + lowered, "-I" + ProtocOracle.IncludeDirectory, "--plugin=protoc-gen-inkwell-csharp=" + CSharpPlugin.Path, "--inkwell-csharp_out=" + actual, "--inkwell-csharp_opt=no_such_option", "zoo.proto"]);

        Assert.Equal(1, inkwell.ExitCode);
        Assert.Equal(1, protoc.ExitCode);
        Assert.Equal("--csharp_out: Unknown generator option: no_such_option\n", inkwell.Error);
        Assert.Equal("--inkwell-csharp_out: Unknown generator option: no_such_option\n", protoc.Error);
        Assert.Empty(Files(actual));
    }

    /// <summary>protoc finds <c>protoc-gen-inkwell-csharp</c> on PATH for <c>--inkwell-csharp_out</c> (how the installed tool is used).</summary>
    [Fact]
    public void Plugin_OnPath_IsFoundByProtoc()
    {
        string bin = NewFolder("bin");
        CSharpPlugin.WriteLauncher(Path.Combine(bin, "protoc-gen-inkwell-csharp"));
        string actual = NewFolder("actual");
        File.WriteAllText(Path.Combine(_dir, "plain.proto"), "syntax = \"proto3\";\npackage p;\nmessage M { int32 x = 1; }\n");

        var protoc = ProtocOracle.Run(_dir, ["-I" + _dir, "--inkwell-csharp_out=" + actual, "plain.proto"],
            new Dictionary<string, string> { ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") });

        Assert.True(protoc.ExitCode == 0, protoc.Error);
        Assert.Contains("public sealed partial class M : pb::IMessage<M>", File.ReadAllText(Path.Combine(actual, "Plain.cs")), StringComparison.Ordinal);
    }

    /// <summary>Standard input that is no request: a message saying what the program is, exit 1.</summary>
    [Fact]
    public void Plugin_RunByHand_SaysItIsAProtocPlugin()
    {
        (int exitCode, _, string error) = ProcessRun.Run(CSharpPlugin.Path, [], input: "\u00ff\u00ff not a request");

        Assert.Equal(1, exitCode);
        Assert.Contains("protoc --plugin=protoc-gen-inkwell-csharp=PATH --inkwell-csharp_out=DIR", error, StringComparison.Ordinal);
    }
}
