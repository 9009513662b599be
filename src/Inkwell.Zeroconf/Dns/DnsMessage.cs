namespace Inkwell.Zeroconf.Dns;

/// <summary>A DNS message (RFC 1035 §4.1) as multicast DNS uses it.</summary>
internal sealed partial class DnsMessage
{
    /// <summary>The largest mDNS message, including IP and UDP headers (RFC 6762 §17).</summary>
    public const int MaxLength = 9000;

    /// <summary>The largest unicast DNS message: TCP's two-byte length prefix (RFC 1035 §4.2.2).</summary>
    public const int MaxUnicastLength = ushort.MaxValue;

    /// <summary>Header flag: this is a response.</summary>
    public const ushort ResponseFlag = 0x8000;

    /// <summary>Header flag: authoritative answer (RFC 6762 §18.4: set in every response).</summary>
    public const ushort AuthoritativeFlag = 0x0400;

    /// <summary>Header flag: truncated; in a query, more known answers follow (RFC 6762 §18.5).</summary>
    public const ushort TruncatedFlag = 0x0200;

    /// <summary>Header flag: recursion desired (unicast queries to an authoritative server leave it clear).</summary>
    public const ushort RecursionDesiredFlag = 0x0100;

    /// <summary>The message id; 0 in multicast messages (RFC 6762 §18.1).</summary>
    public ushort Id { get; init; }

    /// <summary>The raw flags word.</summary>
    public ushort Flags { get; init; }

    /// <summary>Whether QR is set.</summary>
    public bool IsResponse => (Flags & ResponseFlag) != 0;

    /// <summary>Whether TC is set.</summary>
    public bool IsTruncated => (Flags & TruncatedFlag) != 0;

    /// <summary>The OPCODE; mDNS drops messages where it is not 0 (RFC 6762 §18.3).</summary>
    public int Opcode => (Flags >> 11) & 0xF;

    /// <summary>The RCODE; mDNS drops messages where it is not 0 (RFC 6762 §18.11).</summary>
    public int Rcode => Flags & 0xF;

    /// <summary>The question section.</summary>
    public List<DnsQuestion> Questions { get; init; } = [];

    /// <summary>The answer section.</summary>
    public List<DnsRecord> Answers { get; init; } = [];

    /// <summary>The authority section (proposed records while probing, RFC 6762 §8.2).</summary>
    public List<DnsRecord> Authorities { get; init; } = [];

    /// <summary>The additional section.</summary>
    public List<DnsRecord> Additionals { get; init; } = [];

    /// <summary>A query message.</summary>
    public static DnsMessage Query(ushort id = 0) => new() { Id = id };

    /// <summary>A response message with AA set.</summary>
    public static DnsMessage Response(ushort id = 0) => new() { Id = id, Flags = ResponseFlag | AuthoritativeFlag };

    /// <summary>Every record in answer, authority and additional order.</summary>
    public IEnumerable<DnsRecord> AllRecords => Answers.Concat(Authorities).Concat(Additionals);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{(IsResponse ? "response" : "query")} id={Id} qd={Questions.Count} an={Answers.Count} ns={Authorities.Count} ar={Additionals.Count}{(IsTruncated ? " TC" : "")}";
}
