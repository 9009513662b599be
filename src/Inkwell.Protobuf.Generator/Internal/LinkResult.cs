namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>The outcome of linking the project's .proto files: one entry per file to generate, and the diagnostics.</summary>
internal sealed record LinkResult(EquatableArray<LinkedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics);
