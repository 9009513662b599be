namespace Inkwell.Zeroconf.Dns;

/// <summary>A question: name, type, class, and mDNS's unicast-response (QU) bit (RFC 6762 §5.4).</summary>
internal sealed record DnsQuestion(DnsName Name, DnsRecordType Type, bool UnicastResponse = false, ushort Class = DnsClass.Internet)
{
    /// <summary>Whether a record answers this question (type ANY matches every type; RFC 6762 §6).</summary>
    public bool IsAnsweredBy(DnsRecord record) =>
        (Type == DnsRecordType.Any || record.Type == Type) &&
        (Class == DnsClass.Any || record.Class == Class) &&
        record.Name == Name;

    /// <inheritdoc/>
    public override string ToString() => $"{Name} {Type.ToString().ToUpperInvariant()}{(UnicastResponse ? " QU" : "")}";
}
