using System.Buffers.Binary;
using System.Text;

namespace Inkwell.Zeroconf.Dns;

/// <summary>
/// Writes DNS wire format into a span, compressing names against earlier ones when given a
/// compression table. Every method returns false instead of writing past the end.
/// </summary>
internal ref struct DnsWriter(Span<byte> buffer, List<DnsWriter.CompressionEntry>? compression)
{
    /// <summary>The largest rdata Inkwell writes: it must fit in one mDNS message.</summary>
    public const int MaxRdataLength = DnsMessage.MaxLength;

    /// <summary>A name suffix (the labels of <paramref name="Name"/> from <paramref name="Skip"/> on) already written at <paramref name="Offset"/>.</summary>
    internal readonly record struct CompressionEntry(DnsName Name, int Skip, int Offset);

    private readonly Span<byte> _buffer = buffer;
    private readonly List<CompressionEntry>? _compression = compression;

    /// <summary>The number of bytes written.</summary>
    public int Position { get; private set; }

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[..Position];

    /// <summary>Writes one byte.</summary>
    public bool TryWriteByte(byte value)
    {
        if (Position >= _buffer.Length)
        {
            return false;
        }
        _buffer[Position++] = value;
        return true;
    }

    /// <summary>Writes a big-endian 16-bit value.</summary>
    public bool TryWriteUInt16(ushort value)
    {
        if (!BinaryPrimitives.TryWriteUInt16BigEndian(_buffer[Position..], value))
        {
            return false;
        }
        Position += 2;
        return true;
    }

    /// <summary>Writes a big-endian 32-bit value.</summary>
    public bool TryWriteUInt32(uint value)
    {
        if (!BinaryPrimitives.TryWriteUInt32BigEndian(_buffer[Position..], value))
        {
            return false;
        }
        Position += 4;
        return true;
    }

    /// <summary>Writes raw bytes.</summary>
    public bool TryWriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        if (!bytes.TryCopyTo(_buffer[Position..]))
        {
            return false;
        }
        Position += bytes.Length;
        return true;
    }

    /// <summary>Overwrites a 16-bit value written earlier (a length or a count).</summary>
    public readonly void PatchUInt16(int offset, ushort value) => BinaryPrimitives.WriteUInt16BigEndian(_buffer[offset..], value);

    /// <summary>
    /// Writes a name. With <paramref name="compress"/>, the longest suffix already in the table becomes
    /// a pointer (RFC 1035 §4.1.4); every suffix written here is added to the table for later names.
    /// </summary>
    public bool TryWriteName(DnsName name, bool compress)
    {
        IReadOnlyList<string> labels = name.Labels;
        for (int i = 0; i < labels.Count; i++)
        {
            if (compress && _compression is not null && TryFind(name, i, out int pointer))
            {
                return TryWriteUInt16((ushort)(0xC000 | pointer));
            }
            if (_compression is not null && Position < 0x3FFF)
            {
                _compression.Add(new CompressionEntry(name, i, Position));
            }
            int length = Encoding.UTF8.GetByteCount(labels[i]);
            if (length is 0 or > DnsName.MaxLabelLength || Position + 1 + length > _buffer.Length)
            {
                return false;
            }
            _buffer[Position++] = (byte)length;
            Position += Encoding.UTF8.GetBytes(labels[i], _buffer[Position..]);
        }
        return TryWriteByte(0);
    }

    /// <summary>Moves back to <paramref name="position"/>, forgetting compression targets written after it.</summary>
    public void Rollback(int position)
    {
        Position = position;
        _compression?.RemoveAll(entry => entry.Offset >= position);
    }

    private readonly bool TryFind(DnsName name, int skip, out int offset)
    {
        foreach (CompressionEntry entry in _compression!)
        {
            if (SuffixEquals(name, skip, entry.Name, entry.Skip))
            {
                offset = entry.Offset;
                return true;
            }
        }
        offset = 0;
        return false;
    }

    private static bool SuffixEquals(DnsName a, int skipA, DnsName b, int skipB)
    {
        IReadOnlyList<string> la = a.Labels, lb = b.Labels;
        if (la.Count - skipA != lb.Count - skipB)
        {
            return false;
        }
        for (int i = 0; i < la.Count - skipA; i++)
        {
            if (!DnsName.LabelEquals(la[skipA + i], lb[skipB + i]))
            {
                return false;
            }
        }
        return true;
    }
}
