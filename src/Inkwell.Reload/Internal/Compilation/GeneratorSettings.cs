using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inkwell.Reload.Internal.Compilation;

/// <summary>What a project's source generators run with, as the compiler would give it to them.</summary>
/// <param name="Generators">The generators among the project's analyzers.</param>
/// <param name="AdditionalFiles">The <c>AdditionalFiles</c> items (full paths), read on every run.</param>
/// <param name="Options">The analyzer options of the project's <c>.editorconfig</c> files, the SDK's generated one
/// (<c>build_property.*</c>, <c>build_metadata.*</c>) among them.</param>
/// <param name="GeneratedDirectory">The folder the generated sources' paths are under.</param>
internal sealed record GeneratorSettings(
    IReadOnlyList<ISourceGenerator> Generators,
    IReadOnlyList<string> AdditionalFiles,
    AnalyzerConfigOptionsProvider Options,
    string GeneratedDirectory);
