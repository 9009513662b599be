using System.Net;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Responder;

internal sealed partial class MdnsResponder
{
    private const int MaxHeldSources = 32;
    private const int MaxHeldKnownAnswers = 512;
    private static readonly TimeSpan MulticastInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProbeDefenceInterval = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<(int Link, DnsName Name, DnsRecordType Type, DnsRecordData Data), DateTimeOffset> _lastMulticast = [];
    private readonly Dictionary<int, PendingResponse> _pending = [];
    private readonly Dictionary<IPEndPoint, HeldQuery> _held = [];

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

    private void Answer(IReadOnlyList<DnsQuestion> questions, IReadOnlyList<DnsRecord> knownAnswers, IPEndPoint source, NetworkLink link, bool isProbe, bool delayShared)
    {
        DateTimeOffset now = _engine.Now;
        List<DnsRecord> unicast = [], unique = [], shared = [];
        foreach (DnsQuestion question in questions)
        {
            foreach (DnsRecord record in AnswersFor(question, link))
            {
                // §7.1: a known answer with at least half our TTL left is not repeated.
                if (knownAnswers.Any(k => k.Ttl >= record.Ttl / 2 && k.IsSameRecord(record)))
                {
                    continue;
                }
                // §5.4: QU is answered by unicast unless the record has not been multicast for a quarter of its TTL.
                // Probes are defended by multicast so every prober on the link sees the defence.
                bool byUnicast = question.UnicastResponse && !isProbe &&
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
        TimeSpan interval = isProbe ? ProbeDefenceInterval : MulticastInterval;
        unique.RemoveAll(r => MulticastWithin(link, r, now, interval));
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

    /// <summary>Our records answering <paramref name="question"/> on a link, and NSEC when the name is ours but the type is not (§6.1).</summary>
    private IEnumerable<DnsRecord> AnswersFor(DnsQuestion question, NetworkLink link)
    {
        foreach (RecordSet set in _sets)
        {
            if (!set.IsAnswering)
            {
                continue;
            }
            bool ownName = question.Name == set.UniqueName;
            bool answered = false;
            foreach (DnsRecord record in set.RecordsOn(link))
            {
                if (question.IsAnsweredBy(record))
                {
                    answered = true;
                    yield return record;
                }
            }
            if (ownName && !answered && question.Type != DnsRecordType.Any)
            {
                yield return Nsec(set, link);
            }
        }
    }

    private static DnsRecord Nsec(RecordSet set, NetworkLink link)
    {
        ushort[] types = [.. set.RecordsOn(link).Where(r => r.Name == set.UniqueName).Select(r => (ushort)r.Type)];
        return new DnsRecord(set.UniqueName, DnsRecordType.Nsec, DnsRecord.HostTtl, new NsecRecordData(set.UniqueName, types), CacheFlush: true);
    }

    /// <summary>
    /// Records that save the asker a round trip (RFC 6763 §12): with a PTR its SRV, TXT and addresses,
    /// with an SRV the addresses, with an address the other family's addresses or NSEC (§6.2).
    /// </summary>
    private List<DnsRecord> AdditionalsFor(IReadOnlyList<DnsRecord> answers, NetworkLink link)
    {
        var additionals = new List<DnsRecord>();
        bool addHost = false;
        foreach (DnsRecord answer in answers)
        {
            if (answer.Type == DnsRecordType.Ptr && answer.Data is PtrRecordData ptr)
            {
                foreach (ServiceRecordSet service in _sets.OfType<ServiceRecordSet>())
                {
                    if (service.IsAnswering && service.UniqueName == ptr.Target)
                    {
                        foreach (DnsRecord record in service.RecordsOn(link).Where(r => r.Name == service.UniqueName))
                        {
                            AddUnique(additionals, record);
                        }
                        addHost = true;
                    }
                }
            }
            else if (answer.Type == DnsRecordType.Srv || (answer.Name == Host.UniqueName && answer.Type is DnsRecordType.A or DnsRecordType.Aaaa))
            {
                addHost = true;
            }
        }
        if (addHost && Host.IsAnswering)
        {
            List<DnsRecord> addresses = [.. Host.RecordsOn(link)];
            addresses.ForEach(r => AddUnique(additionals, r));
            if (!addresses.Any(r => r.Type == DnsRecordType.A) || !addresses.Any(r => r.Type == DnsRecordType.Aaaa))
            {
                AddUnique(additionals, Nsec(Host, link));
            }
        }
        additionals.RemoveAll(a => answers.Any(a.IsSameRecord));
        return additionals;
    }

    /// <summary>Sends a response with its additional records, remembers multicasts, and lets our own querier see it.</summary>
    private void SendResponse(NetworkLink link, IPEndPoint? destination, List<DnsRecord> answers)
    {
        List<DnsRecord> additionals = AdditionalsFor(answers, link);
        Internal.Log.Answered(_engine.Logger, answers.Count, link.Name, destination?.ToString() ?? "the group");
        _engine.Send(link, destination, 0, DnsMessage.ResponseFlag | DnsMessage.AuthoritativeFlag, [], answers, null, additionals);
        if (destination is null)
        {
            DateTimeOffset now = _engine.Now;
            if (_lastMulticast.Count > 4096)
            {
                foreach (var key in _lastMulticast.Where(e => now - e.Value > TimeSpan.FromHours(1)).Select(e => e.Key).ToArray())
                {
                    _lastMulticast.Remove(key);
                }
            }
            foreach (DnsRecord record in answers.Concat(additionals))
            {
                _lastMulticast[(link.Index, record.Name, record.Type, record.Data)] = now;
            }
        }
        _engine.Querier.OnOwnRecords([.. answers, .. additionals], link);
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

    private void QueueShared(NetworkLink link, List<DnsRecord> records, TimeSpan delay)
    {
        DateTimeOffset due = _engine.Now + delay;
        if (!_pending.TryGetValue(link.Index, out PendingResponse? pending))
        {
            pending = new PendingResponse { Due = due };
            _pending[link.Index] = pending;
            pending.Timer = _engine.Schedule(delay, () => FlushShared(link));
        }
        else if (due < pending.Due)
        {
            pending.Timer?.Dispose();
            pending.Due = due;
            pending.Timer = _engine.Schedule(delay, () => FlushShared(link));
        }
        records.ForEach(r => AddUnique(pending.Records, r));
    }

    private void FlushShared(NetworkLink link)
    {
        if (!_pending.Remove(link.Index, out PendingResponse? pending))
        {
            return;
        }
        DateTimeOffset now = _engine.Now;
        pending.Records.RemoveAll(r => MulticastWithin(link, r, now, MulticastInterval));
        if (pending.Records.Count > 0)
        {
            SendResponse(link, null, pending.Records);
        }
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
        if (!list.Any(r => r.IsSameRecord(record)))
        {
            list.Add(record);
        }
    }

    private sealed class PendingResponse
    {
        public List<DnsRecord> Records { get; } = [];

        public DateTimeOffset Due { get; set; }

        public ITimer? Timer { get; set; }
    }

    private sealed class HeldQuery
    {
        public List<DnsQuestion> Questions { get; } = [];

        public List<DnsRecord> KnownAnswers { get; } = [];
    }
}
