using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Querier;

internal sealed partial class MdnsQuerier
{
    /// <summary>When the rounds of a reconfirmation's queries go out, after the first: 1 s and 3 s later (§10.4 asks for two or more).</summary>
    private static readonly TimeSpan[] s_reconfirmIntervals = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    /// <summary>
    /// §10.4: asks for <paramref name="records"/> again, without listing them as known answers, and flushes each one nobody
    /// answers for within ten seconds (the POOF rule of §10.5 counts these queries). The result is true as soon as one of them
    /// is answered (or is our own), false once all were flushed or when there is nothing to reconfirm.
    /// </summary>
    public Task<bool> Reconfirm(List<CachedRecord> records)
    {
        if (records.Exists(c => c.Origin == RecordOrigin.Own))
        {
            return Task.FromResult(true);
        }
        if (records.Count == 0)
        {
            return Task.FromResult(false);
        }
        var reconfirmation = new Reconfirmation(records);
        foreach (CachedRecord cached in records)
        {
            (cached.Reconfirmations ??= []).Add(reconfirmation);
        }
        reconfirmation.Timer = engine.Schedule(TimeSpan.Zero, () => SendReconfirmQueries(reconfirmation));
        return reconfirmation.Result.Task;
    }

    private void SendReconfirmQueries(Reconfirmation reconfirmation)
    {
        if (reconfirmation.Result.Task.IsCompleted)
        {
            return;
        }
        DateTimeOffset now = engine.Now;
        foreach (IGrouping<int, CachedRecord> onLink in reconfirmation.Pending.GroupBy(c => c.Link.Index))
        {
            NetworkLink? link = engine.Links.FirstOrDefault(l => l.Index == onLink.Key);
            if (link is null)
            {
                continue; // the interface went away; its records expire with it
            }
            List<DnsQuestion> questions = [.. onLink.Select(c => new DnsQuestion(c.Record.Name, c.Record.Type)).Distinct()];
            // Other answers we hold stay known answers, so only the disputed ones are drawn out.
            List<DnsRecord> known = [.. questions
                .SelectMany(q => Lookup(q.Name, q.Type))
                .Where(c => c.Link.Index == link.Index && c.Reconfirmations is null && c.RemainingTtl(now) > c.Record.Ttl / 2)
                .Select(c => c.AsKnownAnswer(now))];
            engine.Send(link, null, 0, 0, questions, known);
            foreach (CachedRecord cached in onLink)
            {
                if (cached.UnansweredQueries == 0)
                {
                    cached.FirstUnansweredQuery = now;
                }
                cached.UnansweredQueries++;
                ScheduleMaintenance(cached.FirstUnansweredQuery + s_poofWindow);
            }
        }
        if (reconfirmation.Sent < s_reconfirmIntervals.Length)
        {
            reconfirmation.Timer = engine.Schedule(s_reconfirmIntervals[reconfirmation.Sent], () => SendReconfirmQueries(reconfirmation));
        }
        reconfirmation.Sent++;
    }

    /// <summary>A record under reconfirmation was answered again: its reconfirmations are over, the service is there.</summary>
    private static void Reconfirmed(CachedRecord cached)
    {
        if (cached.Reconfirmations is not { } reconfirmations)
        {
            return;
        }
        foreach (Reconfirmation reconfirmation in reconfirmations.ToArray())
        {
            reconfirmation.Timer?.Dispose();
            foreach (CachedRecord other in reconfirmation.Pending)
            {
                Detach(other, reconfirmation);
            }
            reconfirmation.Pending.Clear();
            reconfirmation.Result.TrySetResult(true);
        }
    }

    /// <summary>A record under reconfirmation left the cache: once all of a reconfirmation's records are gone, it failed.</summary>
    private static void Unconfirmed(CachedRecord cached)
    {
        if (cached.Reconfirmations is not { } reconfirmations)
        {
            return;
        }
        foreach (Reconfirmation reconfirmation in reconfirmations.ToArray())
        {
            reconfirmation.Pending.Remove(cached);
            Detach(cached, reconfirmation);
            if (reconfirmation.Pending.Count == 0)
            {
                reconfirmation.Timer?.Dispose();
                reconfirmation.Result.TrySetResult(false);
            }
        }
    }

    private static void Detach(CachedRecord cached, Reconfirmation reconfirmation)
    {
        if (cached.Reconfirmations is { } list && list.Remove(reconfirmation) && list.Count == 0)
        {
            cached.Reconfirmations = null;
        }
    }
}
