using System.Net;
using System.Net.Sockets;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.WideArea;

/// <summary>
/// The records one wide-area registration owns (RFC 6763 §4–§7): the type's PTR (and each subtype's) to the
/// instance, the instance's SRV and TXT, and optionally the host's A / AAAA records; and the one it shares with the
/// type's other instances, the type's PTR in the domain's type enumeration (§9).
/// </summary>
internal sealed class WideAreaServiceRecords(DnsName type, IReadOnlyList<string> subtypes, string instance, DnsName host,
    ushort port, List<byte[]> txt, IReadOnlyList<IPAddress> hostAddresses, uint ttl)
{
    public DnsName Type { get; } = type;

    public string InstanceLabel { get; } = instance;

    public DnsName Instance { get; } = type.Prepend(instance);

    public DnsName Host { get; } = host;

    public List<byte[]> Txt { get; set; } = txt;

    public uint Ttl { get; } = ttl;

    public IReadOnlyList<IPAddress> HostAddresses { get; } = hostAddresses;

    /// <summary>The PTR records naming the instance: the type's and each subtype's (RFC 6763 §7.1).</summary>
    public IEnumerable<DnsRecord> Pointers()
    {
        var target = new PtrRecordData(Instance);
        yield return new DnsRecord(Type, DnsRecordType.Ptr, Ttl, target);
        foreach (string subtype in subtypes)
        {
            yield return new DnsRecord(Type.Prepend("_sub").Prepend(subtype), DnsRecordType.Ptr, Ttl, target);
        }
    }

    /// <summary>
    /// The service type's entry in the domain's type enumeration (RFC 6763 §9): a PTR at
    /// <c>_services._dns-sd._udp.&lt;domain&gt;</c> to the type. Shared by every instance of the type, so removed only
    /// when the type has no instance left (<see cref="WideAreaClient"/>'s withdrawal).
    /// </summary>
    public DnsRecord ServiceTypePointer() => new(ServicesName(Type.Skip(2)), DnsRecordType.Ptr, Ttl, new PtrRecordData(Type));

    /// <summary>The name of a domain's service type enumeration, <c>_services._dns-sd._udp.&lt;domain&gt;</c> (RFC 6763 §9).</summary>
    public static DnsName ServicesName(DnsName domain) => DnsName.FromLabels(["_services", "_dns-sd", "_udp", .. domain.Labels]);

    /// <summary>The records at the instance name: SRV and TXT.</summary>
    public IEnumerable<DnsRecord> InstanceRecords()
    {
        yield return new DnsRecord(Instance, DnsRecordType.Srv, Ttl, new SrvRecordData(0, 0, port, Host));
        yield return TxtRecord();
    }

    public DnsRecord TxtRecord() => new(Instance, DnsRecordType.Txt, Ttl, new TxtRecordData(Txt));

    /// <summary>The host's A / AAAA records, when the options give addresses.</summary>
    public IEnumerable<DnsRecord> AddressRecords() =>
        HostAddresses.Select(a => new DnsRecord(Host, a.AddressFamily == AddressFamily.InterNetworkV6 ? DnsRecordType.Aaaa : DnsRecordType.A, Ttl, new AddressRecordData(a)));

    /// <summary>Every record this registration writes.</summary>
    public IEnumerable<DnsRecord> All() => Pointers().Append(ServiceTypePointer()).Concat(InstanceRecords()).Concat(AddressRecords());

    /// <summary>This set under another instance label (after a YXDOMAIN).</summary>
    public WideAreaServiceRecords Renamed(string newInstance) => new(Type, subtypes, newInstance, Host, port, Txt, HostAddresses, Ttl);
}
