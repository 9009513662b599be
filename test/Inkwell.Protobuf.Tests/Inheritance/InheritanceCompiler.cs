namespace Inkwell.Protobuf.Tests.Inheritance;

/// <summary>Compiles in-memory schemas that use inheritance and formats what came out.</summary>
internal static class InheritanceCompiler
{
    public static CompilationResult Compile(params (string Name, string Text)[] files) =>
        ProtoCompiler.Compile([files[^1].Name], new InMemoryResolver(files.ToDictionary(f => f.Name, f => f.Text)));

    public static CompilationResult Compile(string text) => Compile(("zoo.proto", text));

    /// <summary>The errors, each as protoc prints it (<c>file:line:col: message</c>).</summary>
    public static string[] Errors(CompilationResult result) =>
        [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Format(ErrorFormat.Gcc))];

    /// <summary>The single error of a compilation that must fail with exactly one.</summary>
    public static string SingleError(CompilationResult result)
    {
        Assert.False(result.Success);
        return Assert.Single(Errors(result));
    }
}
