using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;
using Inkwell.Zeroconf.Querier;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Backends;

public sealed partial class EmbeddedBackend
{
    /// <inheritdoc/>
    public IAsyncEnumerable<ServiceBrowseEvent> BrowseAsync(string serviceType, CancellationToken cancellationToken)
    {
        DnsName typeName = ServiceNames.ParseServiceType(serviceType, null, nameof(serviceType));
        return Follow(typeName, DnsRecordType.Ptr, new BrowseObserver(typeName, enumeratingTypes: false, _engine.Querier), cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<ServiceBrowseEvent> BrowseServiceTypesAsync(CancellationToken cancellationToken) =>
        Follow(Responder.ServiceRecordSet.ServicesEnumeration, DnsRecordType.Ptr,
            new BrowseObserver(Responder.ServiceRecordSet.ServicesEnumeration, enumeratingTypes: true, _engine.Querier), cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<DnsRecordEvent> QueryRecordsAsync(string name, DnsRecordType type, CancellationToken cancellationToken)
    {
        DnsName dnsName = DnsName.Parse(name);
        return Follow(dnsName, type, new RecordObserver(dnsName, type), cancellationToken);
    }

    /// <summary>Asks continuously and yields what an observer makes of the cache, from what is cached already on.</summary>
    private async IAsyncEnumerable<T> Follow<T>(DnsName name, DnsRecordType type, ChannelObserver<T> observer,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ContinuousQuery query;
        lock (_engine.Gate)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            _engine.Querier.Subscribe(observer);
            foreach (CachedRecord cached in _engine.Querier.Lookup(name, type))
            {
                observer.OnAdded(cached);
            }
            query = _engine.Querier.StartQuery(name, type);
        }
        try
        {
            await foreach (T item in observer.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_engine.Gate)
            {
                _engine.Querier.StopQuery(query);
                _engine.Querier.Unsubscribe(observer);
            }
        }
    }

    /// <summary>An observer that turns cache changes into items on a channel (written under the engine's gate, never blocking).</summary>
    private abstract class ChannelObserver<T> : ICacheObserver
    {
        private readonly Channel<T> _channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });

        public ChannelReader<T> Reader => _channel.Reader;

        protected void Write(T item) => _channel.Writer.TryWrite(item);

        public abstract void OnAdded(CachedRecord record);

        public abstract void OnRemoved(CachedRecord record);
    }

    /// <summary>
    /// PTRs under a type become instances added and removed; a new TXT for a known instance is an update carrying it.
    /// An instance is local or own as its PTR's sender was (<see cref="RecordOrigin"/>), remembered from when it was added.
    /// A TXT cached before the browse began (heard in an announcement nobody had asked for yet) counts as seen, so the
    /// next one is an update. Called under the engine's gate, so it may look at the cache.
    /// </summary>
    private sealed class BrowseObserver(DnsName typeName, bool enumeratingTypes, MdnsQuerier cache) : ChannelObserver<ServiceBrowseEvent>
    {
        private readonly Dictionary<(DnsName Instance, int Link), RecordOrigin> _instances = [];
        private readonly HashSet<(DnsName Instance, int Link)> _seenTxt = [];

        public override void OnAdded(CachedRecord cached)
        {
            DnsRecord record = cached.Record;
            if (record.Type == DnsRecordType.Ptr && record.Name == typeName && record.Data is PtrRecordData ptr)
            {
                if (_instances.TryAdd((ptr.Target, cached.Link.Index), cached.Origin))
                {
                    if (!enumeratingTypes && cache.Lookup(ptr.Target, DnsRecordType.Txt).Any(t => t.Link.Index == cached.Link.Index))
                    {
                        _seenTxt.Add((ptr.Target, cached.Link.Index));
                    }
                    Emit(ServiceBrowseEventKind.Added, ptr.Target, cached.Link, cached.Origin, null);
                }
            }
            else if (!enumeratingTypes && record.Type == DnsRecordType.Txt && _instances.TryGetValue((record.Name, cached.Link.Index), out RecordOrigin origin))
            {
                if (!_seenTxt.Add((record.Name, cached.Link.Index)) && record.Data is TxtRecordData txt)
                {
                    Emit(ServiceBrowseEventKind.Updated, record.Name, cached.Link, origin, TxtData.Decode(txt.Strings));
                }
            }
            else if (!enumeratingTypes && record.Type == DnsRecordType.Txt)
            {
                _seenTxt.Add((record.Name, cached.Link.Index));
            }
        }

        public override void OnRemoved(CachedRecord cached)
        {
            if (cached.Record.Type == DnsRecordType.Ptr && cached.Record.Name == typeName && cached.Record.Data is PtrRecordData ptr &&
                _instances.Remove((ptr.Target, cached.Link.Index), out RecordOrigin origin))
            {
                _seenTxt.Remove((ptr.Target, cached.Link.Index));
                Emit(ServiceBrowseEventKind.Removed, ptr.Target, cached.Link, origin, null);
            }
        }

        private void Emit(ServiceBrowseEventKind kind, DnsName target, NetworkLink link, RecordOrigin origin, IReadOnlyDictionary<string, string?>? txt)
        {
            string instance = "";
            DnsName type = target;
            if (!enumeratingTypes && !ServiceNames.TrySplitInstance(target, out instance, out type))
            {
                return;
            }
            Write(new ServiceBrowseEvent(kind, instance, ServiceNames.TypeText(type), "local", link.Name, link.Index)
            {
                IsLocal = origin != RecordOrigin.Network,
                IsOwn = origin == RecordOrigin.Own,
                Txt = txt,
            });
        }
    }

    private sealed class RecordObserver(DnsName name, DnsRecordType type) : ChannelObserver<DnsRecordEvent>
    {
        public override void OnAdded(CachedRecord record) => Emit(record, added: true);

        public override void OnRemoved(CachedRecord record) => Emit(record, added: false);

        private void Emit(CachedRecord cached, bool added)
        {
            DnsRecord record = cached.Record;
            if (record.Name == name && (type == DnsRecordType.Any || record.Type == type))
            {
                Write(new DnsRecordEvent(added ? DnsRecordEventKind.Added : DnsRecordEventKind.Removed, record.Name.ToString(), record.Type, record.Class, record.Ttl, record.Data.ToString(),
                    record.Data.GetCanonicalBytes(), cached.Link.Name, cached.Link.Index));
            }
        }
    }
}
