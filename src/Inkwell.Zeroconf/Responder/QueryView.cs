using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Responder;

/// <summary>
/// The questions and known answers of a query, either parsed (probes, held TC queries, legacy
/// unicast, our own querier) or read in place from the packet (<see cref="WireQuery"/>, the
/// allocation-free hot path), so one answering routine serves both.
/// </summary>
internal readonly ref struct QueryView
{
    private readonly WireQuery _wire;
    private readonly IReadOnlyList<DnsQuestion>? _questions;
    private readonly IReadOnlyList<DnsRecord>? _knownAnswers;

    public QueryView(WireQuery wire) => _wire = wire;

    public QueryView(IReadOnlyList<DnsQuestion> questions, IReadOnlyList<DnsRecord> knownAnswers)
    {
        _questions = questions;
        _knownAnswers = knownAnswers;
    }

    public int Count => _questions?.Count ?? _wire.Questions.Length;

    public DnsRecordType Type(int index) => _questions?[index].Type ?? _wire.Questions[index].Type;

    public bool UnicastResponse(int index) => _questions?[index].UnicastResponse ?? _wire.Questions[index].UnicastResponse;

    public bool NameIs(int index, DnsName name) =>
        _questions is not null ? _questions[index].Name == name : WireName.NameEquals(_wire.Message, _wire.Questions[index].NameOffset, name);

    /// <summary>Whether question <paramref name="index"/> asks for <paramref name="record"/> (type ANY matches every type; RFC 6762 §6).</summary>
    public bool IsAnsweredBy(int index, DnsRecord record)
    {
        DnsRecordType type = Type(index);
        ushort questionClass = _questions?[index].Class ?? _wire.Questions[index].Class;
        return (type == DnsRecordType.Any || record.Type == type) &&
            (questionClass == DnsClass.Any || record.Class == questionClass) &&
            NameIs(index, record.Name);
    }

    /// <summary>Whether the asker listed <paramref name="ours"/> with at least half its TTL left (§7.1).</summary>
    public bool IsKnownAnswer(DnsRecord ours)
    {
        if (_knownAnswers is null)
        {
            return _wire.IsKnownAnswer(ours);
        }
        for (int i = 0; i < _knownAnswers.Count; i++)
        {
            DnsRecord known = _knownAnswers[i];
            if (known.Ttl >= ours.Ttl / 2 && known.IsSameRecord(ours))
            {
                return true;
            }
        }
        return false;
    }
}
