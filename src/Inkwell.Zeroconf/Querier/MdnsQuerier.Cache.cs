using System.Net;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Querier;

internal sealed partial class MdnsQuerier
{
    /// <summary>Most records cached at once; the record closest to expiry makes room (python-zeroconf caps at 10,000, Avahi at 4,096 per interface).</summary>
    public const int MaxRecords = 4096;

    private static readonly TimeSpan s_oneSecond = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_poofWindow = TimeSpan.FromSeconds(10);

    private readonly Dictionary<(DnsName Name, DnsRecordType Type), List<CachedRecord>> _cache = [];
    private int _count;
    private ITimer? _maintenance;
    private DateTimeOffset _maintenanceDue = DateTimeOffset.MaxValue;

    /// <summary>How many records are cached.</summary>
    public int Count => _count;

    /// <summary>Live cached records for a name and type (ANY: every type).</summary>
    public IEnumerable<CachedRecord> Lookup(DnsName name, DnsRecordType type)
    {
        DateTimeOffset now = engine.Now;
        if (type == DnsRecordType.Any)
        {
            return _cache.Where(e => e.Key.Name == name).SelectMany(e => e.Value).Where(c => c.Expires > now).ToList();
        }
        return _cache.TryGetValue((name, type), out List<CachedRecord>? list) ? list.Where(c => c.Expires > now).ToList() : [];
    }

    /// <summary>Live cached PTR records, under any name, that point at <paramref name="target"/> (a service type's and its subtypes' PTRs to an instance).</summary>
    public List<CachedRecord> PointersTo(DnsName target)
    {
        DateTimeOffset now = engine.Now;
        return [.. _cache.Where(e => e.Key.Type == DnsRecordType.Ptr).SelectMany(e => e.Value)
            .Where(c => c.Expires > now && c.Record.Data is PtrRecordData ptr && ptr.Target == target)];
    }

    /// <summary>A response from the network, sent from <paramref name="source"/>.</summary>
    public void OnResponse(DnsMessage message, NetworkLink link, IPAddress source) =>
        Ingest(message.Answers.Concat(message.Additionals), link, IsThisHost(source) ? RecordOrigin.ThisHost : RecordOrigin.Network);

    /// <summary>Records our own responder sent or would send: our own service is visible to our own browse.</summary>
    public void OnOwnRecords(IReadOnlyList<DnsRecord> records, NetworkLink link) => Ingest(records, link, RecordOrigin.Own);

