namespace Inkwell.Zeroconf.Dns;

/// <summary>The rdata of an NSEC record (RFC 4034 §4) as mDNS uses it: the types a name has (RFC 6762 §6.1).</summary>
internal sealed class NsecRecordData(DnsName nextName, IReadOnlyCollection<ushort> types) : DnsRecordData
{
    /// <summary>The next domain name; mDNS puts the record's own name here.</summary>
    public DnsName NextName { get; } = nextName;

    /// <summary>The types present at the name, in ascending order.</summary>
    public IReadOnlyList<ushort> Types { get; } = [.. types.Distinct().Order()];

    /// <inheritdoc/>
    public override bool TryWrite(ref DnsWriter writer, bool compress)
    {
        // RFC 6762 §18.14: the next-name is written uncompressed for the widest interoperability.
        if (!writer.TryWriteName(NextName, compress: false))
        {
            return false;
        }
        Span<byte> bitmap = stackalloc byte[32];
        int index = 0;
        while (index < Types.Count)
        {
            int window = Types[index] >> 8;
            bitmap.Clear();
            int length = 0;
            while (index < Types.Count && Types[index] >> 8 == window)
            {
                int low = Types[index] & 0xFF;
                bitmap[low >> 3] |= (byte)(0x80 >> (low & 7));
                length = Math.Max(length, (low >> 3) + 1);
                index++;
            }
            if (!writer.TryWriteByte((byte)window) || !writer.TryWriteByte((byte)length) || !writer.TryWriteBytes(bitmap[..length]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{NextName} {string.Join(' ', Types.Select(t => Enum.IsDefined(typeof(DnsRecordType), t) ? ((DnsRecordType)t).ToString().ToUpperInvariant() : $"TYPE{t}"))}";
}
