using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Internal;

/// <summary>
/// Picks the SRV record a client should use (RFC 6763 §5, RFC 2782 "Usage rules"): the lowest
/// priority, and among those RFC 2782's weighted random choice, literally (as Go's resolver does):
/// zero weights first, a uniform draw over 0..sum inclusive, the first running sum at or above it.
/// Heavier records win more often (weights 1 and 3 split 2:3, since the draw has sum + 1 values);
/// weight 0 wins only on a draw of 0 while others have weight, evenly when all are 0.
/// </summary>
internal static class SrvSelection
{
    /// <summary>Chooses one of <paramref name="candidates"/>; null when there are none.</summary>
    public static T? Choose<T>(IReadOnlyList<T> candidates, Func<T, SrvRecordData> srv, Random random) where T : class
    {
        if (candidates.Count == 0)
        {
            return null;
        }
        int lowest = candidates.Min(c => srv(c).Priority);
        // RFC 2782: zero-weight records first, so their running sum is 0 and a draw of 0 alone picks them.
        List<T> group = [.. candidates.Where(c => srv(c).Priority == lowest).OrderBy(c => srv(c).Weight == 0 ? 0 : 1)];
        int total = group.Sum(c => srv(c).Weight);
        if (total == 0)
        {
            return group[random.Next(group.Count)];
        }
        int draw = random.Next(total + 1); // uniform over 0..total, inclusive
        int running = 0;
        foreach (T candidate in group)
        {
            running += srv(candidate).Weight;
            if (running >= draw)
            {
                return candidate;
            }
        }
        return group[^1];
    }
}
