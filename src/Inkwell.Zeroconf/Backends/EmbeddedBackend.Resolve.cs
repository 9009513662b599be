using System.Net;
using System.Threading.Channels;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;
using Inkwell.Zeroconf.Querier;

namespace Inkwell.Zeroconf.Backends;

public sealed partial class EmbeddedBackend
{
    /// <inheritdoc/>
    public async Task<ResolvedService> ResolveAsync(string instanceName, string serviceType, CancellationToken cancellationToken)
    {
        ServiceNames.ValidateInstance(instanceName, nameof(instanceName));
        DnsName typeName = ServiceNames.ParseServiceType(serviceType, null, nameof(serviceType));
        DnsName name = typeName.Prepend(instanceName);
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var observer = new ChangeObserver(changed.Writer);
        var queries = new List<ContinuousQuery>();
        DnsName? target = null;
        DnsRecordData? chosen = null;
        lock (_engine.Gate)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            _engine.Querier.Subscribe(observer);
            queries.Add(_engine.Querier.StartQuery(name, DnsRecordType.Srv));
            queries.Add(_engine.Querier.StartQuery(name, DnsRecordType.Txt));
        }
        try
        {
            while (true)
            {
                lock (_engine.Gate)
                {
                    // RFC 6763 §5 / RFC 2782: lowest priority, then a weighted random choice, kept while
                    // it stays cached at that priority (so a later cache change does not re-draw it).
                    List<CachedRecord> srvs = [.. _engine.Querier.Lookup(name, DnsRecordType.Srv)];
                    CachedRecord? srv = chosen is null ? null : srvs.Find(c => c.Record.Data.Equals(chosen));
                    if (srv is null || srvs.Any(c => ((SrvRecordData)c.Record.Data).Priority < ((SrvRecordData)srv.Record.Data).Priority))
                    {
                        srv = SrvSelection.Choose(srvs, c => (SrvRecordData)c.Record.Data, _engine.Random);
                        chosen = srv?.Record.Data;
                    }
                    if (srv is not null)
                    {
                        var data = (SrvRecordData)srv.Record.Data;
                        if (target != data.Target)
                        {
                            target = data.Target;
                            queries.Add(_engine.Querier.StartQuery(target, DnsRecordType.A));
                            queries.Add(_engine.Querier.StartQuery(target, DnsRecordType.Aaaa));
                        }
                        CachedRecord? txt = _engine.Querier.Lookup(name, DnsRecordType.Txt).Where(c => c.Link.Index == srv.Link.Index).MaxBy(c => c.Received);
                        List<IPAddress> addresses = [.. _engine.Querier.Lookup(target, DnsRecordType.A)
                            .Concat(_engine.Querier.Lookup(target, DnsRecordType.Aaaa))
                            .Where(c => c.Link.Index == srv.Link.Index)
                            .Select(c => WithScope(((AddressRecordData)c.Record.Data).Address, c.Link))
                            .Distinct()];
                        if (txt is not null && addresses.Count > 0)
                        {
                            return new ResolvedService(instanceName, ServiceNames.TypeText(typeName), "local", target.ToString(), data.Port,
                                addresses, TxtData.Decode(((TxtRecordData)txt.Record.Data).Strings), srv.Link.Name, srv.Link.Index,
                                data.Priority, data.Weight);
                        }
                    }
                }
                await changed.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_engine.Gate)
            {
                queries.ForEach(_engine.Querier.StopQuery);
                _engine.Querier.Unsubscribe(observer);
            }
        }
    }

    private sealed class ChangeObserver(ChannelWriter<bool> writer) : ICacheObserver
    {
        public void OnAdded(CachedRecord record) => writer.TryWrite(true);

        public void OnRemoved(CachedRecord record) => writer.TryWrite(true);
    }
}
