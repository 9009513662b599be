namespace Inkwell.Testing;

/// <summary>What a program run to its end by <see cref="ProcessRun"/> left behind: its exit status and its two output streams.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    /// <summary>The command as run, for failure messages.</summary>
    public string CommandLine { get; init; } = "";

    /// <summary>Returns standard output when the program exited 0; otherwise throws with everything it printed.</summary>
    public string EnsureSuccess() =>
        ExitCode == 0 ? Output : throw new InvalidOperationException($"{CommandLine} exited with {ExitCode}: {Error}{Output}");
}
