using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Inkwell.Zeroconf.Dns;

/// <summary>
/// Reads DNS wire format from a whole message (compression pointers refer to message offsets).
/// Never throws on hostile input: every method is a Try… that reports what was wrong and where.
/// </summary>
internal ref struct DnsReader(ReadOnlySpan<byte> message)
{
    /// <summary>Most labels a 255-byte name can hold (RFC 1035 §2.3.4).</summary>
    public const int MaxLabels = 127;

    private readonly ReadOnlySpan<byte> _message = message;

    /// <summary>The offset of the next byte to read.</summary>
    public int Position { get; set; }

    /// <summary>The whole message.</summary>
    public readonly ReadOnlySpan<byte> Message => _message;

    /// <summary>Bytes left after <see cref="Position"/>.</summary>
    public readonly int Remaining => _message.Length - Position;

    /// <summary>Reads a big-endian 16-bit value.</summary>
    public bool TryReadUInt16(out ushort value)
    {
        if (!BinaryPrimitives.TryReadUInt16BigEndian(_message[Math.Min(Position, _message.Length)..], out value))
        {
            return false;
        }
        Position += 2;
        return true;
    }

    /// <summary>Reads a big-endian 32-bit value.</summary>
    public bool TryReadUInt32(out uint value)
    {
        if (!BinaryPrimitives.TryReadUInt32BigEndian(_message[Math.Min(Position, _message.Length)..], out value))
        {
            return false;
        }
        Position += 4;
        return true;
    }

    /// <summary>Reads a (possibly compressed) name at <see cref="Position"/> and moves past it.</summary>
    public bool TryReadName(out DnsName name, out string? error)
    {
        if (!TryReadName(_message, Position, out name, out int bytesRead, out error))
        {
            return false;
        }
        Position += bytesRead;
        return true;
    }

    /// <summary>
    /// Decodes a (possibly compressed) name at <paramref name="offset"/> by the rules of <see cref="WireName"/>'s walk
    /// (pointers strictly backwards, at most 255 bytes, no label types 0x40/0x80); <paramref name="error"/> says what
    /// was wrong and at which offset. A label must be UTF-8 (RFC 6762 §16): decoding other bytes would replace them, and
    /// the name read would not be the name sent (nor one that can be written back: U+FFFD takes three bytes).
    /// </summary>
    public static bool TryReadName(ReadOnlySpan<byte> message, int offset, out DnsName name, out int bytesRead, out string? error)
    {
        var walk = new WireName(message, offset);
        string[]? labels = null;
        int labelCount = 0;
        while (walk.TryNext(out ReadOnlySpan<byte> label))
        {
            if (!Utf8.IsValid(label))
            {
                name = DnsName.Root;
                bytesRead = 0;
                error = $"offset {walk.LabelOffset}: label is not UTF-8 (RFC 6762 §16)";
                return false;
            }
            labels ??= new string[8];
            if (labelCount == labels.Length)
            {
                Array.Resize(ref labels, labels.Length * 2);
            }
            labels[labelCount++] = Encoding.UTF8.GetString(label);
        }
        if (!walk.IsValid)
        {
            name = DnsName.Root;
            bytesRead = 0;
            error = walk.Error;
            return false;
        }
        name = labels is null ? DnsName.Root : DnsName.FromCheckedLabels(labels[..labelCount]);
        bytesRead = walk.BytesRead;
        error = null;
        return true;
    }
}
