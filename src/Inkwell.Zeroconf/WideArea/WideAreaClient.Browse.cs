using System.Runtime.CompilerServices;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf.WideArea;

internal sealed partial class WideAreaClient
{
    /// <summary>
    /// Follows the PTR records of a service type by polling: at <see cref="WideAreaOptions.MinPollInterval"/>
    /// after any change, doubling while nothing changes up to <see cref="WideAreaOptions.MaxPollInterval"/>
    /// (BIND serves no DNS Push, RFC 8765). A server that cannot be reached on the first poll is an error; later
    /// failures are logged and the poll retried, keeping what is known.
    /// </summary>
    public async IAsyncEnumerable<ServiceBrowseEvent> BrowseAsync(DnsName typeName, DnsName domain, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var known = new HashSet<DnsName>();
        TimeSpan interval = _options.MinPollInterval;
        bool first = true;
        while (true)
        {
            HashSet<DnsName>? current = await PollAsync(typeName, first, cancellationToken).ConfigureAwait(false);
            first = false;
            bool changed = false;
            if (current is not null)
            {
                foreach (DnsName gone in known.Where(n => !current.Contains(n)).ToList())
                {
                    changed = true;
                    known.Remove(gone);
                    yield return Event(ServiceBrowseEventKind.Removed, gone, domain);
                }
                foreach (DnsName added in current.Where(n => !known.Contains(n)).ToList())
                {
                    changed = true;
                    known.Add(added);
                    yield return Event(ServiceBrowseEventKind.Added, added, domain);
                }
            }
            interval = changed ? _options.MinPollInterval : TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, _options.MaxPollInterval.Ticks));
            await Task.Delay(interval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
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
