using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Backends;
using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.Avahi;

/// <content>The auto / avahi / embedded choice.</content>
public sealed partial class AvahiBackend
{
    /// <summary>The log category of the line naming the chosen backend (Information level), for callers that always show it.</summary>
    public const string ChoiceLogCategory = "Inkwell.Zeroconf.Backend";

    /// <summary>
    /// Chooses the backend and logs the choice: <see cref="BackendMode.Auto"/> uses avahi-daemon when it answers on the
    /// system bus within <see cref="AvahiBackendOptions.ProbeTimeout"/>, else the embedded responder;
    /// <see cref="BackendMode.Avahi"/> insists on the daemon; <see cref="BackendMode.Embedded"/> never touches the bus.
    /// </summary>
    /// <param name="mode">Which backend to use.</param>
    /// <param name="embeddedOptions">Options for the embedded responder, if it is chosen.</param>
    /// <param name="avahiOptions">How to reach avahi-daemon, and where the log line goes.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <exception cref="AvahiException"><see cref="BackendMode.Avahi"/> was asked for and the daemon does not answer.</exception>
    public static async Task<IServiceDiscoveryBackend> CreateAsync(
        BackendMode mode,
        DnsServiceDiscoveryOptions? embeddedOptions = null,
        AvahiBackendOptions? avahiOptions = null,
        CancellationToken cancellationToken = default)
    {
        avahiOptions ??= new AvahiBackendOptions();
        ILogger logger = avahiOptions.LoggerFactory.CreateLogger(ChoiceLogCategory);
        bool useAvahi = await BackendSelector.UseAvahiAsync(mode, avahiOptions.BusAddress, logger, avahiOptions.ProbeTimeout, cancellationToken)
            .ConfigureAwait(false);
        return useAvahi
            ? await ConnectAsync(avahiOptions, cancellationToken).ConfigureAwait(false)
            : await EmbeddedBackend.CreateAsync(embeddedOptions, cancellationToken).ConfigureAwait(false);
    }
}
