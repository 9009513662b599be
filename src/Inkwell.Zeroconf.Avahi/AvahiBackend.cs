using System.Collections.Concurrent;
using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Backends;

namespace Inkwell.Zeroconf.Avahi;

/// <summary>
/// The system's avahi-daemon behind <see cref="DnsServiceDiscovery"/>: registrations, browses and resolves go over
/// D-Bus to the daemon, which owns the host's mDNS names. Registrations and browses survive the daemon restarting.
/// Create it with <see cref="ConnectAsync"/>, or let <see cref="CreateAsync"/> choose between it and the embedded responder.
/// </summary>
/// <example>
/// <code>
/// await using var discovery = new DnsServiceDiscovery(await AvahiBackend.CreateAsync(BackendMode.Auto));
/// </code>
/// </example>
public sealed partial class AvahiBackend : IServiceDiscoveryBackend
{
    private readonly AvahiClient _client;
    private readonly ConcurrentDictionary<int, string> _interfaceNames = new();

    private AvahiBackend(AvahiClient client)
    {
        _client = client;
    }

    /// <inheritdoc/>
    public string Name => "avahi";

    /// <summary>Connects to the bus and starts following avahi-daemon; the daemon need not be running yet (registrations wait for it).</summary>
    /// <exception cref="AvahiException">The bus cannot be reached.</exception>
    public static async Task<AvahiBackend> ConnectAsync(AvahiBackendOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AvahiBackendOptions();
        AvahiClient client = await AvahiClient.ConnectAsync(
            new AvahiClientOptions { BusAddress = options.BusAddress, LoggerFactory = options.LoggerFactory, TimeProvider = options.TimeProvider },
            cancellationToken).ConfigureAwait(false);
        return new AvahiBackend(client);
    }

    /// <summary>Closes the connection: avahi-daemon frees every registration of this backend and says goodbye for them.</summary>
    public ValueTask DisposeAsync() => _client.DisposeAsync();

    /// <summary>The interface's name ("eth0") as the daemon knows it; the index as text when it cannot tell.</summary>
    private async ValueTask<string> InterfaceNameAsync(int index, CancellationToken cancellationToken)
    {
        if (index < 0)
        {
            return "";
        }
        if (_interfaceNames.TryGetValue(index, out string? known))
        {
            return known;
        }
        string name;
        try
        {
            using CancellationTokenSource timeout = _client.CreateCallTimeout(cancellationToken);
            name = await _client.Server.GetNetworkInterfaceNameByIndexAsync(index, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AvahiException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return _interfaceNames.GetOrAdd(index, name);
    }
}
