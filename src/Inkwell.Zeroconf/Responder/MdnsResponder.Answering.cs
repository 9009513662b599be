using System.Net;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Engine;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Responder;

internal sealed partial class MdnsResponder
{
    private const int MaxHeldSources = 32;
    private const int MaxHeldKnownAnswers = 512;
    private static readonly TimeSpan s_multicastInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_probeDefenceInterval = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<(int Link, DnsName Name, DnsRecordType Type, DnsRecordData Data), DateTimeOffset> _lastMulticast = [];
    private readonly Dictionary<int, PendingResponse> _pending = [];
    private readonly Dictionary<IPEndPoint, HeldQuery> _held = [];
    private readonly List<DnsRecord> _matches = [];
    private readonly List<DnsRecord> _unicastAnswers = [];
    private readonly List<DnsRecord> _uniqueAnswers = [];
    private readonly List<DnsRecord> _sharedAnswers = [];
    private readonly List<DnsRecord> _additionalAnswers = [];

    /// <summary>Answers a query (§6), after a TC query's continuation packets when it has them (§7.2).</summary>
    public void OnQuery(DnsMessage message, IPEndPoint source, NetworkLink link)
    {
        if (_engine.Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            Internal.Log.QueryReceived(_engine.Logger, source, link.Name, string.Join(", ", message.Questions));
        }
        if (source.Port != MulticastDnsEndpoints.Port)
        {
            AnswerLegacy(message, source, link);
            return;
        }
        if (message.Authorities.Count > 0)
        {
            TieBreak(message, link);
        }
        if (message.IsTruncated || (message.Questions.Count == 0 && _held.ContainsKey(source)))
        {
            Hold(message, source, link);
            return;
        }
        if (message.Questions.Count > 0)
        {
            Answer(message.Questions, message.Answers, source, link, isProbe: message.Authorities.Count > 0, delayShared: true);
        }
    }

    /// <summary>
    /// Known answers continue in further packets after TC: hold the query 400–500 ms to collect them
    /// (§6, §7.2), bounded per source and in sources, so a flood of continuations cannot grow memory.
    /// </summary>
    private void Hold(DnsMessage message, IPEndPoint source, NetworkLink link)
    {
        if (!_held.TryGetValue(source, out HeldQuery? held))
        {
            if (_held.Count >= MaxHeldSources)
            {
                return;
            }
            held = new HeldQuery();
            _held[source] = held;
            _engine.Schedule(_engine.RandomDelay(400, 500), () =>
            {
                _held.Remove(source);
                if (held.Questions.Count > 0)
                {
                    Answer(held.Questions, held.KnownAnswers, source, link, isProbe: false, delayShared: false);
                }
            });
        }
        held.Questions.AddRange(message.Questions.Take(Math.Max(0, 64 - held.Questions.Count)));
        held.KnownAnswers.AddRange(message.Answers.Take(Math.Max(0, MaxHeldKnownAnswers - held.KnownAnswers.Count)));
    }

    /// <summary>
    /// Answers a plain query read in place (<see cref="WireQuery"/>): the hot path, which allocates
    /// nothing when the answer goes out at once (unique records, QU by unicast).
    /// </summary>
    public void OnQuery(scoped in WireQuery query, IPEndPoint source, NetworkLink link) =>
        Answer(new QueryView(query), source, link, isProbe: false, delayShared: true);

    private void Answer(IReadOnlyList<DnsQuestion> questions, IReadOnlyList<DnsRecord> knownAnswers, IPEndPoint source, NetworkLink link, bool isProbe, bool delayShared) =>
        Answer(new QueryView(questions, knownAnswers), source, link, isProbe, delayShared);

    /// <summary>
    /// Decides for every matching record how it goes out: by unicast, multicast at once, or multicast
    /// after the shared-answer delay. The lists are the responder's own, reused from query to query
    /// (everything here runs under the engine's gate).
    /// </summary>
    private void Answer(scoped QueryView query, IPEndPoint source, NetworkLink link, bool isProbe, bool delayShared)
    {
        DateTimeOffset now = _engine.Now;
        List<DnsRecord> unicast = _unicastAnswers, unique = _uniqueAnswers, shared = _sharedAnswers;
        unicast.Clear();
        unique.Clear();
        shared.Clear();
        for (int i = 0; i < query.Count; i++)
        {
            _matches.Clear();
            AddAnswers(query, i, link, _matches);
            foreach (DnsRecord record in _matches)
            {
                // §7.1: a known answer with at least half our TTL left is not repeated.
                if (query.IsKnownAnswer(record))
                {
                    continue;
                }
                // §5.4: QU is answered by unicast unless the record has not been multicast for a quarter of its TTL.
                // Probes are defended by multicast so every prober on the link sees the defence.
                bool byUnicast = query.UnicastResponse(i) && !isProbe &&
                    MulticastWithin(link, record, now, TimeSpan.FromSeconds(record.Ttl / 4.0));
                // A probe is answered at once, shared records too, so the prober sees the name is taken
                // within its 250 ms window (python-zeroconf probes with a QU PTR question and its PTR in Authority).
                AddUnique(byUnicast ? unicast : record.CacheFlush || isProbe ? unique : shared, record);
            }
        }
        if (unicast.Count > 0)
        {
            SendResponse(link, source, unicast);
        }
        // §21: never multicast a record on a link twice within a second (250 ms to defend against a probe).
        TimeSpan interval = isProbe ? s_probeDefenceInterval : s_multicastInterval;
        for (int i = unique.Count - 1; i >= 0; i--)
        {
            if (MulticastWithin(link, unique[i], now, interval))
            {
                unique.RemoveAt(i);
            }
        }
        if (unique.Count > 0)
        {
            SendResponse(link, null, unique); // §6: unique answers go at once
        }
        if (shared.Count > 0)
        {
            // §6: shared answers wait 20–120 ms so several responders' answers can be suppressed and
            // aggregated; after a TC query the 400–500 ms wait already happened.
            QueueShared(link, shared, delayShared ? _engine.RandomDelay(20, 120) : TimeSpan.Zero);
        }
    }

