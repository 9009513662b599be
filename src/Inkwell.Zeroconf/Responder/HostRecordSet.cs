using System.Net.Sockets;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Responder;

/// <summary>The host name and its address records: on each link only the addresses valid there (RFC 6762 §6.2).</summary>
internal sealed class HostRecordSet(string hostLabel) : RecordSet(hostLabel)
{
    private static readonly DnsName Local = DnsName.FromLabels("local");

    /// <inheritdoc/>
    public override DnsName UniqueName => Local.Prepend(Label);

    /// <inheritdoc/>
    public override IEnumerable<DnsRecord> RecordsOn(NetworkLink link)
    {
        DnsName name = UniqueName;
        foreach (LinkAddress address in link.Addresses)
        {
            var data = new AddressRecordData(address.Address.AddressFamily == AddressFamily.InterNetworkV6 && address.Address.ScopeId != 0
                ? new System.Net.IPAddress(address.Address.GetAddressBytes())
                : address.Address);
            yield return new DnsRecord(name, data.RecordType, DnsRecord.HostTtl, data, CacheFlush: true);
        }
    }

    /// <inheritdoc/>
    protected override string RenamedLabel(int number) => $"{BaseLabel}-{number}";
}
