using System.Threading.Channels;
using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>
/// Follows one browsed instance's TXT record with a RecordBrowser, so a browse can report
/// <see cref="ServiceBrowseEventKind.Updated"/>: Avahi's ServiceBrowser reports instances coming and going, never a TXT
/// change. The first TXT reported is the starting point; each different one after it is an update carrying it. A TXT
/// record is unique (cache-flush), so the daemon drops the old rdata a second after the new one arrives; removals are
/// not reported (the instance's removal comes from the ServiceBrowser).
/// </summary>
/// <remarks>
/// The RecordBrowser lives in an <see cref="AvahiBrowserSession{TItem}"/>: its signal match rules were added when the client
/// connected, before the browser exists, and it is recreated when the daemon restarts (a TXT changed meanwhile is
/// reported then). Each watch costs the client one of the daemon's objects (<c>objects-per-client-max</c>, 1024 by
/// default), which is why <see cref="AvahiBackend"/> caps how many run at once.
/// </remarks>
internal sealed class AvahiTxtWatch : IAsyncDisposable
{
    /// <summary>The TXT resource record type.</summary>
    private const ushort TxtType = 16;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _disposed;
    private volatile bool _following;

    private AvahiTxtWatch(AvahiClient client, AvahiServiceItem item, ServiceBrowseEvent added, ChannelWriter<ServiceBrowseEvent> output)
    {
        _loop = Task.Run(() => RunAsync(client, item, added, output));
    }

    /// <summary>Starts following the TXT of <paramref name="item"/> on its interface; updates go to <paramref name="output"/> as copies of <paramref name="added"/>.</summary>
    public static AvahiTxtWatch Start(AvahiClient client, AvahiServiceItem item, ServiceBrowseEvent added, ChannelWriter<ServiceBrowseEvent> output)
        => new(client, item, added, output);

    /// <summary>
    /// Whether the first TXT has been reported, so changes from now on become updates. A change made before (between the
    /// instance being added and its RecordBrowser's first report) is the starting point instead, as when the browse
    /// had begun a moment later.
    /// </summary>
    public bool IsFollowing => _following;

    /// <summary>Stops following and frees the RecordBrowser; once this completes, no more updates are written.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(AvahiClient client, AvahiServiceItem item, ServiceBrowseEvent added, ChannelWriter<ServiceBrowseEvent> output)
    {
        string name = AvahiServiceName.Join(item.Name, item.Type, item.Domain);
        byte[]? current = null;
        try
        {
            await foreach (AvahiBrowseEvent<AvahiRecordItem> e in client.BrowseRecordsAsync(
                name, TxtType, @interface: item.Interface, cancellationToken: _stop.Token).ConfigureAwait(false))
            {
                if (e.Kind != AvahiBrowseEventKind.Added || e.Item is not { } record)
                {
                    continue;
                }
                if (current is null || current.AsSpan().SequenceEqual(record.Rdata))
                {
                    // The first TXT is where the instance starts; the same rdata again (another protocol) is no change.
                    current ??= record.Rdata;
                    _following = true;
                    continue;
                }
                current = record.Rdata;
                if (DnsMessage.TryParseRecordData(record.Rdata, DnsRecordType.Txt, 0, record.Rdata.Length, out DnsRecordData data) &&
                    data is TxtRecordData txt)
                {
                    output.TryWrite(added with { Kind = ServiceBrowseEventKind.Updated, Txt = TxtData.Decode(txt.Strings) });
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (AvahiException exception)
        {
            // The bus going away also ends the browse itself, which reports it; here it only ends the updates.
            Log.TxtWatchEnded(client.Logger, name, exception);
        }
    }
}
