using Inkwell.Cli.Tests.Support;

namespace Inkwell.Cli.Tests;

/// <summary>
/// <c>--dependency_out</c> against protoc 35.1 with an import root of <c>.</c>: the in-process run changes the
/// current directory, so these run alone.
/// </summary>
[Collection(nameof(CurrentDirectoryCollection))]
public sealed class ProtocDependencyOutTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inkwell-protoc-deps-").FullName;

    public ProtocDependencyOutTests() =>
        File.WriteAllText(Path.Combine(_dir, "opt.proto"), "syntax = \"proto3\";\npackage t;\nmessage A { optional int32 x = 1; }\n");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>protoc's make rule: generated files and the set, then the sources on disk, dependencies first.</summary>
    [Theory]
    [InlineData("-o|{0}/out.pb")]
    [InlineData("--csharp_out={0}/cs|-o{0}/out.pb")]
    [InlineData("--csharp_out={0}/cs/")]
    public async Task DependencyOut_WritesProtocsMakeRule(string flags)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        File.WriteAllText(Path.Combine(_dir, "sub", "c.proto"), "syntax = \"proto3\";\npackage s;\nmessage C {}\n");
        File.WriteAllText(Path.Combine(_dir, "d.proto"), "syntax = \"proto3\";\nimport \"sub/c.proto\";\nimport \"opt.proto\";\nmessage D { s.C c = 1; t.A a = 2; }\n");
        string root = Directory.CreateDirectory(Path.Combine(_dir, "root")).FullName;
        File.Move(Path.Combine(_dir, "opt.proto"), Path.Combine(root, "opt.proto"));
        var results = new List<string>();
        foreach (string who in new[] { "by-protoc", "by-inkwell" })
        {
            string outDir = Directory.CreateDirectory(Path.Combine(_dir, who)).FullName;
            Directory.CreateDirectory(Path.Combine(outDir, "cs"));
            string[] arguments = ["-I.", "-I" + root, "--dependency_out=" + Path.Combine(outDir, "deps.d"), .. flags.Replace("{0}", who, StringComparison.Ordinal).Split('|'), "d.proto"];
            if (who == "by-protoc")
            {
                var run = ProtocOracle.Run(_dir, arguments);
                Assert.True(run.ExitCode == 0, run.Error);
            }
            else
            {
                // The in-process run resolves relative paths against the current directory, as protoc does.
                string previous = Directory.GetCurrentDirectory();
                Directory.SetCurrentDirectory(_dir);
                try
                {
                    var (exitCode, _, error) = await InProcessInkwell.RunAsync(["protoc", .. arguments]);
                    Assert.True(exitCode == 0, error);
                }
                finally
                {
                    Directory.SetCurrentDirectory(previous);
                }
            }

            results.Add(File.ReadAllText(Path.Combine(outDir, "deps.d")).Replace(who, "WHO", StringComparison.Ordinal));
        }

        Assert.Equal(results[0], results[1]);
        Assert.Contains(root + "/opt.proto", results[1], StringComparison.Ordinal);
    }

}

/// <summary>Tests that change the process's current directory: not run in parallel with any other.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class CurrentDirectoryCollection;
