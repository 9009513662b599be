namespace Inkwell.Zeroconf.Dns;

/// <summary>The rdata of an SRV record (RFC 2782).</summary>
internal sealed class SrvRecordData(ushort priority, ushort weight, ushort port, DnsName target) : DnsRecordData
{
    /// <summary>Lower is preferred.</summary>
    public ushort Priority { get; } = priority;

    /// <summary>Relative weight among equal priorities.</summary>
    public ushort Weight { get; } = weight;

    /// <summary>The service's port.</summary>
    public ushort Port { get; } = port;

    /// <summary>The host that runs the service.</summary>
    public DnsName Target { get; } = target;

    /// <inheritdoc/>
    public override bool TryWrite(ref DnsWriter writer, bool compress) =>
        writer.TryWriteUInt16(Priority) && writer.TryWriteUInt16(Weight) && writer.TryWriteUInt16(Port) &&
        writer.TryWriteName(Target, compress);

    /// <inheritdoc/>
    public override bool Equals(DnsRecordData? other) =>
        other is SrvRecordData srv && srv.Priority == Priority && srv.Weight == Weight && srv.Port == Port && srv.Target == Target;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Priority, Weight, Port, Target);

    /// <inheritdoc/>
    public override string ToString() => $"{Priority} {Weight} {Port} {Target}";
}
