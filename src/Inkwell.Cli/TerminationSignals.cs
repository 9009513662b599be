using System.Runtime.InteropServices;

namespace Inkwell.Cli;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM (systemd, container runtimes) as a request to stop, for every <c>inkwell</c> command:
/// the first one cancels <see cref="Token"/>, which the command runs under, and the process keeps running while the
/// command cleans up (<c>dns-sd -R</c> says goodbye, through either backend; <c>run</c> stops the program it hosts).
/// A second one while that cleanup runs ends the process at once, as the signal's default action does.
/// </summary>
/// <remarks>
/// <para>
/// This replaces System.CommandLine's own handling on purpose. Its <c>InvocationConfiguration.ProcessTerminationTimeout</c>
/// is null in 2.0.0 (nothing registered: Ctrl-C kills the process, no cleanup at all). Set, it cancels the action's
/// token but then blocks the runtime's signal thread waiting for the action, and when the timeout passes returns 130
/// or 143 while the cleanup is still running, so the process ends in the middle of it; it has no second-signal escape.
/// </para>
/// <para>
/// The token is cancelled with <see cref="CancellationTokenSource.CancelAsync"/>: the cleanup that cancellation starts
/// (continuations, disposal) runs on the thread pool, never on the runtime's signal-handling thread, which must stay
/// free to deliver the second signal.
/// </para>
/// </remarks>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private int _received;

    /// <summary>Registers for SIGINT and SIGTERM until disposed.</summary>
    public TerminationSignals()
    {
        // Before the registrations: with SIGINT inherited ignored, .NET would never install its handler (InheritedSignalIgnore).
        InheritedSignalIgnore.RestoreInterrupt();
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _received) == 1)
        {
            context.Cancel = true; // keep running: the command stops and cleans up
            _ = _stop.CancelAsync();
        }
        // A second signal leaves Cancel false: the runtime applies the signal's default action and the process ends now.
    }
}
