namespace Inkwell.Protobuf.Tests.Linking;

/// <summary>A parse is a value: equal when its inputs are, with its syntax errors, and untouched by linking.</summary>
public sealed class ParsedProtoFileTests
{
    private const string Text = "syntax = \"proto3\";\npackage p;\nimport \"q.proto\";\nimport public \"r.proto\";\nmessage M { int32 x = 1; }\n";

    [Fact]
    public void Equality_FollowsTextPathAndSourceInfo()
    {
        ParsedProtoFile parsed = Parse(Text, "/a/m.proto");

        Assert.Equal(parsed, Parse(new string([.. Text]), "/a/m.proto"));
        Assert.Equal(parsed.GetHashCode(), Parse(new string([.. Text]), "/a/m.proto").GetHashCode());
        Assert.NotEqual(parsed, Parse(Text + "\n", "/a/m.proto"));
        Assert.NotEqual(parsed, Parse(Text, "/b/m.proto"));
        Assert.NotEqual(parsed, ParsedProtoFile.Parse(Text, "/a/m.proto", new ProtoCompilerOptions { SourceInfo = false }, TestContext.Current.CancellationToken));
        Assert.False(parsed.Equals(null));
    }

    [Fact]
    public void Parse_KeepsImportsAndInputs()
    {
        ParsedProtoFile parsed = Parse(Text, "/a/m.proto");

        Assert.True(parsed.Success);
        Assert.Empty(parsed.Diagnostics);
        Assert.Equal(["q.proto", "r.proto"], parsed.Imports);
        Assert.Equal((Text, "/a/m.proto", true), (parsed.Text, parsed.DisplayPath, parsed.HasSourceInfo));
    }

    [Fact]
    public void SyntaxError_IsADiagnosticAtTheDisplayPath_NotAnException()
    {
        ParsedProtoFile parsed = Parse("syntax = \"proto3\";\nmessage M { int32 x = 1 }\n", "/a/m.proto");

        Assert.False(parsed.Success);
        Diagnostic error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(("/a/m.proto", 2, 25, DiagnosticSeverity.Error), (error.File, error.Line, error.Column, error.Severity));
        Assert.Equal("Expected \";\".", error.Message);
    }

    [Fact]
    public void LinkingAFileThatDidNotParse_Fails_WithTheParseErrors()
    {
        ParsedProtoFile parsed = Parse("syntax = \"proto3\";\nmessage M { int32 x = 1 }\n", "/a/m.proto");

        CompilationResult result = ProtoCompiler.Link(["m.proto"], new Single("m.proto", parsed), cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(result.Success);
        Assert.Empty(result.Files);
        Assert.Equal(parsed.Diagnostics, result.Diagnostics);
    }

    [Fact]
    public void ImportingAMissingFile_IsTheUsualError()
    {
        CompilationResult result = ProtoCompiler.Link(["m.proto"], new Single("m.proto", Parse(Text, "/a/m.proto")), cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.File == "q.proto" && d.Message == "File not found.");
        Assert.Contains(result.Diagnostics, d => d.File == "/a/m.proto" && d.Line == 3 && d.Message == "Import \"q.proto\" was not found or had errors.");
    }

    private static ParsedProtoFile Parse(string text, string path) => ParsedProtoFile.Parse(text, path, cancellationToken: TestContext.Current.CancellationToken);

    private sealed class Single(string name, ParsedProtoFile file) : IParsedProtoFileResolver
    {
        public bool TryGet(string n, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ParsedProtoFile? f)
        {
            f = n == name ? file : null;
            return f is not null;
        }
    }
}
