using System.Buffers.Binary;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Tests.Dns;

/// <summary>
/// The design note's hostile-input categories: every one is rejected or the bad record dropped,
/// with an error naming the offset, and nothing throws.
/// </summary>
public sealed class DnsHostileInputTests
{
    private static byte[] Header(ushort qd = 0, ushort an = 0, ushort ns = 0, ushort ar = 0, ushort flags = 0x8400)
    {
        byte[] header = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), flags);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), qd);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), an);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), ns);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), ar);
        return header;
    }

    private static void AssertRejected(byte[] data, string expectedFragment)
    {
        bool parsed = DnsMessage.TryParse(data, out _, out _, out string? error);
        Assert.False(parsed);
        Assert.NotNull(error);
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(11)]
    public void Parse_TinyDatagram_IsRejected(int length) => AssertRejected(new byte[length], "a DNS header is 12");

    [Fact]
    public void Parse_NonDnsText_IsRejected() => AssertRejected("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray(), "offset");

    [Fact]
    public void Parse_CountsFarLargerThanData_IsRejectedBeforeAllocating() =>
        AssertRejected([.. Header(qd: 65535, an: 65535, ns: 65535, ar: 65535), 0, 0, 1, 0, 1], "header counts");

    [Fact]
    public void Parse_Oversized_IsRejected_Checklist5() => AssertRejected(new byte[9001], "9000");

    [Fact]
    public void Parse_SelfPointer_IsRejected() =>
        AssertRejected([.. Header(qd: 1), 0xC0, 12, 0, 1, 0, 1], "points at itself");

    [Fact]
    public void Parse_ForwardPointer_IsRejected() =>
        AssertRejected([.. Header(qd: 1), 0xC0, 14, 1, (byte)'a', 0, 0, 1, 0, 1], "does not point backwards");

    [Fact]
    public void Parse_TwoPointerLoop_IsRejected()
    {
        // Question 1 at 12: "a" then pointer to 17 (question 2's name); question 2 at 17 points back to 12.
        byte[] data = [.. Header(qd: 2), 1, (byte)'a', 0xC0, 19, 0, 1, 0, 1, 0xC0, 12, 0, 1, 0, 1];
        AssertRejected(data, "does not point backwards");
    }

    [Fact]
    public void Parse_PointerLoopBackIntoSameName_IsRejected()
    {
        // "a" at 12 followed by a pointer to 12: the classic one-name loop.
        AssertRejected([.. Header(qd: 1), 1, (byte)'a', 0xC0, 12, 0, 1, 0, 1], "does not point backwards");
    }

    [Fact]
    public void Parse_TruncatedPointer_IsRejected() => AssertRejected([.. Header(qd: 1), 1, (byte)'a', 1, (byte)'b', 0xC0], "truncated");

    [Theory]
    [InlineData(0x40)]
    [InlineData(0x80)]
    public void Parse_ReservedLabelTypes_AreRejected(byte type) =>
        AssertRejected([.. Header(qd: 1), type, 0, 0, 1, 0, 1], "label type");

    [Fact]
    public void Parse_LabelThatIsNotUtf8_IsRejectedAtTheLabel()
    {
        // "ok" then a label holding 0xC3 0x28 (a lead byte without its continuation) at offset 15: decoded, it would become
        // U+FFFD and a name that was never sent (and one longer than the label when written back).
        AssertRejected([.. Header(qd: 1), 2, (byte)'o', (byte)'k', 2, 0xC3, 0x28, 0, 0, 1, 0, 1], "offset 15: label is not UTF-8");
    }

    [Fact]
    public void Parse_LabelInUtf8_IsAccepted()
    {
        byte[] data = [.. Header(qd: 1), 4, (byte)'c', (byte)'a', 0xC3, 0xA9, 0, 0, 1, 0, 1];

        Assert.True(DnsMessage.TryParse(data, out DnsMessage message, out _, out string? error), error);
        Assert.Equal("caé", Assert.Single(message.Questions).Name.ToString());
    }

    [Fact]
    public void Parse_LongChainOfValidPointers_IsDecodedIterativelyWithoutStackOverflow()
    {
        // 1,400 questions (as many as fit in 9,000 bytes), each a pointer to the previous one's name:
        // a chain a recursive decoder would follow on the stack. The last name is "x" after 1,400 jumps.
        var data = new List<byte>(Header(qd: 1401)) { 1, (byte)'x', 0, 0, 1, 0, 1 };
        int previous = 12;
        for (int i = 0; i < 1400; i++)
        {
            int here = data.Count;
            data.AddRange([(byte)(0xC0 | (previous >> 8)), (byte)previous, 0, 1, 0, 1]);
            previous = here;
        }
        Assert.True(DnsMessage.TryParse([.. data], out DnsMessage message, out _, out string? error), error);
        Assert.Equal(1401, message.Questions.Count);
        Assert.Equal("x", message.Questions[^1].Name.ToString());
    }

    [Fact]
    public void Parse_NameOver255Bytes_IsRejected()
    {
        var data = new List<byte>(Header(qd: 1));
        for (int i = 0; i < 5; i++)
        {
            data.Add(60);
            data.AddRange(Enumerable.Repeat((byte)'a', 60));
        }
        data.AddRange([0, 0, 1, 0, 1]);
        AssertRejected([.. data], "longer than 255");
    }

    [Fact]
    public void Parse_NameOver255BytesThroughPointers_IsRejected()
    {
        // Each question adds a 60-byte label in front of the previous name: the fifth is too long.
        var data = new List<byte>(Header(qd: 5));
        int previous = -1;
        for (int i = 0; i < 5; i++)
        {
            int here = data.Count;
            data.Add(60);
            data.AddRange(Enumerable.Repeat((byte)'a', 60));
            if (previous < 0)
            {
                data.Add(0);
            }
            else
            {
                data.AddRange([(byte)(0xC0 | (previous >> 8)), (byte)previous]);
            }
            data.AddRange([0, 1, 0, 1]);
            previous = here;
        }
        AssertRejected([.. data], "longer than 255");
    }

    private static byte[] OneRecord(ushort type, byte[] rdata)
    {
        byte[] header = Header(an: 1);
        byte[] fixedPart = [0, (byte)(type >> 8), (byte)type, 0, 1, 0, 0, 0, 120, (byte)(rdata.Length >> 8), (byte)rdata.Length];
        return [.. header, .. fixedPart, .. rdata];
    }

    [Theory]
    [InlineData(1, new byte[] { 1, 2, 3 })] // A not 4 bytes
    [InlineData(1, new byte[] { 1, 2, 3, 4, 5 })]
    [InlineData(28, new byte[] { 1, 2, 3, 4 })] // AAAA not 16 bytes
    [InlineData(33, new byte[] { 0, 0, 0, 0, 0 })] // SRV too short
    [InlineData(33, new byte[] { 0, 0, 0, 0, 0x0e, 0x69, 5, (byte)'a' })] // SRV target runs past rdata
    [InlineData(16, new byte[] { 5, (byte)'a', (byte)'b' })] // TXT string runs past rdata
    [InlineData(12, new byte[] { 1, (byte)'a', 0, 9 })] // PTR with trailing bytes
    [InlineData(47, new byte[] { 0, 0, 0 })] // NSEC window length 0
    [InlineData(47, new byte[] { 0, 0, 33, 1 })] // NSEC window length > 32
    [InlineData(47, new byte[] { 0, 0, 4, 1 })] // NSEC bitmap runs past rdata
    [InlineData(47, new byte[] { 0, 1, 1, 64, 0, 1, 128 })] // NSEC windows not ascending
    public void Parse_RdataDisagreeingWithType_DropsOnlyThatRecord(ushort type, byte[] rdata)
    {
        Assert.True(DnsMessage.TryParse(OneRecord(type, rdata), out DnsMessage message, out int dropped, out string? error), error);
        Assert.Empty(message.Answers);
        Assert.Equal(1, dropped);
    }

    [Fact]
    public void Parse_RdataLengthPastEnd_RejectsMessage() =>
        AssertRejected([.. Header(an: 1), 0, 0, 1, 0, 1, 0, 0, 0, 120, 0, 50, 1, 2, 3, 4], "runs past the end");

    [Fact]
    public void Parse_UnknownType_IsCarriedOpaquely()
    {
        Assert.True(DnsMessage.TryParse(OneRecord(65280, [9, 8, 7]), out DnsMessage message, out int dropped, out _));
        Assert.Equal(0, dropped);
        Assert.Equal(new byte[] { 9, 8, 7 }, ((OpaqueRecordData)message.Answers[0].Data).Bytes.ToArray());
    }

    [Fact]
    public void Parse_PythonZeroconf047Nsec_WithSixteenBitWindowFields_DropsOnlyTheNsec()
    {
        // A response python-zeroconf 0.47.3 sent in the namespace lab: its NSEC writes the window and the
        // bitmap length as 16-bit values, so the first window claims 0 bytes (RFC 4034 §4.1.2 says 1-32).
        byte[] packet = Convert.FromHexString(
            "000084000000000200000002025079055f64616170045f746370056c6f63616c000010800100001194000403613d31c00c" +
            "0021800100000078000f000000000e6a067079686f7374c01ac041000180010000007800047f000001c041002f800100001194000ac0410000000400000008");

        Assert.True(DnsMessage.TryParse(packet, out DnsMessage message, out int dropped, out string? error), error);

        Assert.Equal(1, dropped);
        Assert.Equal([DnsRecordType.Txt, DnsRecordType.Srv, DnsRecordType.A], message.AllRecords.Select(r => r.Type));
    }
}
