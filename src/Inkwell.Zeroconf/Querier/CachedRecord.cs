using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Querier;

/// <summary>A record in the cache, with when it arrived, when it expires, and its refresh and POOF state.</summary>
internal sealed class CachedRecord(DnsRecord record, NetworkLink link, DateTimeOffset received, RecordOrigin origin = RecordOrigin.Network)
{
    public DnsRecord Record { get; set; } = record;

    public NetworkLink Link { get; } = link;

    public DateTimeOffset Received { get; set; } = received;

    /// <summary>The closest sender seen for this record: our own responder, another one on this host, or another host.</summary>
    public RecordOrigin Origin { get; set; } = origin;

    public DateTimeOffset Expires { get; set; } = received + TimeSpan.FromSeconds(record.Ttl);

    /// <summary>How many of the refresh queries at 80, 85, 90 and 95 % of the TTL have come due (§5.2).</summary>
    public int RefreshStage { get; set; }

    public DateTimeOffset NextRefresh { get; set; }

    /// <summary>Queries seen from others that this record should have answered, with no answer since (§10.5).</summary>
    public int UnansweredQueries { get; set; }

    public DateTimeOffset FirstUnansweredQuery { get; set; }

    /// <summary>The reconfirmations waiting for this record to be answered again (§10.4); null when none.</summary>
    public List<Reconfirmation>? Reconfirmations { get; set; }

    /// <summary>Seconds of TTL left at <paramref name="now"/>.</summary>
    public uint RemainingTtl(DateTimeOffset now) => now >= Expires ? 0 : (uint)Math.Ceiling((Expires - now).TotalSeconds);

    /// <summary>The record with its remaining TTL, as a known answer (never with cache-flush, §7.1).</summary>
    public DnsRecord AsKnownAnswer(DateTimeOffset now) => Record with { Ttl = RemainingTtl(now), CacheFlush = false };
}
