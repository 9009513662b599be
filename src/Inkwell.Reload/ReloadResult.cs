namespace Inkwell.Reload;

/// <summary>What one reload transaction did: which modules changed, which were reloaded in which order, how long
/// it took, and what failed.</summary>
public sealed class ReloadResult
{
    internal ReloadResult(
        ReloadStatus status,
        int generation,
        TimeSpan duration,
        IReadOnlyList<string> changed,
        IReadOnlyList<string> reloaded,
        IReadOnlyList<string> removed,
        IReadOnlyList<ReloadDiagnostic> diagnostics,
        string? failure,
        IReadOnlyList<string> notes,
        IReadOnlyList<string>? generated = null)
    {
        Status = status;
        Generation = generation;
        Duration = duration;
        Changed = changed;
        Reloaded = reloaded;
        Removed = removed;
        Diagnostics = diagnostics;
        Failure = failure;
        Notes = notes;
        Generated = generated ?? [];
    }

    /// <summary>How the transaction ended.</summary>
    public ReloadStatus Status { get; }

    /// <summary>True when the new versions are installed (or nothing needed doing).</summary>
    public bool Succeeded => Status is ReloadStatus.Succeeded or ReloadStatus.NoChanges;

    /// <summary>The host's generation after the transaction; it grows by one with every successful reload.</summary>
    public int Generation { get; }

    /// <summary>From reading the files to installing the new versions (or giving up).</summary>
    public TimeSpan Duration { get; }

    /// <summary>The module files that were added, edited or deleted (full paths).</summary>
    public IReadOnlyList<string> Changed { get; }

    /// <summary>The modules recompiled and installed, in the order they were loaded (each after what it uses). Empty
    /// when the transaction failed.</summary>
    public IReadOnlyList<string> Reloaded { get; }

    /// <summary>The entries of <see cref="Reloaded"/> that are sources a project's source generators wrote (from a
    /// <c>.proto</c>, or the generated half of a partial type), not files on disk. Their paths are under the project's
    /// <c>obj/inkwell/generated/</c>, where nothing is written.</summary>
    public IReadOnlyList<string> Generated { get; }

    /// <summary>Modules unloaded because their files were deleted.</summary>
    public IReadOnlyList<string> Removed { get; }

    /// <summary>Compiler errors and warnings of the modules compiled.</summary>
    public IReadOnlyList<ReloadDiagnostic> Diagnostics { get; }

    /// <summary>The compiler errors only.</summary>
    public IEnumerable<ReloadDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    /// <summary>For <see cref="ReloadStatus.HookFailed"/>: which hook failed and the exception, as text (the
    /// exception itself would keep the discarded version alive).</summary>
    public string? Failure { get; }

    /// <summary>What happened to state along the way: values that could not be carried over, and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>One line: the outcome, the modules in order, the time taken.</summary>
    public override string ToString()
    {
        string names = ReloadedNames();
        return Status switch
        {
            ReloadStatus.NoChanges => "no changes",
            ReloadStatus.Succeeded when Removed.Count > 0 && Reloaded.Count == 0 => $"removed {string.Join(", ", Removed.Select(Path.GetFileName))} in {Duration.TotalMilliseconds:F0} ms",
            ReloadStatus.Succeeded => $"reloaded {names} in {Duration.TotalMilliseconds:F0} ms",
            ReloadStatus.CompileFailed => $"reload failed: {Errors.Count()} error(s); the previous version keeps running",
            ReloadStatus.ProjectFailed => $"project not restored or evaluated: {Errors.Count()} error(s); the previous version keeps running",
            _ => $"reload rolled back: {Failure}",
        };
    }

    /// <summary>The reloaded files in order, then how many generated sources were reloaded with them ("Keeper.cs →
    /// Program.cs (+2 generated)").</summary>
    private string ReloadedNames()
    {
        string files = string.Join(" → ", Reloaded.Except(Generated, StringComparer.Ordinal).Select(Path.GetFileName));
        return Generated.Count == 0 ? files : $"{files} (+{Generated.Count} generated)".TrimStart();
    }
}
