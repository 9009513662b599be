using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>
/// Decides between avahi-daemon and the embedded responder for a <see cref="BackendMode"/> (<c>Auto</c>: the daemon when it
/// answers on the system bus, see docs/zeroconf-avahi.md), and logs the choice with its reason. The caller builds the chosen backend.
/// </summary>
internal static class BackendSelector
{
    /// <summary>Returns true to use avahi-daemon, false for the embedded responder.</summary>
    /// <exception cref="AvahiException"><see cref="BackendMode.Avahi"/> was asked for and the daemon does not answer.</exception>
    public static async Task<bool> UseAvahiAsync(
        BackendMode mode, string? busAddress, ILogger logger, TimeSpan? probeTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (mode == BackendMode.Embedded)
        {
            Log.BackendChosen(logger, "embedded", "asked for");
            return false;
        }
        TimeSpan timeout = probeTimeout ?? AvahiBackendOptions.DefaultProbeTimeout;
        bool available = await AvahiClient.IsAvailableAsync(busAddress, timeout, logger, cancellationToken).ConfigureAwait(false);
        if (available)
        {
            Log.BackendChosen(logger, "avahi", mode == BackendMode.Avahi ? "asked for" : "avahi-daemon answers on the system bus");
            return true;
        }
        if (mode == BackendMode.Avahi)
        {
            throw new AvahiException(
                $"The Avahi backend was asked for, but avahi-daemon does not answer on the D-Bus system bus ({busAddress ?? "default address"}) within {timeout.TotalSeconds:0.#} s.");
        }
        Log.BackendChosen(logger, "embedded", "avahi-daemon does not answer on the system bus");
        return false;
    }
}
