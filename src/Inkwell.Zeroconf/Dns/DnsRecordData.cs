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

    private byte[]? _canonical;

    /// <summary>The canonical bytes, computed once: rdata is immutable.</summary>
    internal byte[] Canonical => _canonical ??= GetCanonicalBytes();

    /// <inheritdoc/>
    public virtual bool Equals(DnsRecordData? other) =>
        ReferenceEquals(this, other) ||
        (other is not null && other.GetType() == GetType() && Canonical.AsSpan().SequenceEqual(other.Canonical));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DnsRecordData);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Canonical);
        return hash.ToHashCode();
    }
}
