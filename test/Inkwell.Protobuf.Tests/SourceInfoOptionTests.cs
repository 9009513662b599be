namespace Inkwell.Protobuf.Tests;

/// <summary>
/// <see cref="ProtoCompilerOptions.SourceInfo"/> = false skips spans and comments while parsing; everything else
/// (descriptors, diagnostics) must stay exactly the same.
/// </summary>
public sealed class SourceInfoOptionTests
{
    private static readonly ProtoCompilerOptions s_without = new() { SourceInfo = false };

    private static string SchemaRoot => Path.Combine(AppContext.BaseDirectory, "Schemas");

    [Theory]
    [InlineData("inkwell/test/proto2_features.proto")]
    [InlineData("inkwell/test/proto3_features.proto")]
    [InlineData("inkwell/test/editions_features.proto")]
    [InlineData("inkwell/test/edition2024_features.proto")]
    public void WithoutSourceInfo_TheDescriptorsAreTheSame(string file)
    {
        AssertSameWithAndWithout([file], new FileSystemResolver([SchemaRoot]));
    }

    [Fact]
    public void WithoutSourceInfo_TheCorpusDescriptorsAndDiagnosticsAreTheSame()
    {
        string root = Corpus.RequireProtobuf();
        AssertSameWithAndWithout([.. Corpus.ProtobufFiles().Select(r => r.Data)], new FileSystemResolver([root]));
    }

    [Fact]
    public void WithoutSourceInfo_ErrorsKeepTheirPositions()
    {
        var resolver = new InMemoryResolver(new Dictionary<string, string>
        {
            ["a.proto"] = "syntax = \"proto3\";\n// A comment.\nmessage A {\n  /* block */ int32 a = 1;\n  int32 b = 1;\n}\n",
        });

        CompilationResult with = ProtoCompiler.Compile(["a.proto"], resolver, TestContext.Current.CancellationToken);
        CompilationResult without = ProtoCompiler.Compile(["a.proto"], resolver, s_without, TestContext.Current.CancellationToken);

        Assert.NotEmpty(with.Diagnostics);
        Assert.Equal(with.Diagnostics.Select(d => d.Format()), without.Diagnostics.Select(d => d.Format()));
    }

    [Fact]
    public void WithoutSourceInfo_AskingForItThrows()
    {
        var resolver = new InMemoryResolver(new Dictionary<string, string> { ["a.proto"] = "syntax = \"proto3\";\nmessage A {}\n" });
        CompilationResult result = ProtoCompiler.Compile(["a.proto"], resolver, s_without, TestContext.Current.CancellationToken);

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => result.GetDescriptorSetBytes(includeSourceInfo: true));
        Assert.Contains("SourceInfo", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(result.GetDescriptorSetBytes());
    }

    private static void AssertSameWithAndWithout(string[] files, IProtoFileResolver resolver)
    {
        CompilationResult with = ProtoCompiler.Compile(files, resolver, TestContext.Current.CancellationToken);
        CompilationResult without = ProtoCompiler.Compile(files, resolver, s_without, TestContext.Current.CancellationToken);

        Assert.Equal(with.Diagnostics.Select(d => d.Format()), without.Diagnostics.Select(d => d.Format()));
        Assert.Equal(with.GetDescriptorSetBytes(includeImports: true), without.GetDescriptorSetBytes(includeImports: true));
    }
}
