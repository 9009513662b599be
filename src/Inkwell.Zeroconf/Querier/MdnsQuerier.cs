using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Engine;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Querier;

/// <summary>
/// Asks continuous questions with backoff and keeps a bounded TTL cache with refresh, expiry,
/// cache-flush, goodbye and POOF handling (RFC 6762 §5, §7, §10). Called under the engine's gate only.
/// </summary>
internal sealed partial class MdnsQuerier(MdnsEngine engine)
{
    private static readonly TimeSpan s_maxInterval = TimeSpan.FromMinutes(60);

    private readonly List<ContinuousQuery> _queries = [];
    private readonly List<ICacheObserver> _observers = [];

    /// <summary>Starts (or joins) a continuous query: first after 20–120 ms with QU set, then 1 s, doubling to 60 min.</summary>
    public ContinuousQuery StartQuery(DnsName name, DnsRecordType type)
    {
        ContinuousQuery? query = _queries.Find(q => q.Name == name && q.Type == type);
        if (query is not null)
        {
            query.References++;
            return query;
        }
        query = new ContinuousQuery(name, type);
        _queries.Add(query);
        AnswerLocally(query);
        query.Timer = engine.Schedule(engine.RandomDelay(20, 120), () => SendQuery(query));
        return query;
    }

    public void StopQuery(ContinuousQuery query)
    {
        if (--query.References <= 0)
        {
            query.Timer?.Dispose();
            _queries.Remove(query);
        }
    }

    public void Subscribe(ICacheObserver observer) => _observers.Add(observer);

    public void Unsubscribe(ICacheObserver observer) => _observers.Remove(observer);

    public bool IsQueried(DnsRecord record) => _queries.Exists(q => q.Matches(record));

    /// <summary>How many distinct questions are being asked continuously.</summary>
    public int QueryCount => _queries.Count;

    private void SendQuery(ContinuousQuery query)
    {
        if (!_queries.Contains(query))
        {
            return;
        }
        if (query.SkipNext)
        {
            query.SkipNext = false;
        }
        else
        {
            DateTimeOffset now = engine.Now;
            var question = new DnsQuestion(query.Name, query.Type, UnicastResponse: query.Sent == 0);
            foreach (NetworkLink link in engine.Links)
            {
                engine.Send(link, null, 0, 0, [question], KnownAnswers(query, link, now));
            }
            AnswerLocally(query);
        }
        query.Sent++;
        query.Interval = query.Sent == 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(query.Interval.Ticks * 2, s_maxInterval.Ticks));
        query.Timer = engine.Schedule(query.Interval, () => SendQuery(query));
    }

    /// <summary>Cached answers with more than half their TTL left (§7.1).</summary>
    private List<DnsRecord> KnownAnswers(ContinuousQuery query, NetworkLink link, DateTimeOffset now)
    {
        var known = new List<DnsRecord>();
        foreach (CachedRecord cached in Lookup(query.Name, query.Type))
        {
            if (cached.Link.Index == link.Index && cached.RemainingTtl(now) > cached.Record.Ttl / 2)
            {
                known.Add(cached.AsKnownAnswer(now));
            }
        }
        return known;
    }

    private void AnswerLocally(ContinuousQuery query)
    {
        engine.Schedule(TimeSpan.Zero, () =>
        {
            foreach (NetworkLink link in engine.Links)
            {
                List<DnsRecord> answers = engine.Responder.LocalAnswers([new DnsQuestion(query.Name, query.Type)], link);
                if (answers.Count > 0)
                {
                    OnOwnRecords(answers, link);
                }
            }
        });
    }

    /// <summary>
    /// Another host's query: the same QM question with no known answer we lack means ours can be
    /// skipped (§7.3); a cached record it should have drawn out counts towards POOF (§10.5).
    /// </summary>
    public void OnQuery(DnsMessage message, NetworkLink link)
    {
        DateTimeOffset now = engine.Now;
        foreach (DnsQuestion question in message.Questions)
        {
            if (question.UnicastResponse)
            {
                continue;
            }
            foreach (ContinuousQuery query in _queries)
            {
                if (query.Name == question.Name && query.Type == question.Type && query.Sent > 0 &&
                    KnownAnswers(query, link, now).All(k => message.Answers.Any(a => a.IsSameRecord(k))))
                {
                    query.SkipNext = true;
                }
            }
            foreach (CachedRecord cached in Lookup(question.Name, question.Type))
            {
                if (cached.Link.Index != link.Index || message.Answers.Any(a => a.IsSameRecord(cached.Record)))
                {
                    continue;
                }
                if (cached.UnansweredQueries == 0)
                {
                    cached.FirstUnansweredQuery = now;
                }
                cached.UnansweredQueries++;
                ScheduleMaintenance(cached.FirstUnansweredQuery + s_poofWindow);
            }
        }
    }

    /// <summary>§5.4, §8: after an interface change, each continuous query starts over, its first query with QU.</summary>
    public void OnLinksChanged()
    {
        foreach (ContinuousQuery query in _queries)
        {
            query.Timer?.Dispose();
            query.Sent = 0;
            query.SkipNext = false;
            query.Timer = engine.Schedule(engine.RandomDelay(20, 120), () => SendQuery(query));
        }
    }

    public void Shutdown()
    {
        foreach (ContinuousQuery query in _queries)
        {
            query.Timer?.Dispose();
        }
        _queries.Clear();
        _maintenance?.Dispose();
        foreach (Reconfirmation reconfirmation in _cache.Values.SelectMany(l => l).SelectMany(c => c.Reconfirmations ?? []).Distinct().ToArray())
        {
            reconfirmation.Timer?.Dispose();
            reconfirmation.Result.TrySetException(new ObjectDisposedException(nameof(DnsServiceDiscovery)));
        }
    }
}
