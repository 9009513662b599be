using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests.Inheritance.Interop;

/// <summary>
/// A ONEOF subtype may reach its base through an <c>import public</c> chain, as any type reference may. Lowered, the
/// base's file imports the subtype's, so the subtype's import that only served <c>: Animal</c> has to go, whether it
/// names the base's file or a file that re-exports it.
/// </summary>
public sealed class OneofThroughPublicImportTests
{
    private static readonly (string Name, string Text)[] s_sources =
    [
        ("zoo/animal.proto", """
            syntax = "proto3";
            package zoo;
            message Animal { float weight = 1; }
            """),
        ("zoo/all.proto", """
            syntax = "proto3";
            package zoo;
            import public "zoo/animal.proto";
            """),
        ("zoo/dog.proto", """
            syntax = "proto3";
            package zoo;
            import "zoo/all.proto";
            message Dog : Animal = 101 { uint32 bones_buried = 1; }
            """),
    ];

    [Fact]
    public void SubtypeImportingTheBaseThroughAPublicImport_Lowers_AndProtocAgrees()
    {
        CompilationResult result = ProtoCompiler.Compile(["zoo/dog.proto"], new InMemoryResolver(s_sources.ToDictionary(s => s.Name, s => s.Text)),
            TestContext.Current.CancellationToken);

        Assert.True(result.Success && result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        using LoweredSchema schema = LoweredSchema.Create(s_sources, "zoo/dog.proto");
        (int exitCode, string error, byte[]? expected) = Protoc.Run([.. schema.ProtocIncludes, "--include_imports", .. schema.Files], schema.LoweredDirectory);
        Assert.True(exitCode == 0, error);
        DescriptorAssert.Equal(expected!, schema.Result.GetDescriptorSetBytes(includeImports: true));
    }
}
