namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>One generated C# file (or none, when generation failed) and the diagnostics for it.</summary>
internal sealed record GeneratedSource(string HintName, string? Text, EquatableArray<DiagnosticInfo> Diagnostics);
