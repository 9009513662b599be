namespace Inkwell.Protobuf.Tests.Linking;

/// <summary>
/// A link takes over the binding of a kept parse when the file is bound in the same context as last time (the same
/// files compiled before it), and binds it again otherwise; either way the result is what Compile gives.
/// </summary>
public sealed class BindingReuseTests
{
    private static readonly string[] s_chain = ["common.proto", "p1.proto", "p2.proto", "p3.proto", "p4.proto"];

    private static Dictionary<string, string> Chain()
    {
        var files = new Dictionary<string, string> { ["common.proto"] = "syntax = \"proto3\";\npackage common;\nmessage Stamp { int64 seconds = 1; }\n" };
        for (int i = 1; i <= 4; i++)
        {
            string previous = i == 1 ? "" : $"import \"p{i - 1}.proto\";\n";
            string field = i == 1 ? "common.Stamp previous = 2;" : $"p{i - 1}.Record previous = 2;";
            files[$"p{i}.proto"] = $"syntax = \"proto3\";\npackage p{i};\nimport \"common.proto\";\n{previous}message Record {{ common.Stamp at = 1; {field} }}\nextend common.Stamp {{ int32 x{i} = {100 + i}; }}\n";
        }

        // proto3 may not extend Stamp (not an options message); a proto2 file of extensions instead.
        for (int i = 1; i <= 4; i++)
        {
            files[$"p{i}.proto"] = files[$"p{i}.proto"].Replace($"extend common.Stamp {{ int32 x{i} = {100 + i}; }}\n", "", StringComparison.Ordinal);
        }

        return files;
    }

