using Inkwell.Cli.Tests.Support;

namespace Inkwell.Cli.Tests;

/// <summary>
/// How an input path on the command line becomes a file's name under the import roots (relative roots, <c>..</c>,
/// absolute paths), checked against protoc 35.1 run the same way: two processes in the same working directory, the
/// same exit status, error text and descriptor set bytes.
/// </summary>
public sealed class ProtocInputPathTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("inkwell-input-path-").FullName;

    public ProtocInputPathTests()
    {
        File.WriteAllText(Path.Combine(_root, "a.proto"), "syntax = \"proto3\";\nmessage A {}\n");
        Directory.CreateDirectory(Path.Combine(_root, "d"));
        File.WriteAllText(Path.Combine(_root, "d", "b.proto"), "syntax = \"proto3\";\nmessage B {}\n");
    }

    public static TheoryData<string[]> Cases => new()
    {
        { new[] { "-I.", "-I..", "../a.proto" } },      // the first root would give "../a.proto": protoc takes the second
        { new[] { "-I.", "../a.proto" } },              // climbs out of the only root
        { new[] { "-I..", "-I.", "../d/../a.proto" } }, // ".." inside the remainder
        { new[] { "-I..", "a.proto" } },                // not a file here: a name under a root
        { new[] { "-I.", "./b.proto" } },
        { new[] { "-I..", "../d/b.proto" } },
        { new[] { "-I.", "../d/b.proto" } },
        { new[] { "-I.", "-I..", "b.proto" } },
        { new[] { "-I{root}/d/..", "{root}/d/../a.proto" } },
        { new[] { "-I.", "{root}/d/b.proto" } },        // absolute input, relative root
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void InputPath_NamedAsProtocNamesIt(string[] arguments)
    {
        string working = Path.Combine(_root, "d");
        string[] expanded = [.. arguments.Select(a => a.Replace("{root}", _root, StringComparison.Ordinal))];

        var protoc = ProcessRun.Run(ProtocOracle.ProtocPath, [.. expanded, "-o", Path.Combine(_root, "protoc.pb")], working);
        var inkwell = InkwellTool.Run(["protoc", .. expanded, "-o", Path.Combine(_root, "inkwell.pb")], working);

        Assert.Equal(protoc.Error, inkwell.Error);
        Assert.Equal(protoc.ExitCode, inkwell.ExitCode);
        if (protoc.ExitCode == 0)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_root, "protoc.pb")), File.ReadAllBytes(Path.Combine(_root, "inkwell.pb")));
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
