namespace Inkwell.Zeroconf.Dns;

/// <summary>
/// The rdata of an SOA record (RFC 1035 §3.3.13). Wide-area DNS-SD reads it to learn a name's zone and the zone's
/// primary server (MNAME), where DNS UPDATEs go when nothing better is published (RFC 2136 §4).
/// </summary>
internal sealed class SoaRecordData(DnsName primary, DnsName mailbox, uint serial, uint refresh, uint retry, uint expire, uint minimum) : DnsRecordData
{
    /// <summary>MNAME: the zone's primary server.</summary>
    public DnsName Primary { get; } = primary;

    /// <summary>RNAME: the administrator's mailbox, as a name.</summary>
    public DnsName Mailbox { get; } = mailbox;

    /// <summary>The zone's serial number.</summary>
    public uint Serial { get; } = serial;

    /// <summary>Seconds between secondary refreshes.</summary>
    public uint Refresh { get; } = refresh;

    /// <summary>Seconds before a failed refresh is retried.</summary>
    public uint Retry { get; } = retry;

    /// <summary>Seconds after which a secondary stops answering without a refresh.</summary>
    public uint Expire { get; } = expire;

    /// <summary>The negative-caching TTL (RFC 2308 §4).</summary>
    public uint Minimum { get; } = minimum;

    /// <inheritdoc/>
    public override bool TryWrite(ref DnsWriter writer, bool compress) =>
        writer.TryWriteName(Primary, compress) && writer.TryWriteName(Mailbox, compress)
        && writer.TryWriteUInt32(Serial) && writer.TryWriteUInt32(Refresh) && writer.TryWriteUInt32(Retry)
        && writer.TryWriteUInt32(Expire) && writer.TryWriteUInt32(Minimum);

    /// <inheritdoc/>
    public override bool Equals(DnsRecordData? other) =>
        other is SoaRecordData soa && soa.Primary == Primary && soa.Mailbox == Mailbox && soa.Serial == Serial
        && soa.Refresh == Refresh && soa.Retry == Retry && soa.Expire == Expire && soa.Minimum == Minimum;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Primary, Mailbox, Serial, Refresh, Retry, Expire, Minimum);

    /// <inheritdoc/>
    public override string ToString() => $"{Primary} {Mailbox} {Serial} {Refresh} {Retry} {Expire} {Minimum}";
}