    /// <summary>Our records answering question <paramref name="index"/> on a link, and NSEC when the name is ours but the type is not (§6.1).</summary>
    private void AddAnswers(scoped QueryView query, int index, NetworkLink link, List<DnsRecord> answers)
    {
        foreach (RecordSet set in _sets)
        {
            if (!set.IsAnswering)
            {
                continue;
            }
            bool answered = false;
            foreach (DnsRecord record in set.RecordsOn(link))
            {
                if (query.IsAnsweredBy(index, record))
                {
                    answered = true;
                    answers.Add(record);
                }
            }
            if (!answered && query.Type(index) != DnsRecordType.Any && query.NameIs(index, set.UniqueName))
            {
                answers.Add(set.NsecOn(link));
            }
        }
    }

    /// <summary>Our records answering <paramref name="question"/> on a link (legacy unicast and our own querier; not the hot path).</summary>
    private List<DnsRecord> AnswersFor(DnsQuestion question, NetworkLink link)
    {
        var answers = new List<DnsRecord>();
        AddAnswers(new QueryView([question], []), 0, link, answers);
        return answers;
    }

    /// <summary>
    /// Records that save the asker a round trip (RFC 6763 §12): with a PTR its SRV, TXT and addresses,
    /// with an SRV the addresses, with an address the other family's addresses or NSEC (§6.2).
    /// </summary>
    private void AddAdditionals(List<DnsRecord> answers, NetworkLink link, List<DnsRecord> additionals)
    {
        bool addHost = false;
        foreach (DnsRecord answer in answers)
        {
            if (answer.Type == DnsRecordType.Ptr && answer.Data is PtrRecordData ptr)
            {
                foreach (RecordSet set in _sets)
                {
                    if (set is ServiceRecordSet service && service.IsAnswering && service.UniqueName == ptr.Target)
                    {
                        foreach (DnsRecord record in service.RecordsOn(link))
                        {
                            if (record.Name == service.UniqueName)
                            {
                                AddUnique(additionals, record);
                            }
                        }
                        addHost = true;
                    }
                }
            }
            else if (answer.Type == DnsRecordType.Srv || (answer.Type is DnsRecordType.A or DnsRecordType.Aaaa && answer.Name == Host.UniqueName))
            {
                addHost = true;
            }
        }
        if (addHost && Host.IsAnswering)
        {
            bool hasA = false, hasAaaa = false;
            foreach (DnsRecord record in Host.RecordsOn(link))
            {
                if (record.Type is DnsRecordType.A or DnsRecordType.Aaaa)
                {
                    AddUnique(additionals, record);
                    hasA |= record.Type == DnsRecordType.A;
                    hasAaaa |= record.Type == DnsRecordType.Aaaa;
                }
            }
            if (!hasA || !hasAaaa)
            {
                AddUnique(additionals, Host.NsecOn(link));
            }
        }
        for (int i = additionals.Count - 1; i >= 0; i--)
        {
            if (Contains(answers, additionals[i]))
            {
                additionals.RemoveAt(i);
            }
        }
    }

    private List<DnsRecord> AdditionalsFor(List<DnsRecord> answers, NetworkLink link)
    {
        var additionals = new List<DnsRecord>();
        AddAdditionals(answers, link, additionals);
        return additionals;
    }

    /// <summary>Sends a response with its additional records, remembers multicasts, and lets our own querier see it.</summary>
    private void SendResponse(NetworkLink link, IPEndPoint? destination, List<DnsRecord> answers)
    {
        List<DnsRecord> additionals = _additionalAnswers;
        additionals.Clear();
        AddAdditionals(answers, link, additionals);
        if (_engine.Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            Internal.Log.Answered(_engine.Logger, answers.Count, link.Name, destination?.ToString() ?? "the group");
        }
        _engine.Send(link, destination, 0, DnsMessage.ResponseFlag | DnsMessage.AuthoritativeFlag, [], answers, null, additionals);
        if (destination is null)
        {
            DateTimeOffset now = _engine.Now;
            if (_lastMulticast.Count > 4096)
            {
                ForgetOldMulticasts(now);
            }
            foreach (DnsRecord record in answers)
            {
                _lastMulticast[(link.Index, record.Name, record.Type, record.Data)] = now;
            }
            foreach (DnsRecord record in additionals)
            {
                _lastMulticast[(link.Index, record.Name, record.Type, record.Data)] = now;
            }
        }
        // Our own browses see our records: while something is asked continuously, as they go out;
        // a query that starts later is answered locally when it starts (MdnsQuerier.AnswerLocally).
        if (_engine.Querier.QueryCount > 0)
        {
            _engine.Querier.OnOwnRecords([.. answers, .. additionals], link);
        }
    }

