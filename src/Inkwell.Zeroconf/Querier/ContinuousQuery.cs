using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Querier;

/// <summary>One question asked continuously while anyone is interested (RFC 6762 §5.2).</summary>
internal sealed class ContinuousQuery(DnsName name, DnsRecordType type)
{
    public DnsName Name { get; } = name;

    public DnsRecordType Type { get; } = type;

    public int References { get; set; } = 1;

    public int Sent { get; set; }

    public TimeSpan Interval { get; set; }

    public ITimer? Timer { get; set; }

    /// <summary>Set when another host asked the same question with our known answers (§7.3).</summary>
    public bool SkipNext { get; set; }

    public bool Matches(DnsRecord record) => (Type == DnsRecordType.Any || Type == record.Type) && Name == record.Name;
}
