namespace Inkwell.Reload;

/// <summary>How serious a <see cref="ReloadDiagnostic"/> is (the shape of Inkwell.Protobuf's <c>DiagnosticSeverity</c>).</summary>
public enum ReloadDiagnosticSeverity
{
    /// <summary>The module still compiles and loads.</summary>
    Warning,

    /// <summary>The reload fails; the previous version keeps running.</summary>
    Error,
}
