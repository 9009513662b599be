using System.Net;
using System.Text;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Tests.Dns;

/// <summary>Checklist 1, 5, 30: the wire format writes and reads back every record type mDNS uses.</summary>
public sealed class DnsRoundTripTests
{
    private static readonly DnsName s_instance = DnsName.FromLabels("DAAP Server", "_daap", "_tcp", "local");
    private static readonly DnsName s_host = DnsName.Parse("inkwell.local");

    internal static DnsMessage SampleResponse()
    {
        DnsMessage message = DnsMessage.Response();
        message.Answers.Add(new DnsRecord(DnsName.Parse("_daap._tcp.local"), DnsRecordType.Ptr, 4500, new PtrRecordData(s_instance)));
        message.Additionals.Add(new DnsRecord(s_instance, DnsRecordType.Srv, 120, new SrvRecordData(0, 0, 3689, s_host), CacheFlush: true));
        message.Additionals.Add(new DnsRecord(s_instance, DnsRecordType.Txt, 4500, new TxtRecordData([Encoding.UTF8.GetBytes("txtvers=1"), Encoding.UTF8.GetBytes("Password=false")]), CacheFlush: true));
        message.Additionals.Add(new DnsRecord(s_host, DnsRecordType.A, 120, new AddressRecordData(IPAddress.Parse("192.168.7.2")), CacheFlush: true));
        message.Additionals.Add(new DnsRecord(s_host, DnsRecordType.Aaaa, 120, new AddressRecordData(IPAddress.Parse("fe80::1")), CacheFlush: true));
        message.Additionals.Add(new DnsRecord(s_host, DnsRecordType.Nsec, 120, new NsecRecordData(s_host, [(ushort)DnsRecordType.A, (ushort)DnsRecordType.Aaaa]), CacheFlush: true));
        message.Additionals.Add(new DnsRecord(s_host, (DnsRecordType)99, 60, new OpaqueRecordData([1, 2, 3])));
        return message;
    }

    [Fact]
    public void RoundTrip_EveryRecordType_ReadsBackEqual()
    {
        DnsMessage original = SampleResponse();
        original.Questions.Add(new DnsQuestion(DnsName.Parse("_daap._tcp.local"), DnsRecordType.Ptr, UnicastResponse: true));

        Assert.True(DnsMessage.TryParse(original.ToArray(), out DnsMessage parsed, out int dropped, out string? error), error);

        Assert.Equal(0, dropped);
        Assert.True(parsed.IsResponse);
        Assert.Equal(original.Flags, parsed.Flags);
        Assert.Equal(original.Questions, parsed.Questions);
        Assert.True(parsed.Questions[0].UnicastResponse);
        DnsRecord[] expected = [.. original.AllRecords];
        DnsRecord[] actual = [.. parsed.AllRecords];
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i].IsSameRecord(actual[i]), $"{expected[i]} != {actual[i]}");
            Assert.Equal(expected[i].Ttl, actual[i].Ttl);
            Assert.Equal(expected[i].CacheFlush, actual[i].CacheFlush);
            Assert.Equal(expected[i].Class, actual[i].Class);
        }
    }

    [Fact]
    public void Write_RepeatedSuffixes_AreCompressed()
    {
        DnsMessage message = SampleResponse();
        byte[] bytes = message.ToArray();
        int uncompressed = 12 + message.AllRecords.Sum(r => r.Name.WireLength + 10 + r.Data.GetCanonicalBytes().Length);

        Assert.True(bytes.Length < uncompressed - 60, $"{bytes.Length} bytes vs {uncompressed} uncompressed");
        // "local" appears as text once for the compressed names and once in NSEC's next name,
        // which is written uncompressed (RFC 6762 §18.14).
        Assert.Equal(2, CountOccurrences(bytes, "\u0005local"u8.ToArray()));
    }

    [Fact]
    public void Name_WithDotsAndUtf8_RoundTripsAsOneLabel()
    {
        DnsName name = DnsName.FromLabels("Büro.Drucker 2", "_ipp", "_tcp", "local");
        DnsMessage message = DnsMessage.Query();
        message.Questions.Add(new DnsQuestion(name, DnsRecordType.Srv));

        Assert.True(DnsMessage.TryParse(message.ToArray(), out DnsMessage parsed, out _, out _));

        Assert.Equal("Büro.Drucker 2", parsed.Questions[0].Name.Labels[0]);
        Assert.Equal(@"Büro\.Drucker 2._ipp._tcp.local", parsed.Questions[0].Name.ToString());
        Assert.Equal(name, DnsName.Parse(name.ToString()));
    }

    [Fact]
    public void Names_CompareCaseInsensitivelyForAsciiOnly_Checklist5()
    {
        Assert.Equal(DnsName.Parse("MyHost.LOCAL"), DnsName.Parse("myhost.local"));
        Assert.Equal(DnsName.Parse("MyHost.LOCAL").GetHashCode(), DnsName.Parse("myhost.local").GetHashCode());
        Assert.NotEqual(DnsName.Parse("Ä.local"), DnsName.Parse("ä.local"));
    }

    [Fact]
    public void Txt_Empty_IsWrittenAsOneZeroByte_Checklist30()
    {
        var txt = new TxtRecordData([]);
        Assert.Equal(new byte[] { 0 }, txt.GetCanonicalBytes());
        byte[] wire = new DnsMessage { Answers = [new DnsRecord(s_instance, DnsRecordType.Txt, 4500, txt)] }.ToArray();
        Assert.True(DnsMessage.TryParse(wire, out DnsMessage parsed, out _, out _));
        Assert.Empty(((TxtRecordData)parsed.Answers[0].Data).Strings);
    }

    [Fact]
    public void Nsec_TypesAcrossWindows_RoundTrip()
    {
        var nsec = new NsecRecordData(s_host, [1, 28, 33, 16, 300, 47]);
        byte[] wire = new DnsMessage { Answers = [new DnsRecord(s_host, DnsRecordType.Nsec, 120, nsec)] }.ToArray();
        Assert.True(DnsMessage.TryParse(wire, out DnsMessage parsed, out _, out _));
        Assert.Equal(new ushort[] { 1, 16, 28, 33, 47, 300 }, ((NsecRecordData)parsed.Answers[0].Data).Types);
    }

    [Fact]
    public void Name_LongerThan255Bytes_IsRefusedWhenBuilt()
    {
        string label = new('a', 63);
        Assert.Throws<ArgumentException>(() => DnsName.FromLabels(label, label, label, label));
        Assert.Throws<ArgumentException>(() => DnsName.FromLabels(new string('a', 64)));
    }

    [Fact]
    public void Write_MessageTooLarge_ReportsFalseInsteadOfOverrunning()
    {
        DnsMessage message = SampleResponse();
        Assert.False(message.TryWrite(new byte[40], [], out _));
    }

    private static int CountOccurrences(byte[] haystack, byte[] needle)
    {
        int count = 0;
        for (int i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                count++;
            }
        }
        return count;
    }
}
