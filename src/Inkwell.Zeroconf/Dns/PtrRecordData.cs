namespace Inkwell.Zeroconf.Dns;

/// <summary>The rdata of a PTR record (and of CNAME, which has the same shape).</summary>
internal sealed class PtrRecordData(DnsName target) : DnsRecordData
{
    /// <summary>The name pointed to.</summary>
    public DnsName Target { get; } = target;

    /// <inheritdoc/>
    public override bool TryWrite(ref DnsWriter writer, bool compress) => writer.TryWriteName(Target, compress);

    /// <inheritdoc/>
    public override bool Equals(DnsRecordData? other) => other is PtrRecordData ptr && ptr.GetType() == GetType() && ptr.Target == Target;

    /// <inheritdoc/>
    public override int GetHashCode() => Target.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => Target.ToString();
}
