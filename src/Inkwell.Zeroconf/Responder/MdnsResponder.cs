using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Engine;
using Inkwell.Zeroconf.Internal;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Responder;

/// <summary>
/// Owns records and speaks for them (RFC 6762 §6–§10): probes, announces, defends, renames on
/// conflict, answers queries with the right delays and suppression, and says goodbye. Called under
/// the engine's gate only.
/// </summary>
internal sealed partial class MdnsResponder
{
    private static readonly TimeSpan s_probeInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan s_announceInterval = TimeSpan.FromSeconds(1);
    private const int ProbeCount = 3;
    private const int AnnounceCount = 2;

    private readonly MdnsEngine _engine;
    private readonly List<RecordSet> _sets = [];

    public MdnsResponder(MdnsEngine engine, string hostLabel)
    {
        _engine = engine;
        Host = new HostRecordSet(hostLabel);
        _sets.Add(Host);
    }

    /// <summary>The host name set; services probe once it is established.</summary>
    public HostRecordSet Host { get; }

    /// <summary>Every set owned now, host first.</summary>
    public IReadOnlyList<RecordSet> Sets => _sets;

    /// <summary>
    /// Nothing to do until something is registered: a process that only browses claims no host name,
    /// as Apple's and Avahi's clients do not.
    /// </summary>
    public void Start()
    {
    }

    /// <summary>
    /// Adds a service and probes for it at once, together with the host name if that is not claimed
    /// yet (as mDNSResponder does), so registering takes one probing round (~0.75–1 s), not two. If
    /// the host name then has to change, the service is announced again with the new SRV target.
    /// </summary>
    public void Add(ServiceRecordSet set)
    {
        _sets.Add(set);
        if (Host.State == RecordSetState.Waiting)
        {
            BeginProbing(Host, _engine.RandomDelay(0, 250));
        }
        BeginProbing(set, _engine.RandomDelay(0, 250));
    }

    /// <summary>Withdraws a set: goodbyes if it was announced (§10.1), and its registration fails if it never was.</summary>
    public void Remove(RecordSet set)
    {
        if (!_sets.Remove(set))
        {
            return;
        }
        set.Timer?.Dispose();
        if (set.IsAnswering)
        {
            SendGoodbye(set);
        }
        set.State = RecordSetState.Removed;
        set.Registered.TrySetException(new ObjectDisposedException("The registration was removed before its name was established."));
    }

    /// <summary>Replaces a service's TXT and announces the change (§8.4).</summary>
    public void UpdateTxt(ServiceRecordSet set, IReadOnlyList<byte[]> txt)
    {
        set.Txt = txt;
        if (set.IsAnswering)
        {
            BeginAnnouncing(set);
        }
    }

    /// <summary>Hot-plugging: every claimed name is probed and announced again on the new set of links.</summary>
    public void OnLinksChanged()
    {
        foreach (RecordSet set in _sets)
        {
            if (set.State != RecordSetState.Waiting)
            {
                BeginProbing(set, _engine.RandomDelay(0, 250));
            }
        }
    }

    /// <summary>Says goodbye for everything (engine shutdown).</summary>
    public void Shutdown()
    {
        foreach (RecordSet set in _sets.ToArray().Reverse())
        {
            Remove(set);
        }
        foreach (PendingResponse pending in _pending.Values)
        {
            pending.Timer?.Dispose();
        }
        _pending.Clear();
    }

    private void BeginProbing(RecordSet set, TimeSpan delay)
    {
        set.Timer?.Dispose();
        set.State = RecordSetState.Probing;
        set.ProbesSent = 0;
        Log.Probing(_engine.Logger, set.UniqueName.ToString());
        set.Timer = _engine.Schedule(delay, () => SendProbe(set));
    }

    /// <summary>A probe: a QU question of type ANY for the name, proposed records in Authority without cache-flush (§8.1, §8.2, §10.2).</summary>
    private void SendProbe(RecordSet set)
    {
        if (set.State != RecordSetState.Probing)
        {
            return;
        }
        if (_engine.Links.Count == 0)
        {
            // No interface yet: a name cannot be claimed on no link. Probing starts over when one comes up (OnLinksChanged).
            return;
        }
        foreach (NetworkLink link in _engine.Links)
        {
            _engine.Send(link, null, 0, 0, [new DnsQuestion(set.UniqueName, DnsRecordType.Any, UnicastResponse: true)], [],
                [.. set.UniqueRecordsOn(link).Select(r => r with { CacheFlush = false })]);
        }
        set.ProbesSent++;
        set.Timer = _engine.Schedule(s_probeInterval, set.ProbesSent < ProbeCount ? () => SendProbe(set) : () => ProbingSucceeded(set));
    }

    private void ProbingSucceeded(RecordSet set)
    {
        if (set.State != RecordSetState.Probing)
        {
            return;
        }
        Log.Established(_engine.Logger, set.UniqueName.ToString());
        BeginAnnouncing(set);
        if (set.EstablishedLabel is { } previous && previous != set.Label)
        {
            set.Renamed?.Invoke(previous, set.Label);
        }
        set.EstablishedLabel = set.Label;
        set.Registered.TrySetResult(set.Label);
        if (set == Host)
        {
            foreach (ServiceRecordSet service in _sets.OfType<ServiceRecordSet>())
            {
                if (service.IsAnswering && service.AnnouncedHost is { } announced && announced != Host.UniqueName)
                {
                    BeginAnnouncing(service); // the SRV target changed with the host name
                }
            }
        }
    }

    private void BeginAnnouncing(RecordSet set)
    {
        set.Timer?.Dispose();
        set.State = RecordSetState.Announcing;
        set.AnnouncementsSent = 0;
        Announce(set);
    }

    /// <summary>Unsolicited responses, at least two, one second apart, cache-flush on unique records (§8.3).</summary>
    private void Announce(RecordSet set)
    {
        if (set.State != RecordSetState.Announcing)
        {
            return;
        }
        foreach (NetworkLink link in _engine.Links)
        {
            SendResponse(link, null, [.. set.RecordsOn(link)]);
        }
        if (set is ServiceRecordSet service)
        {
            service.AnnouncedHost = Host.UniqueName;
        }
        set.AnnouncementsSent++;
        if (set.AnnouncementsSent < AnnounceCount)
        {
            set.Timer = _engine.Schedule(s_announceInterval, () => Announce(set));
        }
        else
        {
            set.State = RecordSetState.Established;
        }
    }

    private void SendGoodbye(RecordSet set)
    {
        foreach (NetworkLink link in _engine.Links)
        {
            // The service-type enumeration PTR stays while another instance of the type remains.
            List<DnsRecord> goodbyes = [.. set.RecordsOn(link)
                .Where(r => !(r.Name == ServiceRecordSet.ServicesEnumeration && _sets.Any(s => s is ServiceRecordSet other && other.IsAnswering && set is ServiceRecordSet own && other.ServiceType == own.ServiceType)))
                .Select(r => r.WithTtl(0))];
            _engine.Send(link, null, 0, DnsMessage.ResponseFlag | DnsMessage.AuthoritativeFlag, [], goodbyes);
            _engine.Querier.OnOwnRecords(goodbyes, link);
        }
        Log.Goodbye(_engine.Logger, set.UniqueName.ToString());
    }
}
