namespace Inkwell.Reload.Internal;

/// <summary>
/// How a background transaction relates to the file events that started it: the count of change signals when it
/// read the files (a later signal means the files may have moved on) and whether it may be deferred. A transaction run
/// by <see cref="ReloadHost.Reload"/> or <see cref="ReloadHost.Poll"/> has none and always finishes.
/// </summary>
internal sealed class TransactionWatch(long changes)
{
    /// <summary>The host's change count when the transaction last confirmed the files hold what it read.</summary>
    public long Changes { get; set; } = changes;
}
