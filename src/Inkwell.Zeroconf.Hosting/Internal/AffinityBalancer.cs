using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.Hosting.Internal;

/// <summary>
/// A connection to every address, as <c>round_robin</c> keeps (Grpc.Net.Client's <see cref="SubchannelsLoadBalancer"/> does
/// the connecting and reconnecting); only the picking differs (<see cref="AffinityPicker"/>).
/// </summary>
internal sealed class AffinityBalancer(IChannelControlHelper controller, ILoggerFactory loggerFactory) : SubchannelsLoadBalancer(controller, loggerFactory)
{
    protected override SubchannelPicker CreatePicker(IReadOnlyList<Subchannel> readySubchannels) => new AffinityPicker(readySubchannels);
}
