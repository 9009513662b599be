using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Reload.Internal.Compilation;

/// <summary>What every unit compiles with: a folder's defaults, or what a project's SDK evaluation says.</summary>
/// <param name="Framework">References the compiler may narrow to those a unit uses (the framework, a project's packages).</param>
/// <param name="Shared">References every unit always gets (Inkwell.Reload, the host's shared assemblies).</param>
/// <param name="ParseOptions">Language version and preprocessor symbols.</param>
/// <param name="Nullable">The nullable context.</param>
/// <param name="AllowUnsafe">Whether <c>unsafe</c> code compiles.</param>
/// <param name="Optimize">Release (true) or debug code.</param>
/// <param name="SharedSources">Sources added to every unit: global usings and assembly attributes (path, text).</param>
/// <param name="Generators">The project's source generators and their inputs, run once over all modules (null: none).</param>
internal sealed record CompilerSettings(
    IReadOnlyList<MetadataReference> Framework,
    IReadOnlyList<MetadataReference> Shared,
    CSharpParseOptions ParseOptions,
    NullableContextOptions Nullable,
    bool AllowUnsafe,
    bool Optimize,
    IReadOnlyList<(string Path, string Text)> SharedSources,
    GeneratorSettings? Generators);
