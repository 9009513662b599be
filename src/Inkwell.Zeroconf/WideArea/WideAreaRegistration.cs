using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf.WideArea;

/// <summary>A service registered in a unicast DNS zone by DNS UPDATE. Disposing it deletes its records.</summary>
internal sealed class WideAreaRegistration : ServiceRegistration
{
    private readonly WideAreaClient _client;
    private readonly ITimer _refresh;
    private int _disposed;

    public WideAreaRegistration(WideAreaClient client, WideAreaServiceRecords records, DnsName zone, DnsUpdateClient updates, string serviceType, string domain, int port, TimeSpan refreshEvery)
    {
        _client = client;
        Records = records;
        Zone = zone;
        Updates = updates;
        ServiceType = serviceType;
        Domain = domain;
        Port = port;
        _refresh = client.TimeProvider.CreateTimer(_ => _ = client.RefreshAsync(this), null, refreshEvery, refreshEvery);
    }

    internal WideAreaServiceRecords Records { get; }

    /// <summary>The zone the records were written to (configured, or found from the domain's SOA).</summary>
    internal DnsName Zone { get; }

    /// <summary>Where the zone's updates go (configured, or found from the zone's records), for refresh and removal.</summary>
    internal DnsUpdateClient Updates { get; }

    internal string UpdateServer => Updates.Client.Server.ToString();

    public override string Name => Records.InstanceLabel;

    public override string ServiceType { get; }

    public override string Domain { get; }

    public override int Port { get; }

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public override async ValueTask UpdateTxtAsync(IReadOnlyList<KeyValuePair<string, string?>> txt, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        List<byte[]> encoded = TxtData.Encode(txt);
        await _client.UpdateTxtAsync(this, encoded, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _refresh.DisposeAsync().ConfigureAwait(false);
            await _client.WithdrawAsync(this).ConfigureAwait(false);
        }
    }
}
