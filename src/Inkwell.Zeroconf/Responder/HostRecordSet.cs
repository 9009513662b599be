using System.Net;
using System.Net.Sockets;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Responder;

/// <summary>
/// The host name, its address records and the reverse-mapping PTRs of those addresses: on each link
/// only the addresses valid there (RFC 6762 §6.2), all with the 120 s host TTL (§10).
/// </summary>
internal sealed class HostRecordSet(string hostLabel) : RecordSet(hostLabel)
{
    private static readonly DnsName s_local = DnsName.FromLabels("local");

    private (int Renames, DnsName Name)? _name;
    private readonly Dictionary<int, (IReadOnlyList<LinkAddress> Addresses, DnsName Name, DnsRecord[] Records)> _records = [];

    /// <inheritdoc/>
    public override DnsName UniqueName
    {
        get
        {
            if (_name is not { } cached || cached.Renames != RenameCount)
            {
                _name = cached = (RenameCount, s_local.Prepend(Label));
            }
            return cached.Name;
        }
    }

    /// <summary>
    /// The records on a link: A/AAAA for each address, then a PTR from each address's reverse name to
    /// the host name (RFC 6762 §4; as Avahi and mDNSResponder publish). Built once per link, address
    /// list and name, so answering allocates nothing for them.
    /// </summary>
    public override DnsRecord[] RecordsOn(NetworkLink link)
    {
        DnsName name = UniqueName;
        if (_records.TryGetValue(link.Index, out var cached) && ReferenceEquals(cached.Addresses, link.Addresses) && ReferenceEquals(cached.Name, name))
        {
            return cached.Records;
        }
        var records = new List<DnsRecord>();
        foreach (LinkAddress address in link.Addresses)
        {
            var data = new AddressRecordData(address.Address.AddressFamily == AddressFamily.InterNetworkV6 && address.Address.ScopeId != 0
                ? new IPAddress(address.Address.GetAddressBytes())
                : address.Address);
            records.Add(new DnsRecord(name, data.RecordType, DnsRecord.HostTtl, data, CacheFlush: true));
        }
        foreach (LinkAddress address in link.Addresses)
        {
            records.Add(new DnsRecord(ReverseName(address.Address), DnsRecordType.Ptr, DnsRecord.HostTtl, new PtrRecordData(name), CacheFlush: true));
        }
        DnsRecord[] array = [.. records];
        _records[link.Index] = (link.Addresses, name, array);
        return array;
    }

    /// <summary>The reverse-mapping name of an address: 4.3.2.1.in-addr.arpa, or 32 nibbles under ip6.arpa (RFC 1035 §3.5, RFC 3596 §2.5).</summary>
    public static DnsName ReverseName(IPAddress address)
    {
        byte[] bytes = address.GetAddressBytes();
        var labels = new List<string>();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            for (int i = bytes.Length - 1; i >= 0; i--)
            {
                labels.Add(bytes[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            labels.Add("in-addr");
        }
        else
        {
            for (int i = bytes.Length - 1; i >= 0; i--)
            {
                labels.Add((bytes[i] & 0xF).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
                labels.Add((bytes[i] >> 4).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
            }
            labels.Add("ip6");
        }
        labels.Add("arpa");
        return DnsName.FromLabels(labels);
    }

    /// <inheritdoc/>
    protected override string RenamedLabel(int number) => $"{BaseLabel}-{number}";
}
