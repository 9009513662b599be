using System.Net;
using System.Net.Sockets;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Engine;
using Inkwell.Zeroconf.Internal;
using Inkwell.Zeroconf.Responder;
using Inkwell.Zeroconf.Transport;
using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.Backends;

/// <summary>The embedded RFC 6762/6763 responder and querier, speaking multicast DNS itself.</summary>
public sealed partial class EmbeddedBackend : IServiceDiscoveryBackend
{
    private readonly MdnsEngine _engine;
    private int _disposed;

    /// <summary>Opens the sockets (or the given transport) and starts probing the host name.</summary>
    public EmbeddedBackend(ServiceDiscoveryOptions? options = null)
    {
        options ??= new ServiceDiscoveryOptions();
        ILogger logger = options.LoggerFactory.CreateLogger("Inkwell.Zeroconf");
        IMulticastTransport transport = options.Transport ?? new UdpMulticastTransport(options, logger);
        _engine = new MdnsEngine(transport, HostLabel(options.HostName), options.TimeProvider, logger, options.Random);
        _engine.Start();
    }

    /// <inheritdoc/>
    public string Name => "embedded";

    /// <summary>The host name claimed under .local, after any rename.</summary>
    public string HostName
    {
        get
        {
            lock (_engine.Gate)
            {
                return _engine.Responder.Host.UniqueName.ToString();
            }
        }
    }

    internal MdnsEngine Engine => _engine;

    /// <inheritdoc/>
    public async ValueTask<ServiceRegistration> RegisterAsync(ServiceProfile profile, CancellationToken cancellationToken)
    {
        DnsName type = ServiceNames.ParseServiceType(profile.ServiceType, profile.Domain, nameof(profile));
        List<byte[]> txt = TxtData.Encode(profile.Txt);
        ServiceRecordSet set;
        lock (_engine.Gate)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            set = new ServiceRecordSet(profile.InstanceName, type, profile.Subtypes, (ushort)profile.Port, txt, _engine.Responder.Host);
            _engine.Responder.Add(set);
        }
        try
        {
            await set.Registered.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_engine.Gate)
            {
                _engine.Responder.Remove(set);
            }
            throw;
        }
        return new EmbeddedRegistration(this, set, ServiceNames.TypeText(type), profile.Port);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _engine.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    internal void Unregister(ServiceRecordSet set)
    {
        lock (_engine.Gate)
        {
            if (!_engine.IsDisposed)
            {
                _engine.Responder.Remove(set);
            }
        }
    }

    internal void UpdateTxt(ServiceRecordSet set, List<byte[]> txt)
    {
        lock (_engine.Gate)
        {
            _engine.Responder.UpdateTxt(set, txt);
        }
    }

    private static string HostLabel(string? configured)
    {
        // Environment.MachineName is gethostname(2) up to the first dot, as Dns.GetHostName is, without loading
        // System.Net.NameResolution and its telemetry at every start (docs/benchmarks.md, dns-sd -B time to first result).
        string name = configured ?? Environment.MachineName;
        name = name.Split('.')[0];
        if (name.EndsWith(".local", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^6];
        }
        return string.IsNullOrEmpty(name) ? "inkwell" : name;
    }

    internal static IPAddress WithScope(IPAddress address, NetworkLink link) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv6LinkLocal
            ? new IPAddress(address.GetAddressBytes(), link.Index)
            : address;
}
