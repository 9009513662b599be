using System.Buffers.Binary;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Tests.WideArea;

/// <summary>DNS UPDATE (RFC 2136) messages as the codec writes and reads them.</summary>
public sealed class DnsUpdateTests
{
    [Fact]
    public void Write_PutsZonePrerequisitesUpdatesAndLeaseInTheirSections()
    {
        DnsName instance = DnsName.Parse("Printer._ipp._tcp.example.test");
        var ptr = new DnsRecord(DnsName.Parse("_ipp._tcp.example.test"), DnsRecordType.Ptr, 120, new PtrRecordData(instance));
        var update = new DnsUpdate(DnsName.Parse("example.test")) { Lease = TimeSpan.FromHours(2) };
        update.Prerequisites.Add(DnsUpdate.NameNotInUse(instance));
        update.Updates.Add(ptr);
        update.Updates.Add(DnsUpdate.DeleteRRset(instance, DnsRecordType.Txt));
        update.Updates.Add(DnsUpdate.DeleteName(instance));
        update.Updates.Add(DnsUpdate.DeleteRecord(ptr));

        byte[] wire = update.Write(0xBEEF);

        Assert.True(DnsMessage.TryParse(wire, out DnsMessage message, out int dropped, out string? error), error);
        Assert.Equal(0, dropped);
        Assert.Equal(0xBEEF, message.Id);
        Assert.Equal(5, message.Opcode);
        Assert.False(message.IsResponse);
        DnsQuestion zone = Assert.Single(message.Questions);
        Assert.Equal((DnsName.Parse("example.test"), DnsRecordType.Soa, DnsClass.Internet), (zone.Name, zone.Type, zone.Class));

        DnsRecord prerequisite = Assert.Single(message.Answers);
        Assert.Equal((instance, DnsRecordType.Any, DnsClass.None, 0u), (prerequisite.Name, prerequisite.Type, prerequisite.Class, prerequisite.Ttl));
        Assert.Empty(((OpaqueRecordData)prerequisite.Data).Bytes.ToArray());

        Assert.Equal(4, message.Authorities.Count);
        Assert.True(message.Authorities[0].IsSameRecord(ptr));
        Assert.Equal((DnsRecordType.Txt, DnsClass.Any, 0u), (message.Authorities[1].Type, message.Authorities[1].Class, message.Authorities[1].Ttl));
        Assert.Equal((DnsRecordType.Any, DnsClass.Any), (message.Authorities[2].Type, message.Authorities[2].Class));
        Assert.Equal((DnsRecordType.Ptr, DnsClass.None, 0u), (message.Authorities[3].Type, message.Authorities[3].Class, message.Authorities[3].Ttl));
        Assert.Equal(instance, ((PtrRecordData)message.Authorities[3].Data).Target);

        DnsRecord opt = Assert.Single(message.Additionals);
        Assert.Equal((DnsRecordType.Opt, DnsUpdate.UdpPayloadSize), (opt.Type, opt.Class));
        byte[] option = ((OpaqueRecordData)opt.Data).Bytes.ToArray();
        Assert.Equal([0, 2, 0, 8], option[..4]);
        Assert.Equal(7200u, BinaryPrimitives.ReadUInt32BigEndian(option.AsSpan(4)));
        Assert.Equal(TimeSpan.FromHours(2), DnsUpdate.GrantedLease(message));
    }

    [Fact]
    public void Parse_UnicastLimit_AcceptsWhatMdnsRejects()
    {
        byte[] big = new byte[DnsMessage.MaxLength + 1];
        Assert.False(DnsMessage.TryParse(big, out _, out _, out string? error));
        Assert.Contains("mDNS limit", error, StringComparison.Ordinal);
        Assert.True(DnsMessage.TryParse(big, out _, out _, out error, DnsMessage.MaxUnicastLength), error);
        Assert.False(DnsMessage.TryParse(new byte[DnsMessage.MaxUnicastLength + 1], out _, out _, out _, DnsMessage.MaxUnicastLength));
    }
}
