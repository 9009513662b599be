namespace Inkwell.Zeroconf.Dns;

/// <summary>
/// The one walk over a name on the wire, label by label, in place: <see cref="DnsReader"/> builds a
/// <see cref="DnsName"/> from the labels it yields, and the responder's hot path compares the names in a query
/// with its own without building one. Iterative (a deep pointer chain must not overflow the stack, which .NET
/// cannot catch); every pointer must point strictly before the place its chain started reading, so targets
/// strictly decrease and the walk ends: loops, self pointers and forward pointers are all rejected. Names over
/// 255 bytes (so over 127 labels) and the reserved label types 0x40 and 0x80 are rejected too (RFC 1035 §4.1.4,
/// RFC 6891 §5). A walk that fails says why and where in <see cref="Error"/>.
/// </summary>
internal ref struct WireName
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly int _offset;
    private int _position;
    private int _limit;
    private int _end;
    private int _wireLength;
    private int _labelOffset;
    private Failure _failure;
    private int _failedAt;

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

    /// <summary>The offset of the label <see cref="TryNext"/> gave last (its length byte), for errors about it.</summary>
    public readonly int LabelOffset => _labelOffset;

    /// <summary>Whether the walk ended at the root label rather than at malformed data.</summary>
    public bool IsValid { get; private set; }

    /// <summary>Moves to the next label; false at the end of the name or on malformed data (then <see cref="IsValid"/> is false and <see cref="Error"/> says why).</summary>
    public bool TryNext(out ReadOnlySpan<byte> label)
    {
        label = default;
        while (true)
        {
            if (_position >= _message.Length)
            {
                return Fail(Failure.PastTheEnd, _position);
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
                    if (_position + 1 + length > _message.Length)
                    {
                        return Fail(Failure.LabelPastTheEnd, _position);
                    }
                    _wireLength += 1 + length;
                    if (_wireLength > DnsName.MaxWireLength)
                    {
                        return Fail(Failure.TooLong, _offset);
                    }
                    label = _message.Slice(_position + 1, length);
                    _labelOffset = _position;
                    _position += 1 + length;
                    return true;
                case 0xC0:
                    if (_position + 1 >= _message.Length)
                    {
                        return Fail(Failure.TruncatedPointer, _position);
                    }
                    int target = ((length & 0x3F) << 8) | _message[_position + 1];
                    if (target >= _limit)
                    {
                        return Fail(target == _position ? Failure.SelfPointer : Failure.NotBackwards, _position);
                    }
                    if (_end < 0)
                    {
                        _end = _position + 2;
                    }
                    _limit = target;
                    _position = target;
                    break;
                default:
                    return Fail(Failure.LabelType, _position);
            }
        }
    }

    /// <summary>Why the walk failed and at which offset, as <see cref="DnsReader"/> reports it; null while it has not.</summary>
    public readonly string? Error => _failure switch
    {
        Failure.None => null,
        Failure.PastTheEnd => $"offset {_failedAt}: name runs past the end of the message",
        Failure.LabelPastTheEnd => $"offset {_failedAt}: label of {_message[_failedAt]} bytes runs past the end of the message",
        Failure.TooLong => $"offset {_failedAt}: name is longer than {DnsName.MaxWireLength} bytes",
        Failure.TruncatedPointer => $"offset {_failedAt}: compression pointer is truncated",
        Failure.SelfPointer => $"offset {_failedAt}: compression pointer points at itself",
        Failure.NotBackwards => $"offset {_failedAt}: compression pointer to {((_message[_failedAt] & 0x3F) << 8) | _message[_failedAt + 1]} does not point backwards (loop or forward pointer)",
        _ => $"offset {_failedAt}: label type 0x{_message[_failedAt] & 0xC0:x2} is not supported",
    };

    private bool Fail(Failure failure, int at)
    {
        _failure = failure;
        _failedAt = at;
        return false;
    }

    /// <summary>What made a walk fail; the message is only built when asked for (the hot path never asks).</summary>
    private enum Failure : byte
    {
        None,
        PastTheEnd,
        LabelPastTheEnd,
        TooLong,
        TruncatedPointer,
        SelfPointer,
        NotBackwards,
        LabelType,
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
