using System.Net.Sockets;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Responder;

/// <summary>The host name and its address records: on each link only the addresses valid there (RFC 6762 §6.2).</summary>
internal sealed class HostRecordSet(string hostLabel) : RecordSet(hostLabel)
{
    private static readonly DnsName Local = DnsName.FromLabels("local");

    private (int Renames, DnsName Name)? _name;
    private (int Link, IReadOnlyList<LinkAddress> Addresses, DnsName Name, DnsRecord[] Records)? _records;

    /// <inheritdoc/>
    public override DnsName UniqueName
    {
        get
        {
            if (_name is not { } cached || cached.Renames != RenameCount)
            {
                _name = cached = (RenameCount, Local.Prepend(Label));
            }
            return cached.Name;
        }
    }

    /// <summary>The records on a link, built once per link, address list and name (answering allocates nothing for them).</summary>
    public override IEnumerable<DnsRecord> RecordsOn(NetworkLink link)
    {
        DnsName name = UniqueName;
        if (_records is { } cached && cached.Link == link.Index && ReferenceEquals(cached.Addresses, link.Addresses) && ReferenceEquals(cached.Name, name))
        {
            return cached.Records;
        }
        DnsRecord[] records = [.. link.Addresses.Select(address =>
        {
            var data = new AddressRecordData(address.Address.AddressFamily == AddressFamily.InterNetworkV6 && address.Address.ScopeId != 0
                ? new System.Net.IPAddress(address.Address.GetAddressBytes())
                : address.Address);
            return new DnsRecord(name, data.RecordType, DnsRecord.HostTtl, data, CacheFlush: true);
        })];
        _records = (link.Index, link.Addresses, name, records);
        return records;
    }

    /// <inheritdoc/>
    protected override string RenamedLabel(int number) => $"{BaseLabel}-{number}";
}