    [Fact]
    public void LinkingAgain_TakesOverEveryFile()
    {
        Dictionary<string, string> files = Chain();
        var parses = new ParsingResolver(new InMemoryResolver(files));

        CompilationResult first = ProtoCompiler.Link(["p4.proto"], parses, cancellationToken: TestContext.Current.CancellationToken);
        CompilationResult second = ProtoCompiler.Link(["p4.proto"], parses, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(first.Success, string.Join("\n", first.Diagnostics));
        Assert.Equal(first.AllFiles, second.AllFiles); // the same objects: nothing bound again
        AssertLikeCompile(files, ["p4.proto"], second);
    }

    [Fact]
    public void EditingAFileInTheMiddle_RebindsItAndWhatComesAfter_AndTakesOverWhatComesBefore()
    {
        Dictionary<string, string> files = Chain();
        var parses = new ParsingResolver(new InMemoryResolver(files));
        CompilationResult first = ProtoCompiler.Link(["p4.proto"], parses, cancellationToken: TestContext.Current.CancellationToken);

        files["p2.proto"] = files["p2.proto"].Replace("message Record {", "message Extra {}\nmessage Record {", StringComparison.Ordinal);
        parses.Replace("p2.proto", files["p2.proto"]);
        CompilationResult second = ProtoCompiler.Link(["p4.proto"], parses, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(s_chain, second.AllFiles.Select(f => f.Name));
        Assert.Same(first.AllFiles[0], second.AllFiles[0]);
        Assert.Same(first.AllFiles[1], second.AllFiles[1]);
        Assert.All(second.AllFiles.Skip(2), file => Assert.DoesNotContain(file, first.AllFiles));
        Assert.Equal(["Extra", "Record"], second.AllFiles[2].ToFileDescriptorProto().MessageType.Select(m => m.Name));
        AssertLikeCompile(files, ["p4.proto"], second);
    }

    [Fact]
    public void AFileLoadedEarlierThatClashes_IsNotHiddenByAReusedBinding()
    {
        var files = new Dictionary<string, string>
        {
            ["b.proto"] = "syntax = \"proto3\";\npackage shop;\nmessage Item {}\n",
            ["a.proto"] = "syntax = \"proto3\";\npackage shop;\nmessage Item {}\n",
        };
        var parses = new ParsingResolver(new InMemoryResolver(files));
        Assert.True(ProtoCompiler.Link(["b.proto"], parses, cancellationToken: TestContext.Current.CancellationToken).Success);

        CompilationResult both = ProtoCompiler.Link(["a.proto", "b.proto"], parses, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(both.Success);
        Assert.Contains(both.Diagnostics, d => d.File == "b.proto" && d.Message == "\"shop.Item\" is already defined in file \"a.proto\".");
        AssertLikeCompile(files, ["a.proto", "b.proto"], both);
    }

    [Fact]
    public void AnExtensionNumberTakenByAFileLoadedEarlier_IsNotHiddenByAReusedBinding()
    {
        // Extension numbers clash across the whole compilation, imported or not: b.proto alone is fine, after a.proto it
        // gets protoc 35.1's warning (an error only within one file), which a reused binding must not lose.
        var files = new Dictionary<string, string>
        {
            ["stamp.proto"] = "syntax = \"proto2\";\npackage shop;\nmessage Stamp { extensions 100 to 200; }\n",
            ["a.proto"] = "syntax = \"proto2\";\npackage shop;\nimport \"stamp.proto\";\nextend Stamp { optional int32 a = 100; }\n",
            ["b.proto"] = "syntax = \"proto2\";\npackage shop;\nimport \"stamp.proto\";\nextend Stamp { optional int32 b = 100; }\n",
        };
        var parses = new ParsingResolver(new InMemoryResolver(files));
        Assert.True(ProtoCompiler.Link(["b.proto"], parses, cancellationToken: TestContext.Current.CancellationToken).Success);

        CompilationResult both = ProtoCompiler.Link(["a.proto", "b.proto"], parses, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(both.Success);
        Assert.Contains(both.Diagnostics, d => d.File == "b.proto" && d.Severity == DiagnosticSeverity.Warning &&
            d.Message == "Extension number 100 has already been used in \"shop.Stamp\" by extension \"shop.a\" defined in a.proto.");
        AssertLikeCompile(files, ["a.proto", "b.proto"], both);
    }

    [Fact]
    public void UnusedImportWarnings_FollowWhetherTheReusedFileIsAskedFor()
    {
        var files = new Dictionary<string, string>
        {
            ["unused.proto"] = "syntax = \"proto3\";\nmessage U {}\n",
            ["dep.proto"] = "syntax = \"proto3\";\nimport \"unused.proto\";\nmessage D {}\n",
            ["main.proto"] = "syntax = \"proto3\";\nimport \"dep.proto\";\nmessage M { D d = 1; }\n",
        };
        var parses = new ParsingResolver(new InMemoryResolver(files));

        CompilationResult onlyMain = ProtoCompiler.Link(["main.proto"], parses, cancellationToken: TestContext.Current.CancellationToken);
        CompilationResult depToo = ProtoCompiler.Link(["dep.proto", "main.proto"], parses, cancellationToken: TestContext.Current.CancellationToken);
        CompilationResult onlyMainAgain = ProtoCompiler.Link(["main.proto"], parses, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(onlyMain.Diagnostics);
        Assert.Equal([new Diagnostic("IWP106", "dep.proto", 2, 1, "Import unused.proto is unused.", DiagnosticSeverity.Warning)], depToo.Diagnostics);
        Assert.Same(onlyMain.AllFiles.Single(f => f.Name == "dep.proto"), depToo.AllFiles.Single(f => f.Name == "dep.proto"));
        Assert.Empty(onlyMainAgain.Diagnostics);
        AssertLikeCompile(files, ["dep.proto", "main.proto"], depToo);
    }

    [Fact]
    public void EveryCorpusFile_LinkedOneAfterAnotherFromOneSetOfParses_IsWhatCompileGives()
    {
        // Each link asks for a different file, so the parses are bound in ever-changing contexts: some bindings are taken
        // over (a file's imports loaded in the same order as before), others are not.
        string root = Corpus.RequireProtobuf();
        var parses = new ParsingResolver(new FileSystemResolver([root]));
        int reused = 0;
        var seen = new HashSet<CompiledFile>();
        foreach (string file in Corpus.ProtobufFiles().Select(r => r.Data))
        {
            CompilationResult compiled = ProtoCompiler.Compile([file], [root], TestContext.Current.CancellationToken);
            CompilationResult linked = ProtoCompiler.Link([file], parses, cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal(compiled.Diagnostics, linked.Diagnostics);
            Assert.Equal(compiled.GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true), linked.GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true));
            reused += linked.AllFiles.Count(f => !seen.Add(f));
        }

        Assert.True(reused > 0, "no binding was ever taken over");
    }

    private static void AssertLikeCompile(Dictionary<string, string> files, string[] names, CompilationResult linked)
    {
        CompilationResult compiled = ProtoCompiler.Compile(names, new InMemoryResolver(files), TestContext.Current.CancellationToken);
        Assert.Equal(compiled.Diagnostics, linked.Diagnostics);
        Assert.Equal(compiled.Success, linked.Success);
        Assert.Equal(compiled.AllFiles.Select(f => f.Name), linked.AllFiles.Select(f => f.Name));
        if (compiled.Success)
        {
            Assert.Equal(compiled.GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true), linked.GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true));
        }
    }
}
