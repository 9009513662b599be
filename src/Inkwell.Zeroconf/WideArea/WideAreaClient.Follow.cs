using System.Runtime.CompilerServices;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.WideArea;

internal sealed partial class WideAreaClient
{
    /// <summary>
    /// Follows the service types registered in a domain (RFC 6763 §9): the PTR records at
    /// <c>_services._dns-sd._udp.&lt;domain&gt;</c>, which registrations write next to their own. Events carry the type
    /// only (empty instance name), as over multicast.
    /// </summary>
    public async IAsyncEnumerable<ServiceBrowseEvent> BrowseServiceTypesAsync(DnsName domain, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        DnsName name = WideAreaServiceRecords.ServicesName(domain);
        await foreach ((bool added, DnsRecord record) in FollowAsync(name, DnsRecordType.Ptr, cancellationToken).ConfigureAwait(false))
        {
            // Only "<_service>.<_proto>.<domain>" is a service type.
            if (record.Data is PtrRecordData { Target: var type } && type.Labels.Count == domain.Labels.Count + 2 && type.EndsWith(domain))
            {
                yield return new ServiceBrowseEvent(added ? ServiceBrowseEventKind.Added : ServiceBrowseEventKind.Removed, "",
                    $"{type.Labels[0]}.{type.Labels[1]}", domain.ToString(), "", 0);
            }
        }
    }

    /// <summary>Follows the records of one name and type (<see cref="DnsRecordType.Any"/> for every type), like <c>dns-sd -Q</c>.</summary>
    public async IAsyncEnumerable<DnsRecordEvent> QueryRecordsAsync(DnsName name, DnsRecordType type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach ((bool added, DnsRecord r) in FollowAsync(name, type, cancellationToken).ConfigureAwait(false))
        {
            // Unicast answers come from no particular interface: the interface is empty, index 0.
            yield return new DnsRecordEvent(added ? DnsRecordEventKind.Added : DnsRecordEventKind.Removed, r.Name.ToString(), r.Type, r.Class, r.Ttl, r.Data.ToString(), r.Data.GetCanonicalBytes(), "", 0);
        }
    }

    /// <summary>
    /// Polls one name and type with the browse's backoff (<see cref="WideAreaOptions.MinPollInterval"/> after a change,
    /// doubling while nothing changes up to <see cref="WideAreaOptions.MaxPollInterval"/>) and yields each record that
    /// appears and each that goes, compared by type and rdata (not TTL: a resolver's cached TTL counts down). A server
    /// that cannot be reached on the first poll is an error; later failures are logged and the poll retried.
    /// </summary>
    private async IAsyncEnumerable<(bool Added, DnsRecord Record)> FollowAsync(DnsName name, DnsRecordType type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var known = new Dictionary<(DnsRecordType, DnsRecordData), DnsRecord>();
        TimeSpan interval = _options.MinPollInterval;
        bool first = true;
        while (true)
        {
            Dictionary<(DnsRecordType, DnsRecordData), DnsRecord>? current = null;
            try
            {
                DnsMessage response = await QueryAsync(name, type, cancellationToken).ConfigureAwait(false);
                current = [];
                foreach (DnsRecord record in response.Answers.Where(r => r.Name == name && r.Class == DnsClass.Internet && (type == DnsRecordType.Any || r.Type == type)))
                {
                    current.TryAdd((record.Type, record.Data), record);
                }
            }
            catch (WideAreaException e) when (!first)
            {
                Internal.Log.WideAreaPollFailed(_logger, name.ToString(), Server, e.Message);
            }
            first = false;
            bool changed = false;
            if (current is not null)
            {
                foreach (var gone in known.Where(k => !current.ContainsKey(k.Key)).ToList())
                {
                    changed = true;
                    known.Remove(gone.Key);
                    yield return (false, gone.Value);
                }
                foreach (var appeared in current.Where(c => !known.ContainsKey(c.Key)).ToList())
                {
                    changed = true;
                    known.Add(appeared.Key, appeared.Value);
                    yield return (true, appeared.Value);
                }
            }
            interval = changed ? _options.MinPollInterval : TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, _options.MaxPollInterval.Ticks));
            await Task.Delay(interval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
