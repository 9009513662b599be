using Grpc.Net.Client.Configuration;

namespace Inkwell.Zeroconf.Hosting;

/// <summary>
/// The <c>dnssd_affinity</c> load-balancing policy for gRPC channels (put it in <c>ServiceConfig.LoadBalancingConfigs</c> like
/// <c>RoundRobinConfig</c>): calls spread over the ready instances in turn, as with <c>round_robin</c>, except that calls
/// carrying the same <see cref="KeyHeader"/> value go to the same instance while the set of ready instances stays the same.
/// It is for services whose instances each keep their own state (an in-memory store, a session): a client sends the calls
/// that belong together (a visit, a session, a document) with one key, and different keys still spread over every instance.
/// When an instance leaves, only the keys that were on it move (rendezvous hashing), to the instances that remain; when one
/// joins, only the keys it now wins move to it. Registered by
/// <see cref="Microsoft.Extensions.DependencyInjection.DnsSdServiceDiscoveryExtensions.AddDnsSdGrpcResolver"/>; it works with
/// any resolver.
/// </summary>
public sealed class DnsSdAffinityConfig : LoadBalancingConfig
{
    /// <summary>The policy's name in a service config: <c>dnssd_affinity</c>.</summary>
    public const string AffinityPolicyName = "dnssd_affinity";

    /// <summary>
    /// The request header (gRPC metadata key) whose value is a call's affinity key: <c>dnssd-affinity</c>. Calls without it
    /// are spread in turn.
    /// </summary>
    public const string KeyHeader = "dnssd-affinity";

    /// <summary>Creates the policy's entry for <c>ServiceConfig.LoadBalancingConfigs</c>.</summary>
    public DnsSdAffinityConfig()
        : base(AffinityPolicyName)
    {
    }
}
