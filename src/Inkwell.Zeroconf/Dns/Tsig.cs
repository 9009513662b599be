using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Inkwell.Zeroconf.Dns;

/// <summary>
/// TSIG (RFC 8945): an HMAC over a DNS message and a few variables, carried as the last additional record.
/// Signing appends the record to a message already written by the codec; verifying finds it again in the
/// raw bytes, because the MAC covers the message exactly as it was sent (with the TSIG record removed,
/// ARCOUNT decremented and the original id restored, §4.3.2–§4.3.3).
/// </summary>
internal static class Tsig
{
    /// <summary>The TSIG RR type (RFC 8945 §4.2).</summary>
    public const ushort RecordType = 250;

    /// <summary>The clock skew allowed either way, RFC 8945 §10's recommended 300 s.</summary>
    public const ushort DefaultFudge = 300;

    /// <summary>TSIG error: the MAC did not verify (RFC 8945 §3).</summary>
    public const ushort BadSig = 16;

    /// <summary>TSIG error: the key is not known to the other side (RFC 8945 §3).</summary>
    public const ushort BadKey = 17;

    /// <summary>TSIG error: the time signed is outside the fudge (RFC 8945 §3).</summary>
    public const ushort BadTime = 18;

    /// <summary>TSIG error: the MAC was truncated too far (RFC 8945 §3).</summary>
    public const ushort BadTrunc = 22;

