using System.Net;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf.WideArea;

internal sealed partial class WideAreaClient
{
    /// <summary>The DNS port an SOA primary is assumed to listen on (it publishes no port).</summary>
    private const int DnsPort = 53;

    /// <summary>
    /// Where the updates of a zone go: <see cref="WideAreaOptions.UpdateServer"/> when configured; else the target and
    /// port of the zone's <c>_dns-update._udp.&lt;zone&gt;</c> SRV record (the IANA service name DNS-SD clients such as
    /// mDNSResponder look up, RFC 2782 choice among several); else the zone's primary, the SOA's MNAME, at port 53
    /// (RFC 2136 §4: updates go to the primary). The host is resolved to an address by the query server. Found once
    /// per zone and kept for the client's life.
    /// </summary>
    internal async Task<DnsUpdateClient> UpdateClientForAsync(DnsName zone, CancellationToken cancellationToken)
    {
        Task<DnsUpdateClient> found;
        lock (_updateClients)
        {
            if (!_updateClients.TryGetValue(zone, out found!) || found.IsFaulted || found.IsCanceled)
            {
                found = FindUpdateClientAsync(zone, cancellationToken);
                _updateClients[zone] = found;
            }
        }
        return await found.ConfigureAwait(false);
    }

    private async Task<DnsUpdateClient> FindUpdateClientAsync(DnsName zone, CancellationToken cancellationToken)
    {
        IPEndPoint server = _options.UpdateServer ?? await FindUpdateServerAsync(zone, cancellationToken).ConfigureAwait(false);
        var client = server.Equals(_queries.Server) ? _queries : new UnicastDnsClient(server, _options.Timeout, _options.Attempts, _options.TimeProvider);
        return new DnsUpdateClient(client, _options.Key, _options.TimeProvider);
    }

    private async Task<IPEndPoint> FindUpdateServerAsync(DnsName zone, CancellationToken cancellationToken)
    {
        DnsName srvName = DnsName.FromLabels(["_dns-update", "_udp", .. zone.Labels]);
        DnsMessage srvAnswer = await QueryAsync(srvName, DnsRecordType.Srv, cancellationToken).ConfigureAwait(false);
        List<DnsRecord> srvs = [.. AnswersFor(srvAnswer, srvName, DnsRecordType.Srv)];
        DnsName host;
        int port;
        string how;
        if (SrvSelection.Choose(srvs, r => (SrvRecordData)r.Data, Random.Shared) is { Data: SrvRecordData srv })
        {
            (host, port, how) = (srv.Target, srv.Port, $"its {srvName} SRV record");
        }
        else
        {
            DnsMessage soaAnswer = await QueryAsync(zone, DnsRecordType.Soa, cancellationToken).ConfigureAwait(false);
            SoaRecordData soa = AnswersFor(soaAnswer, zone, DnsRecordType.Soa).Select(r => r.Data).OfType<SoaRecordData>().FirstOrDefault()
                ?? throw new WideAreaException(WideAreaError.NotZone,
                    $"DNS server {Server} gives no SOA for zone {zone}, so its update server is unknown; set WideAreaOptions.UpdateServer.");
            (host, port, how) = (soa.Primary, DnsPort, "its SOA's primary (MNAME)");
        }
        IPAddress address = (await AddressesOfAsync(host, srvAnswer, cancellationToken).ConfigureAwait(false)).FirstOrDefault()
            ?? throw new WideAreaException(WideAreaError.Unreachable,
                $"The update server of zone {zone}, {host} (from {how}), has no address at DNS server {Server}; set WideAreaOptions.UpdateServer.");
        var endPoint = new IPEndPoint(address, port);
        Log.WideAreaUpdateServerFound(_logger, zone.ToString(), endPoint.ToString(), how);
        return endPoint;
    }

    /// <summary>A host's addresses: from a response's additional section when there (RFC 2782 / RFC 6763 §12), else asked for, IPv4 first.</summary>
    private async Task<List<IPAddress>> AddressesOfAsync(DnsName host, DnsMessage? withAdditionals, CancellationToken cancellationToken)
    {
        List<IPAddress> addresses = withAdditionals is null ? [] : [.. Addresses(withAdditionals.Additionals, host)];
        if (addresses.Count == 0)
        {
            DnsMessage a = await QueryAsync(host, DnsRecordType.A, cancellationToken).ConfigureAwait(false);
            DnsMessage aaaa = await QueryAsync(host, DnsRecordType.Aaaa, cancellationToken).ConfigureAwait(false);
            addresses = [.. Addresses(a.Answers, host).Concat(Addresses(aaaa.Answers, host))];
        }
        return addresses;
    }
}
