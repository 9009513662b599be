using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Responder;

internal sealed partial class MdnsResponder
{
    /// <summary>
    /// A response on the link: a record for a name we are probing is a conflict (§8.1); a
    /// different record of a unique type we already own sends us back to probing (§9). Identical
    /// records are no conflict. Also drops pending shared answers someone else just gave (§7.4).
    /// </summary>
    public void OnResponse(DnsMessage message, NetworkLink link)
    {
        foreach (DnsRecord record in message.AllRecords)
        {
            SuppressDuplicateAnswer(record, link);
            foreach (RecordSet set in _sets.ToArray())
            {
                if (set.State is RecordSetState.Waiting or RecordSetState.Removed || record.Name != set.UniqueName)
                {
                    continue;
                }
                List<DnsRecord> ours = [.. set.RecordsOn(link).Where(r => r.Name == set.UniqueName)];
                if (ours.Any(r => r.IsSameRecord(record)) || record.Type is DnsRecordType.Nsec or DnsRecordType.Opt)
                {
                    continue;
                }
                if (set.State == RecordSetState.Probing)
                {
                    Conflict(set);
                }
                else if (record.Ttl > 0 && ours.Any(r => r.CacheFlush && r.Type == record.Type && r.Class == record.Class))
                {
                    Log.ConflictAfterEstablished(_engine.Logger, set.UniqueName.ToString());
                    BeginProbing(set, TimeSpan.Zero);
                }
            }
        }
    }

    private void Conflict(RecordSet set)
    {
        string old = set.UniqueName.ToString();
        bool rateLimited = set.Rename(_engine.Now);
        Log.Renamed(_engine.Logger, old, set.UniqueName.ToString());
        if (rateLimited)
        {
            Log.ConflictRateLimited(_engine.Logger, set.UniqueName.ToString());
        }
        BeginProbing(set, rateLimited ? TimeSpan.FromSeconds(5) : _engine.RandomDelay(0, 250));
    }

    /// <summary>
    /// Simultaneous probes (§8.2): compare our proposed records for the name with theirs; the
    /// lexicographically later set wins, the loser waits one second and probes again.
    /// </summary>
    private void TieBreak(DnsMessage probe, NetworkLink link)
    {
        foreach (RecordSet set in _sets)
        {
            if (set.State != RecordSetState.Probing || !probe.Questions.Any(q => q.Name == set.UniqueName))
            {
                continue;
            }
            List<DnsRecord> theirs = [.. probe.Authorities.Where(r => r.Name == set.UniqueName)];
            if (theirs.Count == 0)
            {
                continue;
            }
            if (CompareForTieBreak([.. set.UniqueRecordsOn(link)], theirs) < 0)
            {
                Log.LostTieBreak(_engine.Logger, set.UniqueName.ToString());
                set.Timer?.Dispose();
                set.ProbesSent = 0;
                set.Timer = _engine.Schedule(TimeSpan.FromSeconds(1), () => SendProbe(set));
            }
        }
    }

    /// <summary>Orders record lists as §8.2 says: sorted by class, type, then rdata bytes; a longer list is later.</summary>
    internal static int CompareForTieBreak(IReadOnlyList<DnsRecord> ours, IReadOnlyList<DnsRecord> theirs)
    {
        List<(int Class, int Type, byte[] Data)> a = Sorted(ours), b = Sorted(theirs);
        for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            int c = a[i].Class.CompareTo(b[i].Class);
            if (c == 0)
            {
                c = a[i].Type.CompareTo(b[i].Type);
            }
            if (c == 0)
            {
                c = a[i].Data.AsSpan().SequenceCompareTo(b[i].Data);
            }
            if (c != 0)
            {
                return c;
            }
        }
        return a.Count.CompareTo(b.Count);

        static List<(int, int, byte[])> Sorted(IReadOnlyList<DnsRecord> records) =>
            [.. records.Select(r => ((int)r.Class, (int)r.Type, r.Data.GetCanonicalBytes()))
                .OrderBy(t => t.Item1).ThenBy(t => t.Item2).ThenBy(t => t.Item3, ByteArrayComparer.Instance)];
    }

    private sealed class ByteArrayComparer : IComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
