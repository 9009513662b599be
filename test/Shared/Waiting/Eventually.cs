namespace Inkwell.Testing;

/// <summary>
/// Waits in real time for a condition that another thread makes true (a background loop has taken an event in, a
/// browse has subscribed): checked every 10 ms, failing after a limit generous enough for a loaded machine (30 s by
/// default) with a message that says what was awaited and what there was. For an event the code under test raises or
/// logs, wait on that instead (a <see cref="TaskCompletionSource"/>, <c>ListLoggerFactory.WaitForAsync</c>).
/// </summary>
internal static class Eventually
{
    /// <summary>How long a condition gets by default: only something really broken takes that long.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    /// <summary>Returns once <paramref name="condition"/> holds; fails with <paramref name="failure"/>'s text after <paramref name="limit"/>.</summary>
    public static async Task TrueAsync(Func<bool> condition, Func<string> failure, TimeSpan? limit = null, CancellationToken cancellationToken = default)
    {
        long deadline = Environment.TickCount64 + (long)(limit ?? DefaultLimit).TotalMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 >= deadline)
            {
                Assert.Fail($"{failure()} (waited {(limit ?? DefaultLimit).TotalSeconds:F0} s)");
            }
            await Task.Delay(10, cancellationToken);
        }
    }
}
