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

    private EmbeddedBackend(MdnsEngine engine)
    {
        _engine = engine;
    }

    /// <summary>
    /// Opens the multicast sockets on the chosen interfaces and starts probing the host name; the backend is ready to
    /// register, browse and resolve when the task completes. Shaped like <c>AvahiBackend.ConnectAsync</c>: creating a
    /// backend is I/O, so it is a factory, never a constructor.
    /// </summary>
    /// <exception cref="ZeroconfException">An interface named in <see cref="DnsServiceDiscoveryOptions.Interfaces"/> does not exist.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The sockets cannot be opened.</exception>
    public static Task<EmbeddedBackend> CreateAsync(DnsServiceDiscoveryOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Opening sockets and reading the interface list are quick system calls that do not block, so the work runs
        // here and the task is already complete; the asynchronous shape leaves room for a transport that must wait.
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<EmbeddedBackend>(cancellationToken);
        }
        try
        {
            return Task.FromResult(Open(options));
        }
        catch (Exception exception)
        {
            return Task.FromException<EmbeddedBackend>(exception);
        }
    }

    /// <summary>What <see cref="CreateAsync"/> does, for <see cref="DnsServiceDiscovery"/>'s backend made on first use.</summary>
    internal static EmbeddedBackend Open(DnsServiceDiscoveryOptions? options)
    {
        options ??= new DnsServiceDiscoveryOptions();
        ILogger logger = options.LoggerFactory.CreateLogger("Inkwell.Zeroconf");
        IMulticastTransport transport = options.Transport ?? new UdpMulticastTransport(options, logger);
        var engine = new MdnsEngine(transport, HostLabel(options.HostName), options.TimeProvider, logger, options.Random);
        try
        {
            engine.Start();
        }
        catch
        {
            transport.Dispose(); // nothing was announced yet: close the sockets, no goodbyes to send
            throw;
        }
        return new EmbeddedBackend(engine);
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
    public async Task<ServiceRegistration> RegisterAsync(ServiceProfile profile, CancellationToken cancellationToken)
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
