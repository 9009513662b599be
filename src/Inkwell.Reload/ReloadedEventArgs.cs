namespace Inkwell.Reload;

/// <summary>Raised by <see cref="ReloadHost.Reloaded"/> after a reload that found changes, successful or not.</summary>
public sealed class ReloadedEventArgs(ReloadResult result) : EventArgs
{
    /// <summary>What the reload did: its outcome, the modules reloaded in order, the time taken, what failed.</summary>
    public ReloadResult Result { get; } = result ?? throw new ArgumentNullException(nameof(result));
}
