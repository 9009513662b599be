namespace Inkwell.Zeroconf.Dns;

/// <summary>A question located in a received message: where its name starts, its type, class and QU bit.</summary>
internal readonly record struct WireQuestion(int NameOffset, DnsRecordType Type, ushort Class, bool UnicastResponse);
