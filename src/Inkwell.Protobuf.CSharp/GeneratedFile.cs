namespace Inkwell.Protobuf.CSharp;

/// <summary>One generated C# source file.</summary>
/// <param name="RelativePath">The path relative to the output directory, with <c>/</c> separators (<c>Foo/Bar/Baz.cs</c>).</param>
/// <param name="Content">The C# source text.</param>
public sealed record GeneratedFile(string RelativePath, string Content);
