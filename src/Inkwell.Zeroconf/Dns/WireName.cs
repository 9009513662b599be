namespace Inkwell.Zeroconf.Dns;

/// <summary>
/// A name read in place from a message, label by label, without building a <see cref="DnsName"/>:
/// the responder's hot path compares the names in a query with its own this way. It follows the same
/// rules as <see cref="DnsReader.TryReadName(ReadOnlySpan{byte}, int, out DnsName, out int, out string?)"/>
/// (iterative, pointers strictly backwards, at most 255 bytes, no label types 0x40/0x80), so a name
/// this accepts is one the full parser accepts too.
/// </summary>
internal ref struct WireName
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly int _offset;
    private int _position;
    private int _limit;
    private int _end;
    private int _wireLength;

    /// <summary>Starts reading the name at <paramref name="offset"/>.</summary>
    public WireName(ReadOnlySpan<byte> message, int offset)
    {
        _message = message;
        _offset = offset;
        _position = offset;
        _limit = offset;
        _end = -1;
        _wireLength = 1;
    }

    /// <summary>Bytes the name takes at its offset (up to and including its first pointer); valid once <see cref="TryNext"/> returned false with <see cref="IsValid"/>.</summary>
    public readonly int BytesRead => _end - _offset;

    /// <summary>Whether the walk ended at the root label rather than at malformed data.</summary>
    public bool IsValid { get; private set; }

    /// <summary>Moves to the next label; false at the end of the name or on malformed data (then <see cref="IsValid"/> is false).</summary>
    public bool TryNext(out ReadOnlySpan<byte> label)
    {
        label = default;
        while (true)
        {
            if (_position >= _message.Length)
            {
                return false;
            }
            byte length = _message[_position];
            switch (length & 0xC0)
            {
                case 0x00:
                    if (length == 0)
                    {
                        if (_end < 0)
                        {
                            _end = _position + 1;
                        }
                        IsValid = true;
                        return false;
                    }
                    _wireLength += 1 + length;
                    if (_position + 1 + length > _message.Length || _wireLength > DnsName.MaxWireLength)
                    {
                        return false;
                    }
                    label = _message.Slice(_position + 1, length);
                    _position += 1 + length;
                    return true;
                case 0xC0:
                    if (_position + 1 >= _message.Length)
                    {
                        return false;
                    }
                    int target = ((length & 0x3F) << 8) | _message[_position + 1];
                    if (target >= _limit)
                    {
                        return false;
                    }
                    if (_end < 0)
                    {
                        _end = _position + 2;
                    }
                    _limit = target;
                    _position = target;
                    break;
                default:
                    return false;
            }
        }
    }

    /// <summary>Checks the name at <paramref name="offset"/> and measures it.</summary>
    public static bool TrySkip(ReadOnlySpan<byte> message, int offset, out int bytesRead)
    {
        var name = new WireName(message, offset);
        while (name.TryNext(out _))
        {
        }
        bytesRead = name.IsValid ? name.BytesRead : 0;
        return name.IsValid;
    }

    /// <summary>Whether the name at <paramref name="offset"/> is <paramref name="other"/> (ASCII case-insensitive, RFC 6762 §16); false if it is malformed.</summary>
    public static bool NameEquals(ReadOnlySpan<byte> message, int offset, DnsName other) => NameEquals(message, offset, other, out _);

    /// <summary>As <see cref="NameEquals(ReadOnlySpan{byte}, int, DnsName)"/>, also giving the bytes the name takes when it matched.</summary>
    public static bool NameEquals(ReadOnlySpan<byte> message, int offset, DnsName other, out int bytesRead)
    {
        bytesRead = 0;
        byte[][] labels = other.Utf8Labels;
        var name = new WireName(message, offset);
        int index = 0;
        while (name.TryNext(out ReadOnlySpan<byte> label))
        {
            if (index == labels.Length || !LabelEquals(label, labels[index]))
            {
                return false;
            }
            index++;
        }
        if (!name.IsValid || index != labels.Length)
        {
            return false;
        }
        bytesRead = name.BytesRead;
        return true;
    }

    private static bool LabelEquals(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && ToLowerAscii(a[i]) != ToLowerAscii(b[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static byte ToLowerAscii(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
}
