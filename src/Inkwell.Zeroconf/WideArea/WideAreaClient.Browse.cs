using System.Runtime.CompilerServices;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf.WideArea;

internal sealed partial class WideAreaClient
{
    /// <summary>
    /// Follows the PTR records of a service type by polling: at <see cref="WideAreaOptions.MinPollInterval"/>
    /// after any change, doubling while nothing changes up to <see cref="WideAreaOptions.MaxPollInterval"/>
    /// (BIND serves no DNS Push, RFC 8765). Each poll also reads every known instance's TXT, so a change is an
    /// Updated event with the new TXT, as over multicast. A server that cannot be reached on the first poll is an
    /// error; later failures are logged and the poll retried, keeping what is known.
    /// </summary>
    public async IAsyncEnumerable<ServiceBrowseEvent> BrowseAsync(DnsName typeName, DnsName domain, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Each known instance with its TXT rdata as last read (null until read), so a change is an Updated event.
        var known = new Dictionary<DnsName, byte[]?>();
        TimeSpan interval = _options.MinPollInterval;
        bool first = true;
        while (true)
        {
            HashSet<DnsName>? current = await PollAsync(typeName, first, cancellationToken).ConfigureAwait(false);
            first = false;
            bool changed = false;
            if (current is not null)
            {
                foreach (DnsName gone in known.Keys.Where(n => !current.Contains(n)).ToList())
                {
                    changed = true;
                    known.Remove(gone);
                    yield return Event(ServiceBrowseEventKind.Removed, gone, domain);
                }
                foreach (DnsName instance in current)
                {
                    TxtRecordData? txt = await PollTxtAsync(instance, cancellationToken).ConfigureAwait(false);
                    byte[]? bytes = txt?.Canonical;
                    if (!known.TryGetValue(instance, out byte[]? previous))
                    {
                        changed = true;
                        known[instance] = bytes;
                        yield return Event(ServiceBrowseEventKind.Added, instance, domain);
                    }
                    else if (txt is not null && (previous is null || !previous.AsSpan().SequenceEqual(bytes)))
                    {
                        known[instance] = bytes;
                        if (previous is not null)
                        {
                            changed = true;
                            yield return Event(ServiceBrowseEventKind.Updated, instance, domain) with { Txt = TxtData.Decode(txt.Strings) };
                        }
                    }
                }
            }
            interval = changed ? _options.MinPollInterval : TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, _options.MaxPollInterval.Ticks));
            await Task.Delay(interval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An instance's TXT record, or null when it has none or the query failed (the next poll asks again).</summary>
    private async Task<TxtRecordData?> PollTxtAsync(DnsName instance, CancellationToken cancellationToken)
    {
        try
        {
            DnsMessage response = await QueryAsync(instance, DnsRecordType.Txt, cancellationToken).ConfigureAwait(false);
            return AnswersFor(response, instance, DnsRecordType.Txt).Select(r => (TxtRecordData)r.Data).FirstOrDefault();
        }
        catch (WideAreaException e)
        {
            Log.WideAreaPollFailed(_logger, instance.ToString(), Server, e.Message);
            return null;
        }
    }

    /// <summary>The instance names the type's PTR records point to, or null when a later poll failed.</summary>
    private async Task<HashSet<DnsName>?> PollAsync(DnsName typeName, bool first, CancellationToken cancellationToken)
    {
        try
        {
            DnsMessage response = await QueryAsync(typeName, DnsRecordType.Ptr, cancellationToken).ConfigureAwait(false);
            // Only names of the form <instance>.<type> count: the PTR of a subtype points at <instance>.<type>
            // too, so strip the subtype labels to know what to expect.
            DnsName serviceType = typeName.Labels.Count > 1 && DnsName.LabelEquals(typeName.Labels[1], "_sub") ? typeName.Skip(2) : typeName;
            return [.. AnswersFor(response, typeName, DnsRecordType.Ptr)
                .Select(r => ((PtrRecordData)r.Data).Target)
                .Where(t => t.Labels.Count == serviceType.Labels.Count + 1 && t.EndsWith(serviceType))];
        }
        catch (WideAreaException e) when (!first)
        {
            Log.WideAreaPollFailed(_logger, typeName.ToString(), Server, e.Message);
            return null;
        }
    }

    private ServiceBrowseEvent Event(ServiceBrowseEventKind kind, DnsName instance, DnsName domain)
    {
        DnsName type = instance.Skip(1);
        string typeText = string.Join('.', type.Labels.Take(type.Labels.Count - domain.Labels.Count));
        bool own = IsOwn(instance);
        // Unicast answers come from no particular interface: the interface is empty, index 0.
        return new ServiceBrowseEvent(kind, instance.Labels[0], typeText, domain.ToString(), "", 0) { IsOwn = own, IsLocal = own };
    }
}
