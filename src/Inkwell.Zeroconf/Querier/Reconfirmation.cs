namespace Inkwell.Zeroconf.Querier;

/// <summary>
/// Cached records someone found stale (a connection to the service failed): asked for again without being listed as known
/// answers, and flushed when nobody answers for ten seconds (RFC 6762 §10.4). <see cref="Result"/> is true as soon as any of
/// them is answered again, false once all were flushed. Used under the engine's gate only.
/// </summary>
internal sealed class Reconfirmation(List<CachedRecord> records)
{
    /// <summary>The records still waiting for an answer.</summary>
    public List<CachedRecord> Pending { get; } = records;

    public TaskCompletionSource<bool> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many rounds of queries went out.</summary>
    public int Sent { get; set; }

    public ITimer? Timer { get; set; }
}
