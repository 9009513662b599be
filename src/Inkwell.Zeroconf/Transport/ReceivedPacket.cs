using System.Net;

namespace Inkwell.Zeroconf.Transport;

/// <summary>A datagram as received: its bytes, who sent it, and the link it arrived on.</summary>
internal readonly record struct ReceivedPacket(ReadOnlyMemory<byte> Data, IPEndPoint Source, NetworkLink Link);
