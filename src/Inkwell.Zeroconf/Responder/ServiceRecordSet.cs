using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Responder;

/// <summary>
/// One service instance: SRV and TXT under the instance name (unique), and the shared PTRs that
/// list it under its type, its subtypes and the service-type enumeration (RFC 6763 §4, §7.1, §9).
/// </summary>
internal sealed class ServiceRecordSet(string instance, DnsName serviceType, IReadOnlyList<string> subtypes, ushort port,
    IReadOnlyList<byte[]> txt, HostRecordSet host) : RecordSet(instance)
{
    public static readonly DnsName ServicesEnumeration = DnsName.Parse("_services._dns-sd._udp.local");

    public DnsName ServiceType { get; } = serviceType;

    public IReadOnlyList<string> Subtypes { get; } = subtypes;

    public ushort Port { get; } = port;

    /// <summary>The TXT strings; replaced by an update, which re-announces (§8.4).</summary>
    public IReadOnlyList<byte[]> Txt { get; set; } = txt;

    public HostRecordSet Host { get; } = host;

    /// <summary>The host name the SRV record named when last announced.</summary>
    public DnsName? AnnouncedHost { get; set; }

    private (int Renames, DnsName Name)? _name;
    private (DnsName Name, DnsName Host, IReadOnlyList<byte[]> Txt, DnsRecord[] Records)? _records;

    /// <inheritdoc/>
    public override DnsName UniqueName
    {
        get
        {
            if (_name is not { } cached || cached.Renames != RenameCount)
            {
                _name = cached = (RenameCount, ServiceType.Prepend(Label));
            }
            return cached.Name;
        }
    }

    /// <summary>The records (the same on every link), rebuilt only when the name, host name or TXT changes.</summary>
    public override DnsRecord[] RecordsOn(NetworkLink link)
    {
        DnsName instance = UniqueName;
        DnsName host = Host.UniqueName;
        if (_records is { } cached && ReferenceEquals(cached.Name, instance) && ReferenceEquals(cached.Host, host) && ReferenceEquals(cached.Txt, Txt))
        {
            return cached.Records;
        }
        DnsRecord[] records = [.. Build(instance, host)];
        _records = (instance, host, Txt, records);
        return records;
    }

    private IEnumerable<DnsRecord> Build(DnsName instance, DnsName host)
    {
        yield return new DnsRecord(ServiceType, DnsRecordType.Ptr, DnsRecord.OtherTtl, new PtrRecordData(instance));
        foreach (string subtype in Subtypes)
        {
            DnsName subtypeName = ServiceType.Prepend("_sub").Prepend(subtype);
            yield return new DnsRecord(subtypeName, DnsRecordType.Ptr, DnsRecord.OtherTtl, new PtrRecordData(instance));
        }
        yield return new DnsRecord(ServicesEnumeration, DnsRecordType.Ptr, DnsRecord.OtherTtl, new PtrRecordData(ServiceType));
        yield return new DnsRecord(instance, DnsRecordType.Srv, DnsRecord.HostTtl, new SrvRecordData(0, 0, Port, host), CacheFlush: true);
        yield return new DnsRecord(instance, DnsRecordType.Txt, DnsRecord.OtherTtl, new TxtRecordData(Txt), CacheFlush: true);
    }

    /// <inheritdoc/>
    protected override string RenamedLabel(int number)
    {
        string suffix = $" ({number})";
        string label = BaseLabel;
        // Keep the renamed label within 63 bytes of UTF-8 by shortening the base (RFC 6763 §4.1.1).
        while (System.Text.Encoding.UTF8.GetByteCount(label + suffix) > DnsName.MaxLabelLength)
        {
            label = label[..^1];
        }
        return label + suffix;
    }
}
