using System.Buffers.Binary;
using System.Text;

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
    /// Decodes a name iteratively (a deep pointer chain must not overflow the stack, which .NET cannot
    /// catch). Every pointer must point strictly before the place its chain started reading, so targets
    /// strictly decrease and the walk ends: loops, self pointers and forward pointers are all rejected.
    /// Names over 255 bytes or 127 labels and the reserved label types 0x40 and 0x80 are rejected too
    /// (RFC 1035 §4.1.4, RFC 6891 §5).
    /// </summary>
    public static bool TryReadName(ReadOnlySpan<byte> message, int offset, out DnsName name, out int bytesRead, out string? error)
    {
        name = DnsName.Root;
        bytesRead = 0;
        string[]? labels = null;
        int labelCount = 0;
        int position = offset;
        int limit = offset;
        int end = -1;
        int wireLength = 1;
        while (true)
        {
            if (position >= message.Length)
            {
                error = $"offset {position}: name runs past the end of the message";
                return false;
            }
            byte length = message[position];
            switch (length & 0xC0)
            {
                case 0x00:
                    if (length == 0)
                    {
                        if (end < 0)
                        {
                            end = position + 1;
                        }
                        name = labels is null ? DnsName.Root : DnsName.FromCheckedLabels(labels[..labelCount]);
                        bytesRead = end - offset;
                        error = null;
                        return true;
                    }
                    if (position + 1 + length > message.Length)
                    {
                        error = $"offset {position}: label of {length} bytes runs past the end of the message";
                        return false;
                    }
                    wireLength += 1 + length;
                    if (wireLength > DnsName.MaxWireLength)
                    {
                        error = $"offset {offset}: name is longer than {DnsName.MaxWireLength} bytes";
                        return false;
                    }
                    labels ??= new string[8];
                    if (labelCount == labels.Length)
                    {
                        Array.Resize(ref labels, labels.Length * 2);
                    }
                    labels[labelCount++] = Encoding.UTF8.GetString(message.Slice(position + 1, length));
                    position += 1 + length;
                    break;
                case 0xC0:
                    if (position + 1 >= message.Length)
                    {
                        error = $"offset {position}: compression pointer is truncated";
                        return false;
                    }
                    int target = ((length & 0x3F) << 8) | message[position + 1];
                    if (target >= limit)
                    {
                        error = target == position
                            ? $"offset {position}: compression pointer points at itself"
                            : $"offset {position}: compression pointer to {target} does not point backwards (loop or forward pointer)";
                        return false;
                    }
                    if (end < 0)
                    {
                        end = position + 2;
                    }
                    limit = target;
                    position = target;
                    break;
                default:
                    error = $"offset {position}: label type 0x{length & 0xC0:x2} is not supported";
                    return false;
            }
        }
    }
}
