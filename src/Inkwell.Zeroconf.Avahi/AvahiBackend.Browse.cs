using System.Runtime.CompilerServices;
using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Avahi;

/// <content>Browsing instances, service types and records.</content>
public sealed partial class AvahiBackend
{
    /// <inheritdoc/>
    /// <remarks>
    /// Avahi reports an instance once per interface and protocol; this reports it once per interface, like the
    /// embedded backend. Avahi's browser does not report TXT changes, so no <see cref="ServiceBrowseEventKind.Updated"/> events come.
    /// </remarks>
    public async IAsyncEnumerable<ServiceBrowseEvent> BrowseAsync(string serviceType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new AvahiPerInterfaceFilter();
        await foreach (AvahiBrowseEvent<AvahiServiceItem> e in _client.BrowseAsync(serviceType, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!filter.TryMap(e, out AvahiBrowseEvent<AvahiServiceItem> mapped) || mapped.Item is not { } item)
            {
                continue;
            }
            string interfaceName = await InterfaceNameAsync(item.Interface, cancellationToken).ConfigureAwait(false);
            yield return WithOrigin(new ServiceBrowseEvent(Kind(mapped.Kind), item.Name, item.Type, item.Domain, interfaceName, item.Interface), item.Flags);
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ServiceBrowseEvent> BrowseServiceTypesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Once per interface, as for instances: the protocols that report a type on an interface.
        var protocols = new Dictionary<(int Interface, string Type, string Domain), HashSet<AvahiProtocol>>();
        await foreach (AvahiBrowseEvent<AvahiServiceTypeItem> e in _client.BrowseServiceTypesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.Item is not { } item)
            {
                continue;
            }
            var key = (item.Interface, item.Type.ToLowerInvariant(), item.Domain.ToLowerInvariant());
            bool report;
            if (e.Kind == AvahiBrowseEventKind.Added)
            {
                report = !protocols.TryGetValue(key, out HashSet<AvahiProtocol>? seen);
                (seen ?? (protocols[key] = [])).Add(item.Protocol);
            }
            else
            {
                report = protocols.TryGetValue(key, out HashSet<AvahiProtocol>? seen) && seen.Remove(item.Protocol) && seen.Count == 0;
                if (report)
                {
                    protocols.Remove(key);
                }
            }
            if (report)
            {
                string interfaceName = await InterfaceNameAsync(item.Interface, cancellationToken).ConfigureAwait(false);
                yield return WithOrigin(new ServiceBrowseEvent(Kind(e.Kind), "", item.Type, item.Domain, interfaceName, item.Interface), item.Flags);
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>Avahi's RecordBrowser does not pass TTLs on; <see cref="DnsRecordEvent.Ttl"/> is 0.</remarks>
    public async IAsyncEnumerable<DnsRecordEvent> QueryRecordsAsync(string name, DnsRecordType type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (AvahiBrowseEvent<AvahiRecordItem> e in _client.BrowseRecordsAsync(name, (ushort)type, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.Item is not { } record)
            {
                continue;
            }
            string data = DnsMessage.TryParseRecordData(record.Rdata, (DnsRecordType)record.Type, 0, record.Rdata.Length, out DnsRecordData parsed)
                ? parsed.ToString()
                : $@"\# {record.Rdata.Length} {Convert.ToHexString(record.Rdata)}"; // RFC 3597's form for rdata it cannot read
            string interfaceName = await InterfaceNameAsync(record.Interface, cancellationToken).ConfigureAwait(false);
            yield return new DnsRecordEvent(e.Kind == AvahiBrowseEventKind.Added, record.Name, (DnsRecordType)record.Type, record.Class, 0, data,
                record.Rdata, interfaceName, record.Interface);
        }
    }

    /// <summary>Avahi's LOCAL and OUR_OWN flags as the seam's <see cref="ServiceBrowseEvent.IsLocal"/> and <see cref="ServiceBrowseEvent.IsOwn"/>.</summary>
    private static ServiceBrowseEvent WithOrigin(ServiceBrowseEvent e, AvahiLookupResultFlags flags)
    {
        bool own = flags.HasFlag(AvahiLookupResultFlags.OurOwn);
        return e with { IsOwn = own, IsLocal = own || flags.HasFlag(AvahiLookupResultFlags.Local) };
    }

    private static ServiceBrowseEventKind Kind(AvahiBrowseEventKind kind)
        => kind == AvahiBrowseEventKind.Added ? ServiceBrowseEventKind.Added : ServiceBrowseEventKind.Removed;
}
