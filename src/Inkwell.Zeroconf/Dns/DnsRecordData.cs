using System.Buffers;

namespace Inkwell.Zeroconf.Dns;

/// <summary>The typed rdata of a resource record. Equality is rdata equality (RFC 6762 §9: identical rdata is no conflict).</summary>
internal abstract class DnsRecordData : IEquatable<DnsRecordData>
{
    /// <summary>Writes the rdata (without its length); names may be compressed when <paramref name="compress"/> is set.</summary>
    public abstract bool TryWrite(ref DnsWriter writer, bool compress);

    /// <summary>The rdata in canonical uncompressed form, for tie-breaking (RFC 6762 §8.2) and equality.</summary>
    public byte[] GetCanonicalBytes()
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(DnsWriter.MaxRdataLength);
        try
        {
            var writer = new DnsWriter(rented, compression: null);
            if (!TryWrite(ref writer, compress: false))
            {
                throw new InvalidOperationException("rdata does not fit in a record.");
            }
            return writer.Written.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Presentation form, as dns-sd and dig print it.</summary>
    public abstract override string ToString();

    /// <inheritdoc/>
    public virtual bool Equals(DnsRecordData? other) =>
        other is not null && other.GetType() == GetType() && GetCanonicalBytes().AsSpan().SequenceEqual(other.GetCanonicalBytes());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DnsRecordData);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(GetCanonicalBytes());
        return hash.ToHashCode();
    }
}
