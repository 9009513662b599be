using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Responder;

/// <summary>
/// Records the responder owns under one unique name, probed, announced, renamed and withdrawn
/// together: the host's address records, or one service instance's SRV, TXT and PTRs.
/// </summary>
internal abstract class RecordSet(string baseLabel)
{
    private readonly Queue<DateTimeOffset> _conflicts = new();

    /// <summary>The label asked for, before any rename.</summary>
    public string BaseLabel { get; } = baseLabel;

    /// <summary>How many times the name was changed after conflicts.</summary>
    public int RenameCount { get; private set; }

    /// <summary>The label in use now.</summary>
    public string Label => RenameCount == 0 ? BaseLabel : RenamedLabel(RenameCount + 1);

    /// <summary>The unique name the set probes for.</summary>
    public abstract DnsName UniqueName { get; }

    public RecordSetState State { get; set; } = RecordSetState.Waiting;

    public int ProbesSent { get; set; }

    public int AnnouncementsSent { get; set; }

    public ITimer? Timer { get; set; }

    /// <summary>Completed with the final name when probing succeeds; faulted when the set is removed first.</summary>
    public TaskCompletionSource<string> Registered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called under the engine's gate when the set is established again under a new name (previous, new).</summary>
    public Action<string, string>? Renamed { get; set; }

    /// <summary>The label the set was last established under.</summary>
    public string? EstablishedLabel { get; set; }

    /// <summary>Whether the set's records may be given in answers (probing has succeeded, §8.1).</summary>
    public bool IsAnswering => State is RecordSetState.Announcing or RecordSetState.Established;

    /// <summary>The records the set owns on <paramref name="link"/>, with the given TTLs and cache-flush bits.</summary>
    public abstract DnsRecord[] RecordsOn(NetworkLink link);

    private DnsRecord[]? _nsecSource;
    private DnsRecord? _nsec;

    /// <summary>
    /// The NSEC record listing the types the unique name has on a link (RFC 6762 §6.1), built once
    /// per set of records.
    /// </summary>
    public DnsRecord NsecOn(NetworkLink link)
    {
        DnsRecord[] records = RecordsOn(link);
        if (ReferenceEquals(_nsecSource, records))
        {
            return _nsec!;
        }
        _nsecSource = records;
        _nsec = BuildNsec(UniqueName, records);
        return _nsec;
    }

    // Its own method: a lambda capturing a local allocates its closure on entry to the local's scope,
    // which would put an allocation on NsecOn's cache-hit path.
    private static DnsRecord BuildNsec(DnsName name, DnsRecord[] records)
    {
        ushort[] types = [.. records.Where(r => r.Name == name).Select(r => (ushort)r.Type)];
        return new DnsRecord(name, DnsRecordType.Nsec, DnsRecord.HostTtl, new NsecRecordData(name, types), CacheFlush: true);
    }

    /// <summary>The unique records (SRV/TXT, A/AAAA) proposed in probes' authority sections (§8.2).</summary>
    public IEnumerable<DnsRecord> UniqueRecordsOn(NetworkLink link) => RecordsOn(link).Where(r => r.CacheFlush && r.Name == UniqueName);

    /// <summary>The label after the <paramref name="number"/>th name: "Name (2)" for services, "host-2" for hosts.</summary>
    protected abstract string RenamedLabel(int number);

    /// <summary>Picks the next name and reports whether 15 conflicts in 10 s call for a 5 s pause (§8.1).</summary>
    public bool Rename(DateTimeOffset now)
    {
        RenameCount++;
        _conflicts.Enqueue(now);
        while (_conflicts.Count > 0 && now - _conflicts.Peek() > TimeSpan.FromSeconds(10))
        {
            _conflicts.Dequeue();
        }
        return _conflicts.Count >= 15;
    }
}
