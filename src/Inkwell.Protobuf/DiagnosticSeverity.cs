namespace Inkwell.Protobuf;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The compilation still succeeds (protoc prints these with "warning:").</summary>
    Warning,

    /// <summary>The compilation fails.</summary>
    Error,
}
