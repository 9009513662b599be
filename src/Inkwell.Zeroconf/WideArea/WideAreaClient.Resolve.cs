using System.Net;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf.WideArea;

internal sealed partial class WideAreaClient
{
    /// <summary>
    /// Resolves an instance: its SRV (RFC 2782 choice among several), TXT, and the target's A / AAAA (from the
    /// additional section when the server includes them, RFC 6763 §12, else asked for). Like a multicast resolve
    /// it waits, polling with backoff, until the instance exists or the caller cancels; an unreachable or failing
    /// server is an error at once.
    /// </summary>
    public async Task<ResolvedService> ResolveAsync(string instanceName, DnsName typeName, DnsName domain, CancellationToken cancellationToken)
    {
        DnsName instance = typeName.Prepend(instanceName);
        string typeText = string.Join('.', typeName.Labels.Take(typeName.Labels.Count - domain.Labels.Count));
        TimeSpan interval = _options.MinPollInterval;
        while (true)
        {
            DnsMessage srvAnswer = await QueryAsync(instance, DnsRecordType.Srv, cancellationToken).ConfigureAwait(false);
            List<DnsRecord> srvs = [.. AnswersFor(srvAnswer, instance, DnsRecordType.Srv)];
            if (SrvSelection.Choose(srvs, r => (SrvRecordData)r.Data, Random.Shared) is { Data: SrvRecordData srv })
            {
                DnsMessage txtAnswer = await QueryAsync(instance, DnsRecordType.Txt, cancellationToken).ConfigureAwait(false);
                DnsRecord? txt = AnswersFor(txtAnswer, instance, DnsRecordType.Txt).FirstOrDefault();
                List<IPAddress> addresses = await AddressesOfAsync(srv.Target, srvAnswer, cancellationToken).ConfigureAwait(false);
                if (txt is not null && addresses.Count > 0)
                {
                    return new ResolvedService(instanceName, typeText, domain.ToString(), srv.Target.ToString(), srv.Port, addresses,
                        TxtData.Decode(((TxtRecordData)txt.Data).Strings), "", 0, srv.Priority, srv.Weight);
                }
            }
            await Task.Delay(interval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, _options.MaxPollInterval.Ticks));
        }
    }

    private static IEnumerable<IPAddress> Addresses(IEnumerable<DnsRecord> records, DnsName target) =>
        records.Where(r => r.Name == target && r.Class == DnsClass.Internet && r.Data is AddressRecordData)
            .Select(r => ((AddressRecordData)r.Data).Address)
            .Distinct();
}
