namespace Inkwell.Reload;

/// <summary>How a reload ended.</summary>
public enum ReloadStatus
{
    /// <summary>No module changed on disk; nothing was done.</summary>
    NoChanges,

    /// <summary>The new versions were compiled, loaded and installed; the old ones were unloaded.</summary>
    Succeeded,

    /// <summary>A module failed to compile; nothing changed and the old versions keep running.</summary>
    CompileFailed,

    /// <summary>An <c>OnReload</c> hook threw, or a static constructor run for the state transfer threw or did not return
    /// in time; the new versions were discarded and the old ones keep running.</summary>
    HookFailed,

    /// <summary>The project file changed and could not be restored or evaluated (a package that does not exist, an XML
    /// error); <see cref="ReloadResult.Diagnostics"/> holds MSBuild's errors and the old versions keep running.</summary>
    ProjectFailed,
}
