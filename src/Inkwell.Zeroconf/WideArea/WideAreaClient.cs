using System.Net;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;
using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.WideArea;

/// <summary>
/// Wide-area DNS-SD against one DNS server: registers by DNS UPDATE (RFC 2136, TSIG-signed), and browses and
/// resolves by unicast queries (<c>WideAreaClient.Browse.cs</c>, <c>WideAreaClient.Resolve.cs</c>).
/// </summary>
internal sealed partial class WideAreaClient : IAsyncDisposable
{
    /// <summary>How many names are tried ("Name", "Name (2)", …) before giving up on a conflict.</summary>
    private const int MaxRenames = 100;

    private readonly WideAreaOptions _options;
    private readonly UnicastDnsClient _queries;
    private readonly Dictionary<DnsName, Task<DnsUpdateClient>> _updateClients = [];

    /// <summary>Whether queries go to a recursive resolver (the system's), so ask with RD set.</summary>
    private readonly bool _recursive;
    private readonly ILogger _logger;
    private readonly List<WideAreaRegistration> _registrations = [];
    private int _disposed;

    public WideAreaClient(WideAreaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Attempts, 1);
        _options = options;
        _recursive = options.Server is null;
        // resolv.conf(5): without a nameserver line the C library asks the name server on the local machine.
        IPEndPoint server = options.Server ?? ResolvConf.Load(options.ResolvConfPath).NameServers.FirstOrDefault() ?? new IPEndPoint(IPAddress.Loopback, 53);
        _queries = new UnicastDnsClient(server, options.Timeout, options.Attempts, options.TimeProvider);
        _logger = options.LoggerFactory.CreateLogger("Inkwell.Zeroconf.WideArea");
    }

    public TimeProvider TimeProvider => _options.TimeProvider;

    private string Server => _queries.Server.ToString();

    private uint Ttl => (uint)Math.Clamp(_options.Ttl.TotalSeconds, 0, int.MaxValue);

    /// <summary>
    /// Adds the service's records with a "name not in use" prerequisite on the instance name, so a name someone
    /// else holds is never overwritten: YXDOMAIN means taken, and the next name is tried ("Name (2)", as mDNS does).
    /// </summary>
    public async Task<ServiceRegistration> RegisterAsync(ServiceProfile profile, DnsName domain, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        DnsName type = ServiceNames.ParseServiceTypeIn(profile.ServiceType, domain, nameof(profile));
        DnsName zone = _options.Zone is { } z
            ? ServiceNames.ParseDomain(z, nameof(WideAreaOptions.Zone))
            : await FindZoneAsync(domain, cancellationToken).ConfigureAwait(false);
        DnsUpdateClient updates = await UpdateClientForAsync(zone, cancellationToken).ConfigureAwait(false);
        string updateServer = updates.Client.Server.ToString();
        var records = new WideAreaServiceRecords(type, profile.Subtypes, profile.InstanceName, HostName(domain), (ushort)profile.Port,
            TxtData.Encode(profile.Txt), _options.HostAddresses, Ttl);
        for (int attempt = 1; ; attempt++)
        {
            var update = new DnsUpdate(zone) { Lease = _options.Lease };
            update.Prerequisites.Add(DnsUpdate.NameNotInUse(records.Instance));
            update.Updates.AddRange(records.All());
            int rcode = await updates.SendAsync(update, cancellationToken).ConfigureAwait(false);
            if (rcode == DnsUpdateClient.NoError)
            {
                break;
            }
            if (rcode != DnsUpdateClient.YXDomain)
            {
                throw new WideAreaException(WideAreaError.ServerFailure, $"Registering {records.Instance} at {updateServer}: the server answered RCODE {rcode} to a 'name not in use' prerequisite.") { ResponseCode = rcode };
            }
            if (attempt == MaxRenames)
            {
                throw new WideAreaException(WideAreaError.NameConflict, $"Registering '{profile.InstanceName}' at {updateServer}: {MaxRenames} names were all taken.") { ResponseCode = rcode };
            }
            string next = $"{profile.InstanceName} ({attempt + 1})";
            Log.WideAreaRenamed(_logger, records.Instance.ToString(), updateServer, next);
            records = records.Renamed(next);
        }
        Log.WideAreaRegistered(_logger, records.Instance.ToString(), updateServer);
        string typeText = string.Join('.', type.Labels.Take(type.Labels.Count - domain.Labels.Count));
        TimeSpan refresh = _options.Lease * 0.8;
        var registration = new WideAreaRegistration(this, records, zone, updates, typeText, domain.ToString(), profile.Port, refresh);
        lock (_registrations)
        {
            _registrations.Add(registration);
        }
        return registration;
    }

    /// <summary>
    /// Writes the records again with a fresh lease (RFC 9664 §4.2: a refresh repeats the registration). Adding a
    /// record that exists changes nothing, so this also restores what a server lost (a restart without journal).
    /// </summary>
    internal async Task RefreshAsync(WideAreaRegistration registration)
    {
        if (registration.IsDisposed)
        {
            return;
        }
        try
        {
            var update = new DnsUpdate(ZoneOf(registration)) { Lease = _options.Lease };
            update.Updates.AddRange(registration.Records.All());
            await registration.Updates.SendAsync(update, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ZeroconfException or OperationCanceledException)
        {
            Log.WideAreaRefreshFailed(_logger, registration.Records.Instance.ToString(), registration.UpdateServer, e.Message);
        }
    }

    /// <summary>Replaces the TXT RRset in one update: delete the old, add the new (RFC 2136 §2.5.2).</summary>
    internal async Task UpdateTxtAsync(WideAreaRegistration registration, List<byte[]> txt, CancellationToken cancellationToken)
    {
        WideAreaServiceRecords records = registration.Records;
        var update = new DnsUpdate(ZoneOf(registration)) { Lease = _options.Lease };
        update.Updates.Add(DnsUpdate.DeleteRRset(records.Instance, DnsRecordType.Txt));
        update.Updates.Add(new DnsRecord(records.Instance, DnsRecordType.Txt, records.Ttl, new TxtRecordData(txt)));
        int rcode = await registration.Updates.SendAsync(update, cancellationToken).ConfigureAwait(false);
        if (rcode != DnsUpdateClient.NoError)
        {
            throw new WideAreaException(WideAreaError.ServerFailure, $"Updating the TXT of {records.Instance} at {registration.UpdateServer}: RCODE {rcode}.") { ResponseCode = rcode };
        }
        records.Txt = txt;
    }

    /// <summary>
    /// Deletes the registration's records: its PTRs by rdata (other instances share the RRset), every RRset at the
    /// instance name, and the host's addresses when no other registration of this client still uses them.
    /// Failures are logged, not thrown: dispose must not fail, and the log says how to clean up by hand.
    /// </summary>
    internal async Task WithdrawAsync(WideAreaRegistration registration)
    {
        bool lastForHost;
        lock (_registrations)
        {
            _registrations.Remove(registration);
            lastForHost = !_registrations.Any(r => r.Records.Host == registration.Records.Host);
        }
        WideAreaServiceRecords records = registration.Records;
        var update = new DnsUpdate(ZoneOf(registration));
        update.Updates.AddRange(records.Pointers().Select(DnsUpdate.DeleteRecord));
        update.Updates.Add(DnsUpdate.DeleteName(records.Instance));
        if (lastForHost)
        {
            update.Updates.AddRange(records.AddressRecords().Select(DnsUpdate.DeleteRecord));
        }
        try
        {
            using var timeout = new CancellationTokenSource(_options.Timeout * (1 << Math.Min(_options.Attempts, 8)), _options.TimeProvider);
            int rcode = await registration.Updates.SendAsync(update, timeout.Token).ConfigureAwait(false);
            if (rcode == DnsUpdateClient.NoError)
            {
                Log.WideAreaWithdrawn(_logger, records.Instance.ToString(), registration.UpdateServer);
                await WithdrawServiceTypeAsync(registration, timeout.Token).ConfigureAwait(false);
                return;
            }
            Log.WideAreaWithdrawFailed(_logger, records.Instance.ToString(), registration.UpdateServer, $"RCODE {rcode}");
        }
        catch (Exception e) when (e is ZeroconfException or OperationCanceledException)
        {
            Log.WideAreaWithdrawFailed(_logger, records.Instance.ToString(), registration.UpdateServer, e.Message);
        }
    }

    /// <summary>
    /// Removes the type from the domain's type enumeration (RFC 6763 §9) if no instance of it is left, whoever
    /// registered them: the prerequisite "the type's PTR RRset does not exist" makes the check and the delete one
    /// atomic step on the server (YXRRSET, and nothing changes, when another instance remains).
    /// </summary>
    private async Task WithdrawServiceTypeAsync(WideAreaRegistration registration, CancellationToken cancellationToken)
    {
        var update = new DnsUpdate(ZoneOf(registration));
        update.Prerequisites.Add(DnsUpdate.RRsetDoesNotExist(registration.Records.Type, DnsRecordType.Ptr));
        update.Updates.Add(DnsUpdate.DeleteRecord(registration.Records.ServiceTypePointer()));
        try
        {
            await registration.Updates.SendAsync(update, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ZeroconfException or OperationCanceledException)
        {
            Log.WideAreaWithdrawFailed(_logger, registration.Records.ServiceTypePointer().Name.ToString(), registration.UpdateServer, e.Message);
        }
    }

    /// <summary>Whether this client registered the instance (a browse event's IsOwn).</summary>
    private bool IsOwn(DnsName instance)
    {
        lock (_registrations)
        {
            return _registrations.Any(r => r.Records.Instance == instance);
        }
    }

    private static DnsName ZoneOf(WideAreaRegistration registration) => registration.Zone;

    /// <summary>The SRV target: the configured name (a label goes under the domain) or the machine's host name under the domain.</summary>
    private DnsName HostName(DnsName domain)
    {
        string name = _options.HostName ?? System.Net.Dns.GetHostName().Split('.')[0];
        if (string.IsNullOrEmpty(name))
        {
            name = "inkwell";
        }
        return name.TrimEnd('.').Contains('.', StringComparison.Ordinal) ? DnsName.Parse(name) : domain.Prepend(name);
    }

    /// <summary>Withdraws every registration still alive.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        WideAreaRegistration[] alive;
        lock (_registrations)
        {
            alive = [.. _registrations];
        }
        foreach (WideAreaRegistration registration in alive)
        {
            await registration.DisposeAsync().ConfigureAwait(false);
        }
    }
}