    // Its own method: the lambda's closure over `now` would otherwise be allocated on every multicast.
    private void ForgetOldMulticasts(DateTimeOffset now)
    {
        foreach (var key in _lastMulticast.Where(e => now - e.Value > TimeSpan.FromHours(1)).Select(e => e.Key).ToArray())
        {
            _lastMulticast.Remove(key);
        }
    }

    /// <summary>
    /// Legacy unicast (§6.7): a resolver not on port 5353 gets a unicast reply with its ID and
    /// question, TTLs of at most 10 s and no cache-flush bits.
    /// </summary>
    private void AnswerLegacy(DnsMessage message, IPEndPoint source, NetworkLink link)
    {
        var answers = new List<DnsRecord>();
        foreach (DnsQuestion question in message.Questions)
        {
            foreach (DnsRecord record in AnswersFor(question, link))
            {
                AddUnique(answers, Legacy(record));
            }
        }
        if (answers.Count == 0)
        {
            return;
        }
        List<DnsRecord> additionals = [.. AdditionalsFor(answers, link).Select(Legacy)];
        _engine.Send(link, source, message.Id, DnsMessage.ResponseFlag | DnsMessage.AuthoritativeFlag, message.Questions, answers, null, additionals);

        static DnsRecord Legacy(DnsRecord record) => record with { Ttl = Math.Min(record.Ttl, 10u), CacheFlush = false };
    }

    /// <summary>
    /// Adds shared answers to the link's pending response and (re)arms its timer for the earliest
    /// due time. The pending response and its timer live as long as the link is used, so a delayed
    /// answer allocates nothing once the link has answered before.
    /// </summary>
    private void QueueShared(NetworkLink link, List<DnsRecord> records, TimeSpan delay)
    {
        DateTimeOffset due = _engine.Now + delay;
        if (!_pending.TryGetValue(link.Index, out PendingResponse? pending))
        {
            pending = new PendingResponse();
            int index = link.Index;
            pending.Timer = _engine.CreateTimer(() => FlushShared(index));
            _pending[index] = pending;
        }
        pending.Link = link;
        if (!pending.IsArmed || due < pending.Due)
        {
            pending.IsArmed = true;
            pending.Due = due;
            MdnsEngine.Arm(pending.Timer!, delay);
        }
        foreach (DnsRecord record in records)
        {
            AddUnique(pending.Records, record);
        }
    }

    private void FlushShared(int linkIndex)
    {
        if (!_pending.TryGetValue(linkIndex, out PendingResponse? pending) || !pending.IsArmed)
        {
            return;
        }
        pending.IsArmed = false;
        NetworkLink link = pending.Link!;
        DateTimeOffset now = _engine.Now;
        List<DnsRecord> records = pending.Records;
        for (int i = records.Count - 1; i >= 0; i--)
        {
            if (MulticastWithin(link, records[i], now, s_multicastInterval))
            {
                records.RemoveAt(i);
            }
        }
        if (records.Count > 0)
        {
            SendResponse(link, null, records);
        }
        records.Clear();
    }

    /// <summary>§7.4: another responder multicast an answer we were about to give; do not repeat it.</summary>
    private void SuppressDuplicateAnswer(DnsRecord record, NetworkLink link)
    {
        if (_pending.TryGetValue(link.Index, out PendingResponse? pending))
        {
            pending.Records.RemoveAll(r => record.Ttl >= r.Ttl / 2 && r.IsSameRecord(record));
        }
    }

    private bool MulticastWithin(NetworkLink link, DnsRecord record, DateTimeOffset now, TimeSpan window) =>
        _lastMulticast.TryGetValue((link.Index, record.Name, record.Type, record.Data), out DateTimeOffset last) && now - last < window;

    private static void AddUnique(List<DnsRecord> list, DnsRecord record)
    {
        if (!Contains(list, record))
        {
            list.Add(record);
        }
    }

    private static bool Contains(List<DnsRecord> list, DnsRecord record)
    {
        foreach (DnsRecord r in list)
        {
            if (r.IsSameRecord(record))
            {
                return true;
            }
        }
        return false;
    }

    private sealed class PendingResponse
    {
        public List<DnsRecord> Records { get; } = [];

        public NetworkLink? Link { get; set; }

        public bool IsArmed { get; set; }

        public DateTimeOffset Due { get; set; }

        public ITimer? Timer { get; set; }
    }

    private sealed class HeldQuery
    {
        public List<DnsQuestion> Questions { get; } = [];

        public List<DnsRecord> KnownAnswers { get; } = [];
    }
}
