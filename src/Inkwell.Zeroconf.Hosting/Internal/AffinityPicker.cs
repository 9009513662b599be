using System.Text;
using Grpc.Net.Client.Balancer;

namespace Inkwell.Zeroconf.Hosting.Internal;

/// <summary>
/// Picks among the ready subchannels: by the call's <see cref="DnsSdAffinityConfig.KeyHeader"/> when it has one (rendezvous
/// hashing: the subchannel whose address scores highest for the key, so a key only moves when its subchannel leaves or a
/// new one outscores it), else in turn.
/// </summary>
internal sealed class AffinityPicker : SubchannelPicker
{
    private readonly Subchannel[] _subchannels;
    private readonly string[] _addresses;
    private long _turn;

    public AffinityPicker(IReadOnlyList<Subchannel> readySubchannels)
    {
        _subchannels = [.. readySubchannels];
        // The address a subchannel is connected to names it the same way in every client and after every reconnect.
        _addresses = [.. _subchannels.Select(s => s.CurrentAddress?.EndPoint.ToString() ?? "")];
        _turn = Random.Shared.Next(_subchannels.Length);
    }

    public override PickResult Pick(PickContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request is { } request && request.Headers.TryGetValues(DnsSdAffinityConfig.KeyHeader, out IEnumerable<string>? values)
            && values.FirstOrDefault() is { Length: > 0 } key)
        {
            return PickResult.ForSubchannel(_subchannels[Winner(key, _addresses)]);
        }
        return PickResult.ForSubchannel(_subchannels[(int)(Interlocked.Increment(ref _turn) % _subchannels.Length)]);
    }

    /// <summary>The index of the address that scores highest for <paramref name="key"/> (ties: the first).</summary>
    internal static int Winner(string key, IReadOnlyList<string> addresses)
    {
        int winner = 0;
        ulong best = 0;
        for (int i = 0; i < addresses.Count; i++)
        {
            ulong score = Score(key, addresses[i]);
            if (i == 0 || score > best)
            {
                winner = i;
                best = score;
            }
        }
        return winner;
    }

    /// <summary>FNV-1a over the key and the address, then a final mix: the same in every process (unlike string.GetHashCode).</summary>
    private static ulong Score(string key, string address)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(key + "\n" + address))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        // FNV's low bits mix poorly for inputs that differ only at the end (the address): finish as SplitMix64 does.
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        return hash ^ (hash >> 31);
    }
}
