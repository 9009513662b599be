namespace Inkwell.Zeroconf.Dns;

/// <summary>A resource record with mDNS's cache-flush bit (RFC 6762 §10.2).</summary>
internal sealed record DnsRecord(DnsName Name, DnsRecordType Type, uint Ttl, DnsRecordData Data, bool CacheFlush = false, ushort Class = DnsClass.Internet)
{
    /// <summary>TTL for records naming a host: A, AAAA, SRV, reverse PTR (RFC 6762 §10).</summary>
    public const uint HostTtl = 120;

    /// <summary>TTL for everything else (RFC 6762 §10).</summary>
    public const uint OtherTtl = 4500;

    /// <summary>Whether the two records are the same name, type, class and rdata (TTL and cache-flush aside).</summary>
    public bool IsSameRecord(DnsRecord other) =>
        Type == other.Type && Class == other.Class && Name == other.Name && Data.Equals(other.Data);

    /// <summary>This record with another TTL.</summary>
    public DnsRecord WithTtl(uint ttl) => this with { Ttl = ttl };

    /// <inheritdoc/>
    public override string ToString() => $"{Name} {Ttl} {Type.ToString().ToUpperInvariant()}{(CacheFlush ? " (flush)" : "")} {Data}";
}
