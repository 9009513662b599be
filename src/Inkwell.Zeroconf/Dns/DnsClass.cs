namespace Inkwell.Zeroconf.Dns;

/// <summary>DNS class values and mDNS's use of the class field's top bit (RFC 6762 §10.2, §5.4).</summary>
internal static class DnsClass
{
    /// <summary>The Internet class.</summary>
    public const ushort Internet = 1;

    /// <summary>Class NONE: in a DNS UPDATE, "name not in use" prerequisites and deletes of one record (RFC 2136 §2.4, §2.5).</summary>
    public const ushort None = 254;

    /// <summary>Any class (QCLASS; in a DNS UPDATE, "in use" prerequisites and deletes of whole RRsets, RFC 2136 §2.4, §2.5; TSIG's class).</summary>
    public const ushort Any = 255;

    /// <summary>Top bit of the class: cache-flush in a record, unicast-response (QU) in a question.</summary>
    public const ushort TopBit = 0x8000;
}