    /// <summary>Whether another responder on this host sent it: the source is one of our links' addresses (scope ignored).</summary>
    private bool IsThisHost(IPAddress source)
    {
        if (source.IsIPv4MappedToIPv6)
        {
            source = source.MapToIPv4();
        }
        if (IPAddress.IsLoopback(source))
        {
            return true;
        }
        Span<byte> sourceBytes = stackalloc byte[16];
        Span<byte> ownBytes = stackalloc byte[16];
        source.TryWriteBytes(sourceBytes, out int length);
        foreach (NetworkLink link in engine.Links)
        {
            foreach (LinkAddress own in link.Addresses)
            {
                if (own.Address.AddressFamily == source.AddressFamily && own.Address.TryWriteBytes(ownBytes, out int ownLength) &&
                    ownLength == length && ownBytes[..length].SequenceEqual(sourceBytes[..length]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private void Ingest(IEnumerable<DnsRecord> records, NetworkLink link, RecordOrigin origin)
    {
        DateTimeOffset now = engine.Now;
        foreach (DnsRecord record in records)
        {
            if (record.Type is DnsRecordType.Opt or DnsRecordType.Nsec or DnsRecordType.Any)
            {
                continue;
            }
            if (!_cache.TryGetValue((record.Name, record.Type), out List<CachedRecord>? list))
            {
                list = [];
                _cache[(record.Name, record.Type)] = list;
            }
            if (record.CacheFlush && record.Ttl > 0)
            {
                // §10.2: other rdata for this name and type that arrived over a second ago expires in one second.
                foreach (CachedRecord other in list)
                {
                    if (other.Link.Index == link.Index && now - other.Received > s_oneSecond && other.Expires > now + s_oneSecond && !other.Record.Data.Equals(record.Data))
                    {
                        other.Expires = now + s_oneSecond;
                        ScheduleMaintenance(other.Expires);
                    }
                }
            }
            CachedRecord? existing = list.Find(c => c.Link.Index == link.Index && c.Record.Data.Equals(record.Data));
            if (record.Ttl == 0)
            {
                // §10.1: a goodbye; the record goes in one second, so a quick re-announcement can save it.
                if (existing is not null && existing.Expires > now + s_oneSecond)
                {
                    existing.Expires = now + s_oneSecond;
                    ScheduleMaintenance(existing.Expires);
                }
                continue;
            }
            if (existing is not null)
            {
                existing.Record = record;
                existing.Received = now;
                existing.Expires = now + TimeSpan.FromSeconds(record.Ttl);
                existing.UnansweredQueries = 0;
                existing.Origin = (RecordOrigin)Math.Max((int)existing.Origin, (int)origin);
                ResetRefresh(existing);
                Reconfirmed(existing);
                continue;
            }
            if (_count >= MaxRecords)
            {
                EvictSoonestExpiring();
            }
            var cached = new CachedRecord(record, link, now, origin);
            ResetRefresh(cached);
            list.Add(cached);
            _count++;
            foreach (ICacheObserver observer in _observers.ToArray())
            {
                observer.OnAdded(cached);
            }
        }
    }

    /// <summary>§5.2: refresh at 80, 85, 90 and 95 % of the TTL, each with 0–2 % random jitter.</summary>
    private void ResetRefresh(CachedRecord cached)
    {
        cached.RefreshStage = 0;
        cached.NextRefresh = RefreshTime(cached);
        ScheduleMaintenance(cached.NextRefresh);
        ScheduleMaintenance(cached.Expires);
    }

    private DateTimeOffset RefreshTime(CachedRecord cached) =>
        cached.Received + TimeSpan.FromSeconds(cached.Record.Ttl * (0.80 + 0.05 * cached.RefreshStage + engine.Random.NextDouble() * 0.02));

    private void ScheduleMaintenance(DateTimeOffset due)
    {
        if (due >= _maintenanceDue && _maintenance is not null)
        {
            return;
        }
        _maintenance?.Dispose();
        _maintenanceDue = due;
        _maintenance = engine.Schedule(due - engine.Now, Maintain);
    }

    /// <summary>Expires, POOF-flushes and refreshes cached records; then sleeps until the next one is due.</summary>
    private void Maintain()
    {
        DateTimeOffset now = engine.Now;
        _maintenance = null;
        _maintenanceDue = DateTimeOffset.MaxValue;
        var refresh = new Dictionary<NetworkLink, List<DnsQuestion>>();
        DateTimeOffset next = DateTimeOffset.MaxValue;
        foreach (List<CachedRecord> list in _cache.Values)
        {
            foreach (CachedRecord cached in list.ToArray())
            {
                bool poof = cached.UnansweredQueries >= 2 && now >= cached.FirstUnansweredQuery + s_poofWindow;
                if (now >= cached.Expires || poof)
                {
                    if (poof)
                    {
                        Log.Poof(engine.Logger, cached.Record.ToString());
                    }
                    Remove(list, cached);
                    continue;
                }
                if (cached.RefreshStage < 4 && now >= cached.NextRefresh)
                {
                    if (IsQueried(cached.Record))
                    {
                        if (!refresh.TryGetValue(cached.Link, out List<DnsQuestion>? questions))
                        {
                            refresh[cached.Link] = questions = [];
                        }
                        var question = new DnsQuestion(cached.Record.Name, cached.Record.Type);
                        if (!questions.Contains(question))
                        {
                            questions.Add(question);
                        }
                    }
                    cached.RefreshStage++;
                    cached.NextRefresh = cached.RefreshStage < 4 ? RefreshTime(cached) : DateTimeOffset.MaxValue;
                }
                next = Min(next, cached.Expires);
                next = Min(next, cached.NextRefresh);
                if (cached.UnansweredQueries >= 2)
                {
                    next = Min(next, cached.FirstUnansweredQuery + s_poofWindow);
                }
            }
        }
        foreach (var key in _cache.Where(e => e.Value.Count == 0).Select(e => e.Key).ToArray())
        {
            _cache.Remove(key);
        }
        foreach ((NetworkLink link, List<DnsQuestion> questions) in refresh)
        {
            engine.Send(link, null, 0, 0, questions, []);
        }
        if (next != DateTimeOffset.MaxValue)
        {
            ScheduleMaintenance(next);
        }

        static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    }

    private void EvictSoonestExpiring()
    {
        Log.CacheFull(engine.Logger, _count);
        (List<CachedRecord> List, CachedRecord Record)? victim = null;
        foreach (List<CachedRecord> list in _cache.Values)
        {
            foreach (CachedRecord cached in list)
            {
                if (victim is null || cached.Expires < victim.Value.Record.Expires)
                {
                    victim = (list, cached);
                }
            }
        }
        if (victim is { } v)
        {
            Remove(v.List, v.Record);
        }
    }

    private void Remove(List<CachedRecord> list, CachedRecord cached)
    {
        if (!list.Remove(cached))
        {
            return;
        }
        _count--;
        Unconfirmed(cached);
        foreach (ICacheObserver observer in _observers.ToArray())
        {
            observer.OnRemoved(cached);
        }
    }
}
