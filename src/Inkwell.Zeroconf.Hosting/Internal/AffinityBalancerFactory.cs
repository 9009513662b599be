using Grpc.Net.Client.Balancer;

namespace Inkwell.Zeroconf.Hosting.Internal;

/// <summary>Creates the <see cref="DnsSdAffinityConfig.AffinityPolicyName"/> balancer for a channel whose service config names it.</summary>
internal sealed class AffinityBalancerFactory : LoadBalancerFactory
{
    public override string Name => DnsSdAffinityConfig.AffinityPolicyName;

    public override LoadBalancer Create(LoadBalancerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AffinityBalancer(options.Controller, options.LoggerFactory);
    }
}
