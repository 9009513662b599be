using System.Buffers.Binary;

namespace Inkwell.Zeroconf.Dns;

/// <summary>
/// A DNS UPDATE (RFC 2136) written with the ordinary codec: the zone is the question section (type SOA),
/// prerequisites are the answer section, updates the authority section (§2). Deletes and "not in use"
/// prerequisites are records of class NONE or ANY with TTL 0 and empty rdata (§2.4–§2.5).
/// </summary>
internal sealed class DnsUpdate(DnsName zone)
{
    /// <summary>OPCODE 5, UPDATE (RFC 2136 §1).</summary>
    public const int Opcode = 5;

    /// <summary>The EDNS(0) Update Lease option code (RFC 9664 §4).</summary>
    public const ushort UpdateLeaseOption = 2;

    /// <summary>The UDP payload size we advertise in EDNS(0) (the DNS flag day 2020 value).</summary>
    public const ushort UdpPayloadSize = 1232;

    /// <summary>The zone being updated.</summary>
    public DnsName Zone { get; } = zone;

    /// <summary>Prerequisites: the answer section.</summary>
    public List<DnsRecord> Prerequisites { get; } = [];

    /// <summary>Additions and deletions: the authority section.</summary>
    public List<DnsRecord> Updates { get; } = [];

    /// <summary>The RFC 9664 lease to ask for (sent in an EDNS(0) OPT record), or null for none.</summary>
    public TimeSpan? Lease { get; set; }

    /// <summary>Prerequisite "name is not in use": no RR of any type exists at <paramref name="name"/> (§2.4.5).</summary>
    public static DnsRecord NameNotInUse(DnsName name) => new(name, DnsRecordType.Any, 0, Empty(), Class: DnsClass.None);

    /// <summary>Prerequisite "RRset does not exist": no record of <paramref name="type"/> at <paramref name="name"/> (§2.4.3).</summary>
    public static DnsRecord RRsetDoesNotExist(DnsName name, DnsRecordType type) => new(name, type, 0, Empty(), Class: DnsClass.None);

    /// <summary>Update "delete an RRset": every record of one type at a name (§2.5.2).</summary>
    public static DnsRecord DeleteRRset(DnsName name, DnsRecordType type) => new(name, type, 0, Empty(), Class: DnsClass.Any);

    /// <summary>Update "delete all RRsets from a name" (§2.5.3).</summary>
    public static DnsRecord DeleteName(DnsName name) => new(name, DnsRecordType.Any, 0, Empty(), Class: DnsClass.Any);

    /// <summary>Update "delete an RR from an RRset": the record with class NONE and TTL 0 (§2.5.4).</summary>
    public static DnsRecord DeleteRecord(DnsRecord record) => record with { Ttl = 0, Class = DnsClass.None, CacheFlush = false };

    /// <summary>The update as a message with the given id (unsigned; <see cref="Tsig"/> signs the written bytes).</summary>
    public DnsMessage ToMessage(ushort id)
    {
        var message = new DnsMessage
        {
            Id = id,
            Flags = Opcode << 11,
            Questions = [new DnsQuestion(Zone, DnsRecordType.Soa)],
            Answers = [.. Prerequisites],
            Authorities = [.. Updates],
        };
        if (Lease is { } lease)
        {
            message.Additionals.Add(LeaseOption(lease));
        }
        return message;
    }

    /// <summary>The update written to wire format.</summary>
    public byte[] Write(ushort id)
    {
        byte[] buffer = new byte[DnsMessage.MaxUnicastLength];
        if (!ToMessage(id).TryWrite(buffer, [], out int length))
        {
            throw new InvalidOperationException($"The update for zone {Zone} does not fit in one DNS message.");
        }
        return buffer[..length];
    }

    /// <summary>
    /// An OPT pseudo-record (RFC 6891 §6.1.2: root name, class = UDP payload size) carrying the Update Lease
    /// option with the lease and the same key lease (RFC 9664 §4, the 8-byte form).
    /// </summary>
    public static DnsRecord LeaseOption(TimeSpan lease)
    {
        uint seconds = (uint)Math.Clamp(lease.TotalSeconds, 1, uint.MaxValue);
        byte[] option = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(option, UpdateLeaseOption);
        BinaryPrimitives.WriteUInt16BigEndian(option.AsSpan(2), 8);
        BinaryPrimitives.WriteUInt32BigEndian(option.AsSpan(4), seconds);
        BinaryPrimitives.WriteUInt32BigEndian(option.AsSpan(8), seconds);
        return new DnsRecord(DnsName.Root, DnsRecordType.Opt, 0, new OpaqueRecordData(option), Class: UdpPayloadSize);
    }

    /// <summary>The lease a response grants in its OPT record (RFC 9664 §4), or null when it has none (BIND 9.18).</summary>
    public static TimeSpan? GrantedLease(DnsMessage response)
    {
        foreach (DnsRecord record in response.Additionals)
        {
            if (record.Type != DnsRecordType.Opt || record.Data is not OpaqueRecordData data)
            {
                continue;
            }
            ReadOnlySpan<byte> options = data.Bytes.Span;
            while (options.Length >= 4)
            {
                ushort code = BinaryPrimitives.ReadUInt16BigEndian(options);
                ushort length = BinaryPrimitives.ReadUInt16BigEndian(options[2..]);
                if (length > options.Length - 4)
                {
                    return null;
                }
                if (code == UpdateLeaseOption && length is 4 or 8)
                {
                    return TimeSpan.FromSeconds(BinaryPrimitives.ReadUInt32BigEndian(options[4..]));
                }
                options = options[(4 + length)..];
            }
        }
        return null;
    }

    private static OpaqueRecordData Empty() => new([]);
}
