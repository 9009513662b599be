using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf.Tests.Querier;

/// <summary>Checklist 14: SRV priority and weight (RFC 6763 §5, RFC 2782), with seeded randomness.</summary>
public sealed class SrvSelectionTests
{
    private static readonly DnsName s_target = DnsName.Parse("host.local");

    private static Dictionary<ushort, int> Draw(int seed, int draws, params (ushort Priority, ushort Weight, ushort Port)[] records)
    {
        SrvRecordData[] candidates = [.. records.Select(r => new SrvRecordData(r.Priority, r.Weight, r.Port, s_target))];
        var random = new Random(seed);
        var counts = candidates.ToDictionary(c => c.Port, _ => 0);
        for (int i = 0; i < draws; i++)
        {
            counts[SrvSelection.Choose(candidates, c => c, random)!.Port]++;
        }
        return counts;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void C14_LowestPriorityAlwaysWins_WhateverTheWeights(int seed)
    {
        Dictionary<ushort, int> counts = Draw(seed, 1000, (10, 60000, 1), (1, 1, 2), (5, 0, 3));
        Assert.Equal(1000, counts[2]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void C14_EqualPriority_IsAWeightedRandomChoice(int seed)
    {
        Dictionary<ushort, int> counts = Draw(seed, 10_000, (0, 1, 1), (0, 3, 2));
        // RFC 2782: a uniform draw over 0..4 against running sums 1 and 4: draws 0–1 pick weight 1, 2–4 weight 3.
        Assert.InRange(counts[1] / 10_000.0, 0.36, 0.44);
        Assert.InRange(counts[2] / 10_000.0, 0.56, 0.64);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void C14_WeightZero_IsPickedRarely_AndEvenlyWhenAllAreZero(int seed)
    {
        Dictionary<ushort, int> rare = Draw(seed, 10_000, (0, 0, 1), (0, 99, 2));
        Assert.InRange(rare[1], 50, 200); // 1 in 100 draws
        Dictionary<ushort, int> even = Draw(seed, 10_000, (0, 0, 1), (0, 0, 2));
        Assert.InRange(even[1] / 10_000.0, 0.45, 0.55);
    }
}
