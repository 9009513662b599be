namespace Inkwell.Reload.Internal.Projects;

/// <summary>The SDK could not restore or evaluate a project; <see cref="Diagnostics"/> says why, where it can.</summary>
internal sealed class ProjectEvaluationException(string projectFile, IReadOnlyList<ReloadDiagnostic> diagnostics)
    : Exception($"'{projectFile}' could not be restored or evaluated: {string.Join("; ", diagnostics.Select(d => d.ToString()))}")
{
    public IReadOnlyList<ReloadDiagnostic> Diagnostics { get; } = diagnostics;
}
