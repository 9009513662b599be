using System.Net;
using BenchmarkDotNet.Attributes;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Benchmarks.Zeroconf;

/// <summary>Parsing and writing a typical DNS-SD response (PTR + SRV + TXT + A), the peer numbers being python-zeroconf's ~24 µs / ~18 µs.</summary>
[MemoryDiagnoser]
public class ZeroconfWireBenchmarks
{
    private readonly byte[] _packet;
    private readonly DnsMessage _message;
    private readonly byte[] _buffer = new byte[DnsMessage.MaxLength];
    private readonly List<DnsWriter.CompressionEntry> _compression = [];

    public ZeroconfWireBenchmarks()
    {
        DnsName type = DnsName.Parse("_daap._tcp.local");
        DnsName instance = type.Prepend("DAAP Server");
        DnsName host = DnsName.Parse("media-pc.local");
        _message = DnsMessage.Response();
        _message.Answers.Add(new DnsRecord(type, DnsRecordType.Ptr, 4500, new PtrRecordData(instance)));
        _message.Additionals.Add(new DnsRecord(instance, DnsRecordType.Srv, 120, new SrvRecordData(0, 0, 3689, host), CacheFlush: true));
        _message.Additionals.Add(new DnsRecord(instance, DnsRecordType.Txt, 4500, new TxtRecordData(["txtvers=1"u8.ToArray(), "Machine Name=Den"u8.ToArray()]), CacheFlush: true));
        _message.Additionals.Add(new DnsRecord(host, DnsRecordType.A, 120, new AddressRecordData(IPAddress.Parse("192.168.7.2")), CacheFlush: true));
        _packet = _message.ToArray();
    }

    [Benchmark]
    public int Parse()
    {
        DnsMessage.TryParse(_packet, out DnsMessage message, out _, out _);
        return message.Additionals.Count;
    }

    [Benchmark]
    public int Write()
    {
        _message.TryWrite(_buffer, _compression, out int length);
        return length;
    }
}
