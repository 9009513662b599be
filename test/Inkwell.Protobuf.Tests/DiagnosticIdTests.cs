namespace Inkwell.Protobuf.Tests;

/// <summary>Each stage of the compiler reports under its own id (docs/diagnostics.md), whatever protoc's text says.</summary>
public sealed class DiagnosticIdTests
{
    private const string Proto3 = "syntax = \"proto3\";\npackage zoo;\n";

    public static IEnumerable<TheoryDataRow<string, string, string, DiagnosticSeverity>> Cases() =>
    [
        new("IWP101", "a.proto", Proto3 + "import \"missing.proto\";\n", DiagnosticSeverity.Error),
        new("IWP101", "missing.proto", Proto3 + "import \"missing.proto\";\n", DiagnosticSeverity.Error),
        new("IWP102", "a.proto", Proto3 + "message A { int32 a = 1 }\n", DiagnosticSeverity.Error),
        new("IWP103", "a.proto", Proto3 + "message A { reserved \"1x\"; }\n", DiagnosticSeverity.Warning),
        new("IWP104", "a.proto", Proto3 + "message A { B b = 1; }\n", DiagnosticSeverity.Error),
        new("IWP106", "a.proto", Proto3 + "import \"b.proto\";\nmessage A {}\n", DiagnosticSeverity.Warning),
        new("IWP107", "a.proto", Proto3 + "message Animal { float weight = 1; }\nmessage Cat : Animal = 1 {}\n", DiagnosticSeverity.Error),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Problem_IsReportedUnderItsStagesId(string id, string inFile, string text, DiagnosticSeverity severity)
    {
        var files = new Dictionary<string, string> { ["a.proto"] = text, ["b.proto"] = Proto3 + "message B {}\n" };
        CompilationResult result = ProtoCompiler.Compile(["a.proto"], new InMemoryResolver(files), TestContext.Current.CancellationToken);

        Diagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Id == id && d.File == inFile);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.DoesNotContain(id, diagnostic.Format(), StringComparison.Ordinal); // protoc's text, without the id
    }

    [Fact]
    public void ParsedProtoFile_ReportsSyntaxErrorsUnderTheSyntaxId()
    {
        ParsedProtoFile parsed = ParsedProtoFile.Parse("syntax = \"proto3\";\nmessage A {\n", "a.proto", cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEmpty(parsed.Diagnostics);
        Assert.All(parsed.Diagnostics, d => Assert.Equal("IWP102", d.Id));
    }
}
