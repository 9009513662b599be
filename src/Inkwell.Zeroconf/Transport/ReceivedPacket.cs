using System.Net;

namespace Inkwell.Zeroconf.Transport;

/// <summary>A datagram as received: its bytes, who sent it, the link it arrived on, and whether it was sent to us alone rather than to the group.</summary>
internal readonly record struct ReceivedPacket(ReadOnlyMemory<byte> Data, IPEndPoint Source, NetworkLink Link, bool IsUnicast = false);
