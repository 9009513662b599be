namespace Inkwell.Zeroconf.Dns;

/// <summary>The rdata of a record type Inkwell does not interpret, carried byte for byte.</summary>
internal sealed class OpaqueRecordData(byte[] bytes) : DnsRecordData
{
    /// <summary>The raw rdata.</summary>
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    /// <inheritdoc/>
    public override bool TryWrite(ref DnsWriter writer, bool compress) => writer.TryWriteBytes(Bytes.Span);

    /// <inheritdoc/>
    public override string ToString() => $"\\# {Bytes.Length} {Convert.ToHexString(Bytes.Span)}";
}
