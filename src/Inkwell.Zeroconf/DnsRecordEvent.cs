using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf;

/// <summary>A resource record appearing in or leaving the cache, for raw queries (<c>dns-sd -Q</c>).</summary>
/// <param name="Kind">Whether the record appeared or went (as <see cref="ServiceBrowseEvent.Kind"/> says of instances).</param>
/// <param name="Name">The record's name.</param>
/// <param name="Type">The record's type.</param>
/// <param name="Class">The record's class (1 = IN).</param>
/// <param name="Ttl">The TTL in seconds when received.</param>
/// <param name="Data">The rdata in presentation form.</param>
/// <param name="RawData">The rdata bytes, uncompressed.</param>
/// <param name="InterfaceName">The interface it came from.</param>
/// <param name="InterfaceIndex">That interface's index.</param>
public sealed record DnsRecordEvent(DnsRecordEventKind Kind, string Name, DnsRecordType Type, int Class, uint Ttl, string Data, ReadOnlyMemory<byte> RawData, string InterfaceName, int InterfaceIndex);
