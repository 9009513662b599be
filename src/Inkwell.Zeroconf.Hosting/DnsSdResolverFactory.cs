using Grpc.Net.Client.Balancer;
using Inkwell.Zeroconf.Hosting.Internal;

namespace Inkwell.Zeroconf.Hosting;

/// <summary>
/// The <c>dnssd</c> scheme for gRPC channels: <c>GrpcChannel.ForAddress("dnssd:///zoo", …)</c> balances over the live instances
/// of <c>_zoo._tcp</c> (the same mapping as <see cref="DnsSdServiceEndpointProviderOptions"/>; <c>dnssd:///_grpc.zoo</c> for the
/// subtype <c>_grpc._sub._zoo._tcp</c>) and follows them as they come and go. Register it with
/// <see cref="Microsoft.Extensions.DependencyInjection.DnsSdServiceDiscoveryExtensions.AddDnsSdGrpcResolver"/> and pass the
/// app's services as <c>GrpcChannelOptions.ServiceProvider</c>; use <c>round_robin</c> to spread calls. The channel's
/// credentials decide between TLS and plain HTTP/2, whatever scheme an instance announces.
/// </summary>
internal sealed class DnsSdResolverFactory : ResolverFactory
{
    private readonly DnsSdServiceWatches _watches;

    internal DnsSdResolverFactory(DnsSdServiceWatches watches)
    {
        _watches = watches;
    }

    /// <summary>"dnssd".</summary>
    public override string Name => "dnssd";

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The address names no DNS-SD service (<c>dnssd:///zoo</c>).</exception>
    public override Resolver Create(ResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!TryMap(options.Address, _watches.Options, out string browseType, out string serviceType))
        {
            throw new ArgumentException(
                $"'{options.Address}' names no DNS-SD service: expected dnssd:///name, name being 1-15 letters, digits and hyphens (or listed in Zeroconf:ServiceDiscovery:ServiceTypes).",
                nameof(options));
        }
        return new DnsSdResolver(_watches, browseType, serviceType);
    }

    /// <summary>The types for <c>dnssd:///name</c> or <c>dnssd:///_endpoint.name</c> (an endpoint name is a subtype).</summary>
    internal static bool TryMap(Uri address, DnsSdServiceEndpointProviderOptions options, out string browseType, out string serviceType)
    {
        string name = address.AbsolutePath.Trim('/');
        string? endpoint = null;
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        if (name.StartsWith('_') && dot > 1)
        {
            endpoint = name[1..dot];
            name = name[(dot + 1)..];
        }
        return DnsSdServiceName.TryMap(name, endpoint, options, out browseType, out serviceType);
    }
}
