using System.Net;
using Inkwell.Zeroconf.Avahi.Internal.DBus;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <content>All the addresses of a host: Avahi's resolver gives one; the seam's ResolvedService wants them all.</content>
internal sealed partial class AvahiClient
{
    private const ushort TypeA = 1;
    private const ushort TypeAaaa = 28;

    /// <summary>
    /// Collects the A and AAAA records of <paramref name="host"/> (e.g. "printer.local") on one interface until the
    /// daemon reports all it has for both (<c>AllForNow</c>), or <paramref name="wait"/> passes. IPv6 link-local
    /// addresses carry the interface as scope id.
    /// </summary>
    public async Task<IReadOnlyList<IPAddress>> ResolveHostAddressesAsync(
        string host,
        int @interface = AvahiInterface.Unspecified,
        AvahiProtocol protocol = AvahiProtocol.Unspecified,
        TimeSpan? wait = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wait ?? TimeSpan.FromSeconds(3));
        Task<List<IPAddress>> v4 = CollectAsync(TypeA, deadline.Token);
        Task<List<IPAddress>> v6 = CollectAsync(TypeAaaa, deadline.Token);
        try
        {
            await Task.WhenAll(v4, v6).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Waited long enough: what was found so far is the answer.
        }
        cancellationToken.ThrowIfCancellationRequested();
        return [.. (await v4.ConfigureAwait(false)), .. (await v6.ConfigureAwait(false))];

        async Task<List<IPAddress>> CollectAsync(ushort type, CancellationToken token)
        {
            var addresses = new List<IPAddress>();
            try
            {
                await foreach (AvahiBrowseEvent<AvahiRecordItem> e in BrowseRecordsAsync(host, type, 1, @interface, protocol, token).ConfigureAwait(false))
                {
                    if (e.Kind == AvahiBrowseEventKind.AllForNow)
                    {
                        break;
                    }
                    if (e is { Kind: AvahiBrowseEventKind.Added, Item: { } record } && record.Rdata.Length is 4 or 16)
                    {
                        var address = new IPAddress(record.Rdata);
                        if (address.IsIPv6LinkLocal && record.Interface > 0)
                        {
                            address.ScopeId = record.Interface;
                        }
                        if (!addresses.Contains(address))
                        {
                            addresses.Add(address);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The wait is over; keep what came.
            }
            return addresses;
        }
    }
}
