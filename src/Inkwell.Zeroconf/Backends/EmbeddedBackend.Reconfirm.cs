using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;
using Inkwell.Zeroconf.Querier;

namespace Inkwell.Zeroconf.Backends;

public sealed partial class EmbeddedBackend
{
    /// <inheritdoc/>
    /// <remarks>
    /// Reconfirms the instance's cached SRV records and the PTR records naming it (its type's and any subtype's) on every
    /// interface: queries go out at once, 1 s and 3 s later; what is still unanswered ten seconds after the first is flushed.
    /// </remarks>
    public Task<bool> ReconfirmAsync(string instanceName, string serviceType, CancellationToken cancellationToken)
    {
        ServiceNames.ValidateInstance(instanceName, nameof(instanceName));
        DnsName name = ServiceNames.ParseServiceType(serviceType, null, nameof(serviceType)).Prepend(instanceName);
        Task<bool> result;
        lock (_engine.Gate)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            List<CachedRecord> records = [.. _engine.Querier.Lookup(name, DnsRecordType.Srv), .. _engine.Querier.PointersTo(name)];
            result = _engine.Querier.Reconfirm(records);
        }
        return result.WaitAsync(cancellationToken);
    }
}