    /// <summary>
    /// Appends a TSIG record to <paramref name="message"/> (a complete message without one) and returns the
    /// signed message. <paramref name="requestMac"/> is empty for a request and the request's MAC when
    /// signing a response (§4.3.1). <paramref name="mac"/> is what a response to this message must include.
    /// </summary>
    public static byte[] Sign(ReadOnlySpan<byte> message, TsigKey key, long timeSigned, ushort fudge, ReadOnlySpan<byte> requestMac, out byte[] mac)
    {
        if (message.Length < 12)
        {
            throw new ArgumentException("A DNS message has a 12-byte header.", nameof(message));
        }
        ushort id = BinaryPrimitives.ReadUInt16BigEndian(message);
        mac = ComputeMac(key, requestMac, message, key.AlgorithmName, timeSigned, fudge, error: 0, otherData: []);

        byte[] keyName = CanonicalName(key.WireName);
        byte[] algorithm = CanonicalName(key.AlgorithmName);
        int rdataLength = algorithm.Length + 6 + 2 + 2 + mac.Length + 2 + 2 + 2;
        byte[] signed = new byte[message.Length + keyName.Length + 10 + rdataLength];
        message.CopyTo(signed);
        Span<byte> span = signed.AsSpan(message.Length);
        keyName.CopyTo(span);
        span = span[keyName.Length..];
        BinaryPrimitives.WriteUInt16BigEndian(span, RecordType);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], DnsClass.Any);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)rdataLength);
        span = span[10..];
        algorithm.CopyTo(span);
        span = span[algorithm.Length..];
        WriteUInt48(span, timeSigned);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], fudge);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)mac.Length);
        mac.CopyTo(span[10..]);
        span = span[(10 + mac.Length)..];
        BinaryPrimitives.WriteUInt16BigEndian(span, id);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], 0);

        ushort additionals = BinaryPrimitives.ReadUInt16BigEndian(signed.AsSpan(10));
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(10), (ushort)(additionals + 1));
        return signed;
    }

    /// <summary>
    /// Checks the TSIG record of a response to a request whose MAC was <paramref name="requestMac"/>
    /// (RFC 8945 §5.3). Never throws on any input: a hostile answer gets <see cref="TsigResult.Malformed"/>.
    /// </summary>
    public static TsigResult Verify(ReadOnlySpan<byte> response, TsigKey key, ReadOnlySpan<byte> requestMac, long now, out string detail)
    {
        if (!TryFindLastRecord(response, out int recordStart, out int additionals))
        {
            detail = "the response's records cannot be walked";
            return TsigResult.Malformed;
        }
        if (additionals == 0)
        {
            detail = "the response carries no TSIG record";
            return TsigResult.Unsigned;
        }
        var reader = new DnsReader(response) { Position = recordStart };
        if (!reader.TryReadName(out DnsName keyName, out _) || !reader.TryReadUInt16(out ushort type) ||
            !reader.TryReadUInt16(out ushort rclass) || !reader.TryReadUInt32(out uint ttl) || !reader.TryReadUInt16(out ushort rdLength))
        {
            detail = "the last record cannot be read";
            return TsigResult.Malformed;
        }
        if (type != RecordType)
        {
            detail = "the response carries no TSIG record";
            return TsigResult.Unsigned;
        }
        int rdataEnd = reader.Position + rdLength;
        // RFC 8945 §4.2: class ANY, TTL 0, and the record is the last thing in the message.
        if (rclass != DnsClass.Any || ttl != 0 || rdataEnd != response.Length)
        {
            detail = "the TSIG record's class, TTL or length is wrong";
            return TsigResult.Malformed;
        }
        if (!reader.TryReadName(out DnsName algorithm, out _) || reader.Remaining < 10)
        {
            detail = "the TSIG record's rdata is truncated";
            return TsigResult.Malformed;
        }
        long timeSigned = ReadUInt48(response[reader.Position..]);
        reader.Position += 6;
        reader.TryReadUInt16(out ushort fudge);
        reader.TryReadUInt16(out ushort macLength);
        if (reader.Remaining < macLength + 6)
        {
            detail = "the TSIG record's MAC runs past its rdata";
            return TsigResult.Malformed;
        }
        ReadOnlySpan<byte> mac = response.Slice(reader.Position, macLength);
        reader.Position += macLength;
        reader.TryReadUInt16(out ushort originalId);
        reader.TryReadUInt16(out ushort error);
        reader.TryReadUInt16(out ushort otherLength);
        if (reader.Position + otherLength != rdataEnd)
        {
            detail = "the TSIG record's other data does not end its rdata";
            return TsigResult.Malformed;
        }
        ReadOnlySpan<byte> otherData = response.Slice(reader.Position, otherLength);

        if (keyName != key.WireName || algorithm != key.AlgorithmName)
        {
            detail = $"signed with key '{keyName}' ({algorithm}), not '{key.Name}' ({key.Algorithm})";
            return TsigResult.WrongKey;
        }
        switch (error)
        {
            case 0:
                break;
            case BadKey:
                detail = $"the server does not know key '{key.Name}' with {key.Algorithm} (TSIG BADKEY)";
                return TsigResult.BadKey;
            case BadSig:
                detail = $"the server rejected the signature: the secret of key '{key.Name}' differs from the server's (TSIG BADSIG)";
                return TsigResult.BadSig;
            case BadTime:
                detail = "the server's clock and ours differ by more than the fudge (TSIG BADTIME)";
                return TsigResult.BadTime;
            default:
                detail = $"the server answered with TSIG error {error}";
                return TsigResult.OtherError;
        }

        // The MAC covers the message as it was before signing: original id, ARCOUNT without the TSIG record.
        byte[] unsigned = response[..recordStart].ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(unsigned, originalId);
        BinaryPrimitives.WriteUInt16BigEndian(unsigned.AsSpan(10), (ushort)(additionals - 1));
        byte[] expected = ComputeMac(key, requestMac, unsigned, algorithm, timeSigned, fudge, error, otherData);
        if (mac.Length != expected.Length || !CryptographicOperations.FixedTimeEquals(mac, expected))
        {
            detail = $"the response's MAC does not verify with key '{key.Name}'";
            return TsigResult.BadSig;
        }
        if (Math.Abs(now - timeSigned) > fudge)
        {
            detail = $"the response was signed at {timeSigned}, {now - timeSigned} s from our clock (fudge {fudge} s)";
            return TsigResult.BadTime;
        }
        detail = "";
        return TsigResult.Valid;
    }

    private static byte[] ComputeMac(TsigKey key, ReadOnlySpan<byte> requestMac, ReadOnlySpan<byte> message, DnsName algorithm,
        long timeSigned, ushort fudge, ushort error, ReadOnlySpan<byte> otherData)
    {
        using IncrementalHash hmac = IncrementalHash.CreateHMAC(HashAlgorithm(key.Algorithm), key.Secret);
        Span<byte> scratch = stackalloc byte[10];
        if (!requestMac.IsEmpty)
        {
            BinaryPrimitives.WriteUInt16BigEndian(scratch, (ushort)requestMac.Length);
            hmac.AppendData(scratch[..2]);
            hmac.AppendData(requestMac);
        }
        hmac.AppendData(message);
        // TSIG variables (RFC 8945 §4.3.3): names uncompressed and in canonical (lower-case) form.
        hmac.AppendData(CanonicalName(key.WireName));
        BinaryPrimitives.WriteUInt16BigEndian(scratch, DnsClass.Any);
        BinaryPrimitives.WriteUInt32BigEndian(scratch[2..], 0);
        hmac.AppendData(scratch[..6]);
        hmac.AppendData(CanonicalName(algorithm));
        WriteUInt48(scratch, timeSigned);
        BinaryPrimitives.WriteUInt16BigEndian(scratch[6..], fudge);
        hmac.AppendData(scratch[..8]);
        BinaryPrimitives.WriteUInt16BigEndian(scratch, error);
        BinaryPrimitives.WriteUInt16BigEndian(scratch[2..], (ushort)otherData.Length);
        hmac.AppendData(scratch[..4]);
        hmac.AppendData(otherData);
        return hmac.GetHashAndReset();
    }

    private static HashAlgorithmName HashAlgorithm(string algorithm) => algorithm switch
    {
        "hmac-sha256" => HashAlgorithmName.SHA256,
        "hmac-sha384" => HashAlgorithmName.SHA384,
        "hmac-sha512" => HashAlgorithmName.SHA512,
        "hmac-sha1" => HashAlgorithmName.SHA1,
        _ => throw new ArgumentException($"TSIG algorithm '{algorithm}' is not supported."),
    };

    /// <summary>A name in canonical wire form: uncompressed, ASCII letters in lower case (RFC 4034 §6.2).</summary>
    internal static byte[] CanonicalName(DnsName name)
    {
        var bytes = new List<byte>(name.WireLength);
        foreach (string label in name.Labels)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(label);
            bytes.Add((byte)utf8.Length);
            foreach (byte b in utf8)
            {
                bytes.Add(b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b);
            }
        }
        bytes.Add(0);
        return [.. bytes];
    }

    /// <summary>Walks the header and every section to find where the last record starts. Never throws.</summary>
    internal static bool TryFindLastRecord(ReadOnlySpan<byte> message, out int lastRecordStart, out int additionals)
    {
        lastRecordStart = 0;
        additionals = 0;
        var reader = new DnsReader(message);
        if (!reader.TryReadUInt16(out _) || !reader.TryReadUInt16(out _) || !reader.TryReadUInt16(out ushort questions) ||
            !reader.TryReadUInt16(out ushort answers) || !reader.TryReadUInt16(out ushort authorities) || !reader.TryReadUInt16(out ushort additional))
        {
            return false;
        }
        additionals = additional;
        for (int i = 0; i < questions; i++)
        {
            if (!reader.TryReadName(out _, out _) || reader.Remaining < 4)
            {
                return false;
            }
            reader.Position += 4;
        }
        int records = answers + authorities + additional;
        for (int i = 0; i < records; i++)
        {
            lastRecordStart = reader.Position;
            if (!reader.TryReadName(out _, out _) || reader.Remaining < 10)
            {
                return false;
            }
            reader.Position += 8;
            reader.TryReadUInt16(out ushort rdLength);
            if (rdLength > reader.Remaining)
            {
                return false;
            }
            reader.Position += rdLength;
        }
        return true;
    }

    private static void WriteUInt48(Span<byte> span, long value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)(value >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(span[2..], (uint)value);
    }

    private static long ReadUInt48(ReadOnlySpan<byte> span) =>
        ((long)BinaryPrimitives.ReadUInt16BigEndian(span) << 32) | BinaryPrimitives.ReadUInt32BigEndian(span[2..]);
}
