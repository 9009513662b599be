namespace Inkwell.Protobuf.Tests.Linking;

/// <summary>
/// <see cref="ProtoCompiler.Link"/> over files parsed once (<see cref="ParsedProtoFile"/>) gives exactly what
/// <see cref="ProtoCompiler.Compile(IEnumerable{string}, IEnumerable{string}, CancellationToken)"/> gives (which the
/// corpus tests compare with protoc byte for byte): the same descriptor sets and the same diagnostics, however often
/// the parses are linked again.
/// </summary>
public sealed class LinkTests
{
    public static IEnumerable<TheoryDataRow<string>> Files() => Corpus.ProtobufFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFile_LinksToCompilesBytes_WithImportsAndSourceInfo(string file)
    {
        string root = Corpus.RequireProtobuf();
        CompilationResult compiled = ProtoCompiler.Compile([file], [root], TestContext.Current.CancellationToken);
        var parses = new ParsingResolver(new FileSystemResolver([root]));

        CompilationResult linked = ProtoCompiler.Link([file], parses, cancellationToken: TestContext.Current.CancellationToken);

        AssertSame(compiled, linked);
        Assert.Equal(compiled.GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true), linked.GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true));
    }

    [Fact]
    public void WholeCorpus_LinkedTwiceFromTheSameParses_ParsesEachFileOnce_AndGivesTheSameBytes()
    {
        string root = Corpus.RequireProtobuf();
        string[] files = [.. Corpus.ProtobufFiles().Select(r => r.Data)];
        CompilationResult compiled = ProtoCompiler.Compile(files, [root], TestContext.Current.CancellationToken);
        var parses = new ParsingResolver(new FileSystemResolver([root]));

        CompilationResult first = ProtoCompiler.Link(files, parses, cancellationToken: TestContext.Current.CancellationToken);
        int parsed = parses.ParseCount;
        CompilationResult second = ProtoCompiler.Link(files, parses, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(parsed, parses.ParseCount);
        Assert.Equal(files.Length, parsed);
        AssertSame(compiled, first);
        AssertSame(compiled, second);
        Assert.Equal(compiled.GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true), second.GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true));
    }

    [Fact]
    public void LinksRunningAtOnce_OnTheSameParses_DoNotDisturbEachOther()
    {
        string root = Corpus.RequireProtobuf();
        string[] files = [.. Corpus.ProtobufFiles().Select(r => r.Data).Where(f => f.Contains("unittest", StringComparison.Ordinal)).Take(20)];
        var parses = new ParsingResolver(new FileSystemResolver([root]));
        byte[] expected = ProtoCompiler.Compile(files, [root], TestContext.Current.CancellationToken).GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true);

        byte[][] results = [.. Enumerable.Range(0, 8).AsParallel().Select(_ =>
            ProtoCompiler.Link(files, parses, cancellationToken: TestContext.Current.CancellationToken).GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true))];

        Assert.All(results, bytes => Assert.Equal(expected, bytes));
    }

    [Fact]
    public void EditingOneFile_ReparsesOnlyIt_AndTheLinkSeesTheEdit()
    {
        var files = new Dictionary<string, string>
        {
            ["money.proto"] = "syntax = \"proto3\";\npackage shop;\nmessage Money { int64 cents = 1; }\n",
            ["item.proto"] = "syntax = \"proto3\";\npackage shop;\nimport \"money.proto\";\nmessage Item { Money price = 1; }\n",
        };
        var parses = new ParsingResolver(new InMemoryResolver(files));
        Assert.True(ProtoCompiler.Link(["item.proto"], parses, cancellationToken: TestContext.Current.CancellationToken).Success);

        string edited = files["money.proto"].Replace("int64 cents = 1;", "int64 cents = 1; string currency = 2;", StringComparison.Ordinal);
        parses.Replace("money.proto", edited);
        CompilationResult linked = ProtoCompiler.Link(["item.proto"], parses, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, parses.ParseCount);
        files["money.proto"] = edited;
        AssertSame(ProtoCompiler.Compile(["item.proto"], new InMemoryResolver(files), TestContext.Current.CancellationToken), linked);
        Assert.Equal(["cents", "currency"], linked.AllFiles.Single(f => f.Name == "money.proto").ToFileDescriptorProto().MessageType[0].Field.Select(f => f.Name));
    }

    [Theory]
    [InlineData("syntax = \"proto3\";\nmessage A { int32 x = 1 }\n")] // syntax error
    [InlineData("syntax = \"proto3\";\nmessage A { Missing x = 1; }\n")] // unknown type
    [InlineData("syntax = \"proto3\";\nimport \"nowhere.proto\";\nmessage A { int32 x = 1; }\n")] // missing import
    [InlineData("syntax = \"proto3\";\nimport \"a.proto\";\nmessage A { int32 x = 1; }\n")] // imports itself
    [InlineData("syntax = \"proto3\";\nimport \"b.proto\";\nmessage A { int32 x = 1; }\n")] // unused import: a warning
    [InlineData("syntax = \"proto3\";\nmessage A { int32 x = 1; int32 y = 1; }\n")] // duplicate number
    [InlineData("syntax = \"proto2\";\nimport \"google/protobuf/descriptor.proto\";\nextend google.protobuf.FieldOptions { optional int32 width = 50000; }\nmessage A { optional int32 x = 1 [(width) = \"wide\"]; }\n")] // bad option value
    public void BadInput_GivesTheSameDiagnosticsAsCompile(string text)
    {
        var files = new Dictionary<string, string> { ["a.proto"] = text, ["b.proto"] = "syntax = \"proto3\";\nmessage B {}\n" };
        CompilationResult compiled = ProtoCompiler.Compile(["a.proto"], new InMemoryResolver(files), TestContext.Current.CancellationToken);

        CompilationResult linked = ProtoCompiler.Link(["a.proto"], new ParsingResolver(new InMemoryResolver(files)), cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEmpty(compiled.Diagnostics);
        AssertSame(compiled, linked);
    }

    [Fact]
    public void InheritanceFiles_LinkToTheSameLoweredDescriptorsAndSources()
    {
        var files = new Dictionary<string, string>
        {
            ["animal.proto"] = "syntax = \"proto3\";\npackage zoo;\nmessage Animal {\n  subtypes 100 to 199 [encoding = ANY];\n  float weight = 1;\n}\n",
            ["cat.proto"] = "syntax = \"proto3\";\npackage zoo;\nimport \"animal.proto\";\n// A cat.\nmessage Cat : Animal = 100 { bool declawed = 1; }\nmessage Owner { Animal pet = 1; }\n",
        };
        CompilationResult compiled = ProtoCompiler.Compile(["cat.proto", "animal.proto"], new InMemoryResolver(files), TestContext.Current.CancellationToken);
        var parses = new ParsingResolver(new InMemoryResolver(files));

        CompilationResult first = ProtoCompiler.Link(["cat.proto", "animal.proto"], parses, cancellationToken: TestContext.Current.CancellationToken);
        CompilationResult second = ProtoCompiler.Link(["cat.proto", "animal.proto"], parses, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(compiled.Success, string.Join("\n", compiled.Diagnostics));
        Assert.NotEmpty(compiled.LoweredSources);
        foreach (CompilationResult linked in new[] { first, second })
        {
            AssertSame(compiled, linked);
            Assert.Equal(compiled.LoweredSources, linked.LoweredSources);
            Assert.Equal(compiled.GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true), linked.GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true));
        }
    }

    [Fact]
    public void WithoutSourceInfo_LinkedFilesHaveNone_LikeCompile()
    {
        var options = new ProtoCompilerOptions { SourceInfo = false };
        var files = new Dictionary<string, string> { ["a.proto"] = "syntax = \"proto3\";\nimport \"google/protobuf/timestamp.proto\";\n// A.\nmessage A { google.protobuf.Timestamp at = 1; }\n" };
        CompilationResult compiled = ProtoCompiler.Compile(["a.proto"], new InMemoryResolver(files), options, TestContext.Current.CancellationToken);

        CompilationResult linked = ProtoCompiler.Link(["a.proto"], new ParsingResolver(new InMemoryResolver(files), options), options, TestContext.Current.CancellationToken);

        AssertSame(compiled, linked);
        Assert.Equal(compiled.GetDescriptorSetBytes(includeImports: true), linked.GetDescriptorSetBytes(includeImports: true));
        Assert.Throws<InvalidOperationException>(() => linked.GetDescriptorSetBytes(includeSourceInfo: true));
    }

    [Fact]
    public void AFileImportedUnderTwoNames_IsLinkedUnderEach_FromOneParse()
    {
        ParsedProtoFile shared = ParsedProtoFile.Parse("syntax = \"proto3\";\npackage p;\nmessage M {}\n", "/src/m.proto", cancellationToken: TestContext.Current.CancellationToken);
        var byName = new Dictionary<string, ParsedProtoFile>
        {
            ["m.proto"] = shared,
            ["a.proto"] = ParsedProtoFile.Parse("syntax = \"proto3\";\nimport \"m.proto\";\nmessage A { p.M m = 1; }\n", "/src/a.proto", cancellationToken: TestContext.Current.CancellationToken),
        };

        CompilationResult linked = ProtoCompiler.Link(["a.proto"], new DictionaryResolver(byName), cancellationToken: TestContext.Current.CancellationToken);
        CompilationResult alone = ProtoCompiler.Link(["other/name.proto"], new DictionaryResolver(new() { ["other/name.proto"] = shared }), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(linked.Success, string.Join("\n", linked.Diagnostics));
        Assert.Equal(["m.proto", "a.proto"], linked.AllFiles.Select(f => f.Name));
        Assert.Equal("other/name.proto", Assert.Single(alone.Files).ToFileDescriptorProto().Name);
    }

    private static void AssertSame(CompilationResult expected, CompilationResult actual)
    {
        Assert.Equal(expected.Diagnostics, actual.Diagnostics);
        Assert.Equal(expected.Success, actual.Success);
        Assert.Equal(expected.Files.Select(f => f.Name), actual.Files.Select(f => f.Name));
        Assert.Equal(expected.AllFiles.Select(f => f.Name), actual.AllFiles.Select(f => f.Name));
        if (expected.Success)
        {
            Assert.Equal(expected.GetDescriptorSetBytes(includeImports: true), actual.GetDescriptorSetBytes(includeImports: true));
        }
    }

    private sealed class DictionaryResolver(Dictionary<string, ParsedProtoFile> files) : IParsedProtoFileResolver
    {
        public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ParsedProtoFile? file) => files.TryGetValue(name, out file);
    }
}
