using Inkwell.Protobuf.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace Inkwell.Protobuf.Generator.Tests;

/// <summary>Errors in .proto files are compiler diagnostics at the .proto line and column; nothing throws.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void SyntaxError_IsReportedAtItsLineAndColumn()
    {
        GeneratorRun run = new ProtoProject().Protobuf("zoo.proto", """
            syntax = "proto3";
            message Cat {
              bool declawed = 1
              int32 lives = 2;
            }
            """).Run().AssertNoException();

        RoslynDiagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("IWP102", error.Id);
        Assert.Equal(RoslynSeverity.Error, error.Severity);
        Assert.Equal("Expected \";\".", error.GetMessage());
        var span = error.Location.GetLineSpan();
        Assert.Equal(ProtoProject.PathOf("zoo.proto"), span.Path);
        // protoc reports the token after the missing ';': "int32" on line 4 (zero-based 3), column 3 (zero-based 2).
        Assert.Equal(new LinePositionSpan(new(3, 2), new(3, 7)), span.Span);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Columns_FollowTabsAndMultiByteCharacters_AsInTheText()
    {
        // protoc counts a tab to the next multiple of 8 and UTF-8 bytes; Roslyn wants character offsets.
        const string Line = "\tstring a = 1; /* é, 🐈 */ Missing b = 2;";
        GeneratorRun run = new ProtoProject().Protobuf("t.proto", "syntax = \"proto3\";\nmessage M {\n" + Line + "\n}\n").Run().AssertNoException();

        RoslynDiagnostic error = Assert.Single(run.Diagnostics, d => d.Id == "IWP104");
        Assert.Equal("\"Missing\" is not defined.", error.GetMessage());
        int character = Line.IndexOf("Missing", StringComparison.Ordinal);
        Assert.Equal(new LinePositionSpan(new(2, character), new(2, character + "Missing".Length)), error.Location.GetLineSpan().Span);
    }

    [Fact]
    public void SemanticErrors_AndWarnings_HaveTheirOwnIds()
    {
        GeneratorRun run = new ProtoProject()
            .Protobuf("a.proto", """
                syntax = "proto3";
                import "b.proto";
                message A { Missing m = 1; }
                """)
            .Protobuf("b.proto", "syntax = \"proto3\"; message B {}")
            .Protobuf("c.proto", """
                syntax = "proto3";
                import "b.proto";
                message C { int32 x = 1; }
                """)
            .Run().AssertNoException();

        RoslynDiagnostic unknown = Assert.Single(run.Diagnostics, d => d.Id == "IWP104");
        Assert.Equal("\"Missing\" is not defined.", unknown.GetMessage());
        Assert.Equal(2, unknown.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(ProtoProject.PathOf("a.proto"), unknown.Location.GetLineSpan().Path);

        RoslynDiagnostic unused = Assert.Single(run.Diagnostics, d => d.Id == "IWP106" && d.Location.GetLineSpan().Path.EndsWith("c.proto", StringComparison.Ordinal));
        Assert.Equal(RoslynSeverity.Warning, unused.Severity);
        Assert.Equal("Import b.proto is unused.", unused.GetMessage());

        // The files without errors are still generated, so the rest of the project keeps compiling while one file is broken.
        Assert.Equal(["b.proto.g.cs", "c.proto.g.cs"], run.Sources.Keys.Order());
    }

    [Fact]
    public void ErrorsInImportedFiles_AreReportedInThoseFiles()
    {
        GeneratorRun run = new ProtoProject()
            .Protobuf("a.proto", "syntax = \"proto3\";\nimport \"b.proto\";\nmessage A { B b = 1; }\n")
            .Protobuf("b.proto", "syntax = \"proto3\";\nmessage B { int32 x = 1; int32 y = 1; }\n")
            .Run().AssertNoException();

        Assert.Contains(run.Diagnostics, d => d.Id == "IWP104" && d.Location.GetLineSpan().Path.EndsWith("/b.proto", StringComparison.Ordinal) && d.GetMessage().Contains("has already been used", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics, d => d.Id == "IWP101" && d.Location.GetLineSpan().Path.EndsWith("/a.proto", StringComparison.Ordinal) && d.GetMessage().Contains("b.proto", StringComparison.Ordinal));
    }

    [Fact]
    public void ImportCycle_IsAnError_NotAHang()
    {
        GeneratorRun run = new ProtoProject()
            .Protobuf("a.proto", "syntax = \"proto3\";\nimport \"b.proto\";\n")
            .Protobuf("b.proto", "syntax = \"proto3\";\nimport \"a.proto\";\n")
            .Run().AssertNoException();

        Assert.Contains(run.Diagnostics, d => d.Id == "IWP101" && d.GetMessage().Contains("recursively imports itself", StringComparison.Ordinal));
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("")]
    [InlineData("message")]
    [InlineData("syntax = \"proto3\"; message A { map<float, string> m = 1; }")]
    [InlineData("syntax = \"proto4\";")]
    [InlineData("\0\u0001\u00ff\ufffd garbage {{{{ \"unterminated")]
    [InlineData("syntax = \"proto3\"; message A { A a = 1; } message A {}")]
    public void HostileText_GivesDiagnosticsOrCode_NeverAnException(string text)
    {
        GeneratorRun run = new ProtoProject().Protobuf("x.proto", text).Run().AssertNoException();

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "IWP099");
        Assert.All(run.Diagnostics.Where(d => d.Location.IsInSource || d.Location.Kind == Microsoft.CodeAnalysis.LocationKind.ExternalFile),
            d => Assert.Equal(ProtoProject.PathOf("x.proto"), d.Location.GetLineSpan().Path));
        if (run.Diagnostics.Any(d => d.Severity == RoslynSeverity.Error))
        {
            Assert.Empty(run.Sources);
        }
    }

    [Fact]
    public void RandomMutations_NeverThrow()
    {
        var random = new Random(8);
        string schema = Schemas.WellKnown;
        for (int i = 0; i < 40; i++)
        {
            char[] text = schema.ToCharArray();
            for (int edits = random.Next(1, 4); edits > 0; edits--)
            {
                const string Replacements = "{};=\"<>[]().,\n\t x1";
                text[random.Next(text.Length)] = Replacements[random.Next(Replacements.Length)];
            }

            GeneratorRun run = new ProtoProject().Protobuf("m.proto", new string(text)).Run().AssertNoException();
            Assert.True(!run.Diagnostics.Any(d => d.Id == "IWP099"), new string(text) + "\n" + string.Join("\n", run.Diagnostics));
        }
    }
}
