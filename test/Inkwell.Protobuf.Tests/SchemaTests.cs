using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests;

/// <summary>
/// The project's own schemas (test/Inkwell.Protobuf.Tests/Schemas) cover every feature without the
/// shared corpus, and must compile to protoc's exact bytes.
/// </summary>
public sealed class SchemaTests
{
    private static string SchemaRoot => Path.Combine(AppContext.BaseDirectory, "Schemas");

    public static IEnumerable<TheoryDataRow<string, bool, bool>> Cases()
    {
        string[] files = ["inkwell/test/proto2_features.proto", "inkwell/test/proto3_features.proto", "inkwell/test/editions_features.proto", "inkwell/test/edition2024_features.proto"];
        foreach (string file in files)
        {
            foreach (bool imports in new[] { false, true })
            {
                foreach (bool sourceInfo in new[] { false, true })
                {
                    yield return new TheoryDataRow<string, bool, bool>(file, imports, sourceInfo);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Schema_MatchesProtoc(string file, bool includeImports, bool includeSourceInfo)
    {
        string wellKnown = Protoc.RequireIncludeDirectory();
        var args = new List<string> { "-I" + SchemaRoot, "-I" + wellKnown, file };
        if (includeImports)
        {
            args.Add("--include_imports");
        }

        if (includeSourceInfo)
        {
            args.Add("--include_source_info");
        }

        (int exitCode, string error, byte[]? expected) = Protoc.Run(args, SchemaRoot);
        Assert.True(exitCode == 0, error);
        CompilationResult result = ProtoCompiler.Compile([file], [SchemaRoot, wellKnown], TestContext.Current.CancellationToken);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        DescriptorAssert.Equal(expected!, result.GetDescriptorSetBytes(includeImports, includeSourceInfo));
    }
}
