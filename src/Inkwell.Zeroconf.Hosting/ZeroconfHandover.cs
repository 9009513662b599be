namespace Inkwell.Zeroconf.Hosting;

/// <summary>
/// Whether the app's DNS-SD registrations outlive its host (inject it). A runner that stops an app's host only to start the
/// app's next version in the same process (<c>inkwell run</c> after an edit) sets the <see cref="AppContext"/> switch
/// <see cref="RestartingHostsSwitch"/> while it stops the host. The host's <see cref="DnsServiceDiscovery"/> then keeps its
/// registrations instead of withdrawing them (no goodbyes), and the next version's identical registration takes them over without
/// probing again, so browsers never see the service leave. What no version takes over within
/// <see cref="ZeroconfOptions.HandoverGrace"/>, and what is still kept when the process exits, is withdrawn then (goodbyes).
/// Any other stop withdraws as always.
/// </summary>
public sealed class ZeroconfHandover
{
    /// <summary>
    /// The <see cref="AppContext"/> switch a runner sets (to true) while it stops an app's hosts to start them again in this
    /// process, and clears once they stopped. A name of its own rather than a reference, so neither the runner nor this
    /// library depends on the other.
    /// </summary>
    public const string RestartingHostsSwitch = "Inkwell.Hosting.RestartingHosts";

    private readonly Func<bool> _restarting;
    private volatile bool _handingOver;

    internal ZeroconfHandover(TimeSpan grace, Func<bool>? restarting = null)
    {
        Grace = grace;
        _restarting = restarting ?? (static () => AppContext.TryGetSwitch(RestartingHostsSwitch, out bool on) && on);
    }

    /// <summary>How long a kept registration waits for the app's next version (<see cref="ZeroconfOptions.HandoverGrace"/>); zero when handing over is off.</summary>
    public TimeSpan Grace { get; }

    /// <summary>
    /// Whether stopping now hands the registrations over instead of withdrawing them: handing over is on and the host is being
    /// restarted in this process. A hosted service that says goodbye and waits for browsers to drop the service (as the ASP.NET
    /// Core advertisement does) skips both then.
    /// </summary>
    /// <remarks>Once true it stays true for this host: a restart whose stop outlasts the runner's patience (the switch is
    /// cleared) still ends as one, and the host's goodbyes are not sent after the next version has started.</remarks>
    public bool IsHandingOver
    {
        get
        {
            if (_handingOver)
            {
                return true;
            }
            _handingOver = Grace > TimeSpan.Zero && _restarting();
            return _handingOver;
        }
    }
}
