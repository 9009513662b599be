namespace Inkwell.Zeroconf.Tests.Support;

internal static class InMemoryPacketAssert
{
    /// <summary>Exactly one packet matching <paramref name="match"/> reached the peer, and it was sent unicast to it.</summary>
    public static void SingleUnicastTo(SimulatedLan lan, RawPeer peer, Func<HeardPacket, bool> match)
    {
        HeardPacket heard = Assert.Single(peer.Heard, p => match(p));
        InMemoryPacket sent = lan.Network.Log.Last(p => p.Source.Equals(heard.Source));
        Assert.NotNull(sent.Destination);
        Assert.Equal(peer.Transport.Address, sent.Destination!.Address);
    }
}
