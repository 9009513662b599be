using System.Net;

namespace Inkwell.Zeroconf.Dns;

internal sealed partial class DnsMessage
{
    /// <summary>The smallest question on the wire: root name, type, class.</summary>
    private const int MinQuestionLength = 5;

    /// <summary>The smallest record on the wire: root name, type, class, TTL, rdlength.</summary>
    private const int MinRecordLength = 11;

    /// <summary>
    /// Parses a message. A message whose framing is broken (truncated, a bad name, counts larger than
    /// the data could hold) is rejected as a whole with an error naming the offset; a record whose
    /// rdata disagrees with its type is dropped and counted in <paramref name="droppedRecords"/>, so a
    /// truncated record is never cached. Never throws on any input. <paramref name="maxLength"/> is mDNS's
    /// 9000 bytes by default; unicast DNS over TCP passes <see cref="MaxUnicastLength"/> (RFC 1035 §4.2.2).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out DnsMessage message, out int droppedRecords, out string? error, int maxLength = MaxLength)
    {
        message = null!;
        droppedRecords = 0;
        if (data.Length < 12)
        {
            error = $"message is {data.Length} bytes; a DNS header is 12";
            return false;
        }
        if (data.Length > maxLength)
        {
            error = maxLength == MaxLength
                ? $"message is {data.Length} bytes; the mDNS limit is {MaxLength} (RFC 6762 §17)"
                : $"message is {data.Length} bytes; the limit is {maxLength}";
            return false;
        }
        var reader = new DnsReader(data);
        reader.TryReadUInt16(out ushort id);
        reader.TryReadUInt16(out ushort flags);
        reader.TryReadUInt16(out ushort questionCount);
        reader.TryReadUInt16(out ushort answerCount);
        reader.TryReadUInt16(out ushort authorityCount);
        reader.TryReadUInt16(out ushort additionalCount);

        // Absurd counts are rejected before anything is allocated for them.
        long needed = (long)questionCount * MinQuestionLength + ((long)answerCount + authorityCount + additionalCount) * MinRecordLength;
        if (needed > reader.Remaining)
        {
            error = $"offset 4: header counts (qd={questionCount} an={answerCount} ns={authorityCount} ar={additionalCount}) need at least {needed} bytes; {reader.Remaining} follow";
            return false;
        }

        var result = new DnsMessage
        {
            Id = id,
            Flags = flags,
            Questions = new List<DnsQuestion>(questionCount),
            Answers = new List<DnsRecord>(answerCount),
            Authorities = new List<DnsRecord>(authorityCount),
            Additionals = new List<DnsRecord>(additionalCount),
        };
        for (int i = 0; i < questionCount; i++)
        {
            int start = reader.Position;
            if (!reader.TryReadName(out DnsName name, out error))
            {
                return false;
            }
            if (!reader.TryReadUInt16(out ushort type) || !reader.TryReadUInt16(out ushort qclass))
            {
                error = $"offset {start}: question is truncated";
                return false;
            }
            result.Questions.Add(new DnsQuestion(name, (DnsRecordType)type, (qclass & DnsClass.TopBit) != 0, (ushort)(qclass & ~DnsClass.TopBit)));
        }
        List<DnsRecord>[] sections = [result.Answers, result.Authorities, result.Additionals];
        int[] counts = [answerCount, authorityCount, additionalCount];
        for (int s = 0; s < sections.Length; s++)
        {
            for (int i = 0; i < counts[s]; i++)
            {
                int start = reader.Position;
                if (!reader.TryReadName(out DnsName name, out error))
                {
                    return false;
                }
                if (!reader.TryReadUInt16(out ushort type) || !reader.TryReadUInt16(out ushort rclass) ||
                    !reader.TryReadUInt32(out uint ttl) || !reader.TryReadUInt16(out ushort rdLength))
                {
                    error = $"offset {start}: record header is truncated";
                    return false;
                }
                if (rdLength > reader.Remaining)
                {
                    error = $"offset {start}: rdata of {rdLength} bytes runs past the end of the message";
                    return false;
                }
                int rdataOffset = reader.Position;
                reader.Position += rdLength;
                if (!TryParseRecordData(data, (DnsRecordType)type, rdataOffset, rdLength, out DnsRecordData? rdata))
                {
                    droppedRecords++;
                    continue;
                }
                sections[s].Add(new DnsRecord(name, (DnsRecordType)type, ttl, rdata, (rclass & DnsClass.TopBit) != 0, (ushort)(rclass & ~DnsClass.TopBit)));
            }
        }
        message = result;
        error = null;
        return true;
    }

