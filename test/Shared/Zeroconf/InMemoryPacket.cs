using System.Net;

namespace Inkwell.Testing.Zeroconf;

/// <summary>A packet on the in-memory network, as its log records it; a null destination means multicast.</summary>
internal sealed record InMemoryPacket(DateTimeOffset Time, string From, IPEndPoint Source, IPEndPoint? Destination, byte[] Data);
