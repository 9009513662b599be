using System.Diagnostics;

namespace Inkwell.Cli;

/// <summary>
/// With <c>INKWELL_STARTUP_TRACE=1</c>, notes when each start-up step is reached, on the monotonic clock
/// (CLOCK_MONOTONIC on Linux, the clock of Python's <c>time.monotonic()</c>), and writes the steps to standard error at
/// <see cref="Report"/>, so a script that spawns the tool can tell where its time to first result goes
/// (<c>bench/scripts/dns-sd-first-result.sh</c> prints them, docs/benchmarks.md). The steps are kept until then, not written
/// as they come: the first write would load and set up the console in the middle of the start it is timing.
/// Off, a step costs one field read.
/// </summary>
internal static class StartupTrace
{
    private static readonly bool s_enabled = Environment.GetEnvironmentVariable("INKWELL_STARTUP_TRACE") == "1";
    private static readonly List<(string Step, long Timestamp)> s_steps = [];

    /// <summary>Notes that <paramref name="step"/> is reached now.</summary>
    public static void Mark(string step)
    {
        if (s_enabled)
        {
            long now = Stopwatch.GetTimestamp();
            lock (s_steps)
            {
                s_steps.Add((step, now));
            }
        }
    }

    /// <summary>Writes the steps noted so far, once, as <c>[inkwell] startup: STEP MILLISECONDS</c> lines.</summary>
    public static void Report(TextWriter error)
    {
        if (!s_enabled)
        {
            return;
        }
        lock (s_steps)
        {
            foreach ((string step, long timestamp) in s_steps)
            {
                error.WriteLine(FormattableString.Invariant($"[inkwell] startup: {step} {timestamp * 1000.0 / Stopwatch.Frequency:F1}"));
            }
            s_steps.Clear();
        }
    }
}