    /// <summary>Parses rdata of a known type strictly: its length must match its content exactly.</summary>
    internal static bool TryParseRecordData(ReadOnlySpan<byte> message, DnsRecordType type, int offset, int length, out DnsRecordData data)
    {
        data = null!;
        ReadOnlySpan<byte> rdata = message.Slice(offset, length);
        switch (type)
        {
            case DnsRecordType.A when length == 4:
            case DnsRecordType.Aaaa when length == 16:
                data = new AddressRecordData(new IPAddress(rdata));
                return true;
            case DnsRecordType.A:
            case DnsRecordType.Aaaa:
                return false;
            case DnsRecordType.Ptr:
            case DnsRecordType.CName:
            {
                // The name may point back into the message but must end exactly at the rdata's end.
                if (!DnsReader.TryReadName(message[..(offset + length)], offset, out DnsName target, out int read, out _) || read != length)
                {
                    return false;
                }
                data = new PtrRecordData(target);
                return true;
            }
            case DnsRecordType.Srv:
            {
                if (length < 7)
                {
                    return false;
                }
                var reader = new DnsReader(message[..(offset + length)]) { Position = offset };
                reader.TryReadUInt16(out ushort priority);
                reader.TryReadUInt16(out ushort weight);
                reader.TryReadUInt16(out ushort port);
                if (!reader.TryReadName(out DnsName target, out _) || reader.Position != offset + length)
                {
                    return false;
                }
                data = new SrvRecordData(priority, weight, port, target);
                return true;
            }
            case DnsRecordType.Soa:
            {
                var reader = new DnsReader(message[..(offset + length)]) { Position = offset };
                if (!reader.TryReadName(out DnsName primary, out _) || !reader.TryReadName(out DnsName mailbox, out _)
                    || !reader.TryReadUInt32(out uint serial) || !reader.TryReadUInt32(out uint refresh) || !reader.TryReadUInt32(out uint retry)
                    || !reader.TryReadUInt32(out uint expire) || !reader.TryReadUInt32(out uint minimum) || reader.Position != offset + length)
                {
                    return false;
                }
                data = new SoaRecordData(primary, mailbox, serial, refresh, retry, expire, minimum);
                return true;
            }
            case DnsRecordType.Txt:
            {
                var strings = new List<byte[]>();
                int position = 0;
                while (position < length)
                {
                    int stringLength = rdata[position];
                    if (position + 1 + stringLength > length)
                    {
                        return false;
                    }
                    // A lone empty string is RFC 6763 §6.1's "no keys"; keep the list empty then.
                    if (stringLength > 0 || length > 1)
                    {
                        strings.Add(rdata.Slice(position + 1, stringLength).ToArray());
                    }
                    position += 1 + stringLength;
                }
                data = new TxtRecordData(strings);
                return true;
            }
            case DnsRecordType.Nsec:
            {
                if (!DnsReader.TryReadName(message[..(offset + length)], offset, out DnsName next, out int read, out _))
                {
                    return false;
                }
                var types = new List<ushort>();
                int position = read;
                int previousWindow = -1;
                while (position < length)
                {
                    if (position + 2 > length)
                    {
                        return false;
                    }
                    int window = rdata[position];
                    int bitmapLength = rdata[position + 1];
                    // RFC 4034 §4.1.2: windows ascend, each bitmap is 1 to 32 bytes.
                    if (window <= previousWindow || bitmapLength is 0 or > 32 || position + 2 + bitmapLength > length)
                    {
                        return false;
                    }
                    for (int i = 0; i < bitmapLength; i++)
                    {
                        byte bits = rdata[position + 2 + i];
                        for (int bit = 0; bit < 8; bit++)
                        {
                            if ((bits & (0x80 >> bit)) != 0)
                            {
                                types.Add((ushort)((window << 8) | (i * 8) | bit));
                            }
                        }
                    }
                    previousWindow = window;
                    position += 2 + bitmapLength;
                }
                data = new NsecRecordData(next, types);
                return true;
            }
            default:
                data = new OpaqueRecordData(rdata.ToArray());
                return true;
        }
    }
}
