using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Avahi;

/// <content>Browsing instances, service types and records.</content>
public sealed partial class AvahiBackend
{
    /// <summary>
    /// How many instances' TXT records all browses of this backend follow at once, for <see cref="ServiceBrowseEventKind.Updated"/>
    /// events. Each costs one of avahi-daemon's objects for this client (<c>objects-per-client-max</c>, 1024 by default),
    /// which registrations and resolves need too; instances beyond it are browsed without updates.
    /// </summary>
    internal const int MaxTxtWatches = 256;

    /// <summary>Every running TXT watch of every browse (a set: the value is unused).</summary>
    private readonly ConcurrentDictionary<AvahiTxtWatch, bool> _runningTxtWatches = new();

    /// <summary>How many TXT watches run now (for tests: they stop with their instance and their browse).</summary>
    internal int TxtWatchCount => _runningTxtWatches.Count;

    /// <summary>How many of them have their instance's first TXT, so that a change is reported (for tests: when to change it).</summary>
    internal int FollowingTxtWatchCount => _runningTxtWatches.Keys.Count(w => w.IsFollowing);

    /// <inheritdoc/>
    /// <remarks>
    /// Avahi reports an instance once per interface and protocol; this reports it once per interface, like the
    /// embedded backend. Avahi's ServiceBrowser does not report TXT changes, so each instance's TXT record is followed
    /// with a RecordBrowser (<see cref="AvahiTxtWatch"/>) for <see cref="ServiceBrowseEventKind.Updated"/> events,
    /// up to <see cref="MaxTxtWatches"/> instances at once.
    /// </remarks>
    public async IAsyncEnumerable<ServiceBrowseEvent> BrowseAsync(string serviceType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var output = Channel.CreateUnbounded<ServiceBrowseEvent>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task browsing = BrowseInstancesAsync(serviceType, output.Writer, stop.Token);
        try
        {
            await foreach (ServiceBrowseEvent e in output.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return e;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await browsing.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Turns the ServiceBrowser's reports into added and removed events and runs a TXT watch per instance in between, so
    /// an instance's updates come after its addition and before its removal. Never throws: a failure completes
    /// <paramref name="output"/> with it.
    /// </summary>
    private async Task BrowseInstancesAsync(string serviceType, ChannelWriter<ServiceBrowseEvent> output, CancellationToken cancellationToken)
    {
        var filter = new AvahiPerInterfaceFilter();
        var watches = new Dictionary<AvahiServiceItem, AvahiTxtWatch>();
        Exception? failure = null;
        try
        {
            await foreach (AvahiBrowseEvent<AvahiServiceItem> e in _client.BrowseAsync(serviceType, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (!filter.TryMap(e, out AvahiBrowseEvent<AvahiServiceItem> mapped) || mapped.Item is not { } item)
                {
                    continue;
                }
                string interfaceName = await InterfaceNameAsync(item.Interface, cancellationToken).ConfigureAwait(false);
                ServiceBrowseEvent reported = WithOrigin(
                    new ServiceBrowseEvent(Kind(mapped.Kind), item.Name, item.Type, item.Domain, interfaceName, item.Interface), item.Flags);
                AvahiServiceItem key = item.ToKey();
                if (mapped.Kind == AvahiBrowseEventKind.Added)
                {
                    output.TryWrite(reported);
                    if (watches.ContainsKey(key))
                    {
                        continue; // the filter reports an instance once; never leak a second watch if it did not
                    }
                    if (_runningTxtWatches.Count < MaxTxtWatches) // concurrent browses may overshoot by a few; harmless
                    {
                        AvahiTxtWatch watch = AvahiTxtWatch.Start(_client, item, reported, output);
                        watches[key] = watch;
                        _runningTxtWatches[watch] = true;
                    }
                    else
                    {
                        Log.TxtWatchLimit(_client.Logger, serviceType, MaxTxtWatches, item.Name);
                    }
                }
                else
                {
                    if (watches.Remove(key, out AvahiTxtWatch? watch))
                    {
                        await StopAsync(watch).ConfigureAwait(false);
                    }
                    output.TryWrite(reported);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        finally
        {
            await Task.WhenAll(watches.Values.Select(w => StopAsync(w).AsTask())).ConfigureAwait(false);
            output.TryComplete(failure);
        }

        async ValueTask StopAsync(AvahiTxtWatch watch)
        {
            await watch.DisposeAsync().ConfigureAwait(false);
            _runningTxtWatches.TryRemove(watch, out _);
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
            yield return new DnsRecordEvent(e.Kind == AvahiBrowseEventKind.Added ? DnsRecordEventKind.Added : DnsRecordEventKind.Removed, record.Name, (DnsRecordType)record.Type, record.Class, 0, data,
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
