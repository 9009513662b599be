using System.Net;
using System.Net.Sockets;

namespace Inkwell.Zeroconf.Dns;

/// <summary>The rdata of an A (4 bytes) or AAAA (16 bytes) record.</summary>
internal sealed class AddressRecordData(IPAddress address) : DnsRecordData
{
    /// <summary>The address; IPv6 scope ids are not part of the rdata.</summary>
    public IPAddress Address { get; } = address;

    /// <summary>The record type this address needs.</summary>
    public DnsRecordType RecordType => Address.AddressFamily == AddressFamily.InterNetworkV6 ? DnsRecordType.Aaaa : DnsRecordType.A;

    /// <inheritdoc/>
    public override bool TryWrite(ref DnsWriter writer, bool compress)
    {
        Span<byte> bytes = stackalloc byte[16];
        return Address.TryWriteBytes(bytes, out int written) && writer.TryWriteBytes(bytes[..written]);
    }

    /// <inheritdoc/>
    public override bool Equals(DnsRecordData? other) =>
        other is AddressRecordData address && address.Address.AddressFamily == Address.AddressFamily &&
        address.Canonical.AsSpan().SequenceEqual(Canonical);

    /// <inheritdoc/>
    public override int GetHashCode() => Address.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => Address.ToString();
}
