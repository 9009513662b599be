namespace Inkwell.Reload;

/// <summary>A compiler message about a module, with its location.</summary>
/// <param name="Path">The module's full path, or null when the message has no location in a module.</param>
/// <param name="Line">One-based line, or 0 without a location.</param>
/// <param name="Column">One-based column, or 0 without a location.</param>
/// <param name="Id">The compiler's id, such as <c>CS0103</c>.</param>
/// <param name="Severity">Whether the message is an error (the reload fails) or a warning.</param>
/// <param name="Message">The compiler's message.</param>
public sealed record ReloadDiagnostic(string? Path, int Line, int Column, string Id, ReloadDiagnosticSeverity Severity, string Message)
{
    /// <summary>True when <see cref="Severity"/> is <see cref="ReloadDiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == ReloadDiagnosticSeverity.Error;

    /// <summary>The message in the compiler's usual form: <c>file(line,col): error CSxxxx: message</c>.</summary>
    public override string ToString()
    {
        string severity = IsError ? "error" : "warning";
        return Path is null
            ? $"{severity} {Id}: {Message}"
            : $"{Path}({Line},{Column}): {severity} {Id}: {Message}";
    }
}
