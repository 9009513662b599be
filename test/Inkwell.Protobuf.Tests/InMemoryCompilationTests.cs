using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests;

/// <summary>The API with in-memory sources: results, diagnostics, and no exceptions on bad input.</summary>
public sealed class InMemoryCompilationTests
{
    private static CompilationResult Compile(string file, params (string Name, string Text)[] files) =>
        ProtoCompiler.Compile([file], new InMemoryResolver(files.ToDictionary(f => f.Name, f => f.Text)), TestContext.Current.CancellationToken);

    [Fact]
    public void Compile_ImportUsedThroughItsPublicImport_IsNotUnused()
    {
        // protoc counts a symbol found through `import public` as a use of the import that re-exports it.
        CompilationResult result = Compile("main.proto",
            ("main.proto", "syntax = \"proto3\";\nimport \"all.proto\";\nmessage M { D d = 1; }\n"),
            ("all.proto", "syntax = \"proto3\";\nimport public \"dep.proto\";\n"),
            ("dep.proto", "syntax = \"proto3\";\nmessage D {}\n"));

        Assert.True(result.Success);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Compile_UnusedImport_WarnsLikeProtoc()
    {
        CompilationResult result = Compile("main.proto",
            ("main.proto", "syntax = \"proto3\";\nimport \"dep.proto\";\nmessage M {}\n"),
            ("dep.proto", "syntax = \"proto3\";\nmessage D {}\n"));

        Assert.True(result.Success);
        Diagnostic warning = Assert.Single(result.Diagnostics);
        Assert.Equal("main.proto:2:1: warning: Import dep.proto is unused.", warning.Format());
    }

    [Fact]
    public void Compile_ImportCycle_ReportsTheCycle()
    {
        CompilationResult result = Compile("a.proto",
            ("a.proto", "syntax = \"proto3\";\nimport \"b.proto\";\n"),
            ("b.proto", "syntax = \"proto3\";\nimport \"a.proto\";\n"));

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Message == "File recursively imports itself: a.proto -> b.proto -> a.proto");
        Assert.Empty(result.Files);
    }

    [Fact]
    public void Compile_MissingFile_IsAnErrorNotAnException()
    {
        CompilationResult result = Compile("nowhere.proto");

        Diagnostic error = Assert.Single(result.Diagnostics);
        Assert.Equal("nowhere.proto: File not found.", error.Format());
    }

    [Fact]
    public void Compile_GivesGoogleProtobufDescriptors()
    {
        CompilationResult result = Compile("shop.proto",
            ("shop.proto", "syntax = \"proto3\";\npackage shop;\nmessage Order { map<string, int32> items = 1; optional string note = 2; }\n"));

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Google.Protobuf.Reflection.FileDescriptorProto proto = result.Files[0].ToFileDescriptorProto();
        Google.Protobuf.Reflection.DescriptorProto order = proto.MessageType[0];
        Assert.Equal(".shop.Order.ItemsEntry", order.Field[0].TypeName);
        Assert.True(order.NestedType[0].Options.MapEntry);
        Assert.Equal("_note", order.OneofDecl[0].Name);
        Assert.True(order.Field[1].Proto3Optional);
        Assert.Equal(result.Files[0].DescriptorBytes, Google.Protobuf.MessageExtensions.ToByteArray(proto));
    }

    // Fuzz crashers, kept as regressions.
    [Theory]
    [InlineData("syntax = \"proto2\";\nenum E { option ; A = 1; }\n", "t.proto:2:17: Expected identifier.")]
    public void Compile_FuzzCrasher_ReportsInsteadOfThrowing(string text, string firstError)
    {
        CompilationResult result = Compile("t.proto", ("t.proto", text));

        Assert.False(result.Success);
        Assert.Equal(firstError, result.Diagnostics[0].Format());
    }

    [Fact]
    public void Compile_RandomTruncationsAndGarbage_AreRejectedInTheFileOrRoundTrip()
    {
        const string Source = "syntax = \"proto2\";\npackage p;\nimport \"google/protobuf/descriptor.proto\";\n" +
            "extend google.protobuf.FieldOptions { optional int32 w = 50000; }\n" +
            "message A { optional int32 x = 1 [(w) = 3, default = 4]; repeated group G = 2 { optional string s = 3; } " +
            "map<string, A> m = 4; oneof o { string y = 5; } extensions 100 to max; reserved 9, \"z\"; }\n" +
            "enum E { option allow_alias = true; E0 = 0; E1 = 0; }\nservice S { rpc R(A) returns (stream A) { option deprecated = true; } }\n" +
            "option (w) = { };\n";
        var random = new Random(1234);
        for (int i = 0; i < 400; i++)
        {
            string text = Source.Substring(0, random.Next(Source.Length));
            if (i % 2 == 1)
            {
                text = text.Insert(random.Next(text.Length + 1), ((char)random.Next(1, 128)).ToString());
            }

            CompilationResult result = Compile("t.proto", ("t.proto", text));
            FuzzInvariant.Holds(result, "t.proto", text);
        }
    }
}
