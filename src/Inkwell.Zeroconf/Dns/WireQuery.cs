using System.Buffers.Binary;

namespace Inkwell.Zeroconf.Dns;

/// <summary>
/// A plain multicast DNS query read in place: no <see cref="DnsMessage"/>, no names, no lists, so the
/// responder answers the common query without allocating. "Plain" means QR, OPCODE, RCODE and TC
/// clear, no authority records (not a probe) and at most <see cref="MaxQuestions"/> questions; every
/// name and record is checked as <see cref="DnsMessage.TryParse"/> would. Anything else is left to
/// the full parser.
/// </summary>
internal readonly ref struct WireQuery
{
    /// <summary>More questions than this go through the full parser.</summary>
    public const int MaxQuestions = 16;

    private readonly ReadOnlySpan<byte> _message;
    private readonly ReadOnlySpan<WireQuestion> _questions;
    private readonly int _answersOffset;
    private readonly int _answerCount;

    private WireQuery(ReadOnlySpan<byte> message, ReadOnlySpan<WireQuestion> questions, int answersOffset, int answerCount)
    {
        _message = message;
        _questions = questions;
        _answersOffset = answersOffset;
        _answerCount = answerCount;
    }

    /// <summary>The message the offsets refer to.</summary>
    public ReadOnlySpan<byte> Message => _message;

    /// <summary>The questions, in order.</summary>
    public ReadOnlySpan<WireQuestion> Questions => _questions;

    /// <summary>Scans <paramref name="message"/>; false when it is not a well-formed plain query.</summary>
    public static bool TryScan(ReadOnlySpan<byte> message, Span<WireQuestion> questions, out WireQuery query)
    {
        query = default;
        if (message.Length < 12 || message.Length > DnsMessage.MaxLength)
        {
            return false;
        }
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        int questionCount = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        int answerCount = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        int authorityCount = BinaryPrimitives.ReadUInt16BigEndian(message[8..]);
        int additionalCount = BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        // QR, OPCODE, TC and RCODE all clear; AA, RD, RA and Z do not matter in a query.
        const ushort NotPlain = DnsMessage.ResponseFlag | 0x7800 | DnsMessage.TruncatedFlag | 0x000F;
        if ((flags & NotPlain) != 0 || authorityCount != 0 || questionCount is 0 || questionCount > questions.Length || questionCount > MaxQuestions)
        {
            return false;
        }
        int position = 12;
        for (int i = 0; i < questionCount; i++)
        {
            int nameOffset = position;
            if (!WireName.TrySkip(message, position, out int nameLength) || message.Length - (position + nameLength) < 4)
            {
                return false;
            }
            position += nameLength;
            ushort type = BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
            ushort qclass = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 2)..]);
            position += 4;
            questions[i] = new WireQuestion(nameOffset, (DnsRecordType)type, (ushort)(qclass & ~DnsClass.TopBit), (qclass & DnsClass.TopBit) != 0);
        }
        int answersOffset = position;
        for (int i = 0; i < answerCount + additionalCount; i++)
        {
            if (!TrySkipRecord(message, ref position))
            {
                return false;
            }
        }
        query = new WireQuery(message, questions[..questionCount], answersOffset, answerCount);
        return true;
    }

    /// <summary>
    /// Whether the asker listed <paramref name="ours"/> as a known answer with at least half its TTL
    /// left (RFC 6762 §7.1).
    /// </summary>
    public bool IsKnownAnswer(DnsRecord ours)
    {
        int position = _answersOffset;
        for (int i = 0; i < _answerCount; i++)
        {
            int nameOffset = position;
            WireName.TrySkip(_message, position, out int nameLength);
            position += nameLength;
            var type = (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(_message[position..]);
            ushort rclass = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(_message[(position + 2)..]) & ~DnsClass.TopBit);
            uint ttl = BinaryPrimitives.ReadUInt32BigEndian(_message[(position + 4)..]);
            int rdLength = BinaryPrimitives.ReadUInt16BigEndian(_message[(position + 8)..]);
            int rdata = position + 10;
            position = rdata + rdLength;
            if (type == ours.Type && rclass == ours.Class && ttl >= ours.Ttl / 2 &&
                WireName.NameEquals(_message, nameOffset, ours.Name) && RdataEquals(_message[..position], rdata, ours.Data))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the rdata at <paramref name="offset"/> (running to the end of <paramref name="message"/>) is <paramref name="ours"/>; names in it may be compressed.</summary>
    private static bool RdataEquals(ReadOnlySpan<byte> message, int offset, DnsRecordData ours)
    {
        int length = message.Length - offset;
        switch (ours)
        {
            case PtrRecordData ptr:
                return WireName.NameEquals(message, offset, ptr.Target, out int read) && read == length;
            case SrvRecordData srv:
                return length >= 7 &&
                    BinaryPrimitives.ReadUInt16BigEndian(message[offset..]) == srv.Priority &&
                    BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 2)..]) == srv.Weight &&
                    BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 4)..]) == srv.Port &&
                    WireName.NameEquals(message, offset + 6, srv.Target, out int targetLength) && targetLength == length - 6;
            default:
                return message[offset..].SequenceEqual(ours.Canonical);
        }
    }

    private static bool TrySkipRecord(ReadOnlySpan<byte> message, ref int position)
    {
        if (!WireName.TrySkip(message, position, out int nameLength) || message.Length - (position + nameLength) < 10)
        {
            return false;
        }
        position += nameLength;
        int rdLength = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 8)..]);
        position += 10;
        if (rdLength > message.Length - position)
        {
            return false;
        }
        position += rdLength;
        return true;
    }
}
