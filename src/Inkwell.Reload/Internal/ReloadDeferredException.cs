namespace Inkwell.Reload.Internal;

/// <summary>
/// Ends a background transaction without an outcome, before its commit and with nothing left behind: the files
/// changed under it (<paramref name="retryAfter"/> zero: start again now), or what it found may be a save caught
/// half-way (a compile error, a deleted or emptied module) and the files have not been quiet long enough to tell
/// (start again once they have). Never seen outside the host.
/// </summary>
internal sealed class ReloadDeferredException(TimeSpan retryAfter, string reason) : Exception(reason)
{
    /// <summary>How long to wait before the transaction runs again.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}
