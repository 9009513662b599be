using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Querier;

internal sealed partial class MdnsQuerier
{
    /// <summary>Caches larger than this are not scanned for a query read in place; the full parser handles it.</summary>
    private const int MaxScannedCacheEntries = 64;

    /// <summary>
    /// Whether another host's query, read in place, could matter to us (<see cref="OnQuery"/>: a QM
    /// question we ask too, or one about records we cache). QU questions never do. When this says
    /// no, the engine answers the query without parsing it.
    /// </summary>
    public bool MayTakeNoteOf(scoped in WireQuery query)
    {
        foreach (WireQuestion question in query.Questions)
        {
            if (question.UnicastResponse)
            {
                continue;
            }
            foreach (ContinuousQuery continuous in _queries)
            {
                if (continuous.Type == question.Type && WireName.NameEquals(query.Message, question.NameOffset, continuous.Name))
                {
                    return true;
                }
            }
            if (_count == 0)
            {
                continue;
            }
            if (_cache.Count > MaxScannedCacheEntries)
            {
                return true;
            }
            foreach (KeyValuePair<(DnsName Name, DnsRecordType Type), List<CachedRecord>> entry in _cache)
            {
                if ((question.Type == DnsRecordType.Any || entry.Key.Type == question.Type) && entry.Value.Count > 0 &&
                    WireName.NameEquals(query.Message, question.NameOffset, entry.Key.Name))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
