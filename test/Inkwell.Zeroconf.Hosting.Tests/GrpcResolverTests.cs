using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.DependencyInjection;

namespace Inkwell.Zeroconf.Hosting.Tests;

public sealed class GrpcResolverTests
{
    [Theory]
    [InlineData("dnssd:///zoo", "_zoo._tcp")]
    [InlineData("dnssd:///Zoo", "_zoo._tcp")]
    [InlineData("dnssd:///_grpc.zoo", "_grpc._sub._zoo._tcp")]
    public void TryMap_ServiceName_BrowsesItsType(string address, string browseType)
    {
        Assert.True(DnsSdResolverFactory.TryMap(new Uri(address), new DnsSdServiceEndpointProviderOptions(), out string browse, out string type));
        Assert.Equal(browseType, browse);
        Assert.Equal("_zoo._tcp", type);
    }

    [Theory]
    [InlineData("dnssd:///")]
    [InlineData("dnssd:///example.com")]
    [InlineData("dnssd:///sixteen-chars-xx")]
    public void TryMap_NotAServiceName_IsRefused(string address) =>
        Assert.False(DnsSdResolverFactory.TryMap(new Uri(address), new DnsSdServiceEndpointProviderOptions(), out _, out _));

    [Fact]
    public async Task Channel_OnABadAddress_FailsWithTheExpectedForm()
    {
        // The channel builds its resolver from the registered factory, which brings up the app's DnsServiceDiscovery: kept to
        // loopback (nothing is registered or browsed, so nothing is sent at all).
        await using ServiceProvider services = new ServiceCollection().AddLogging()
            .AddZeroconf(o =>
            {
                o.Backend = Avahi.BackendMode.Embedded;
                o.Interfaces.Add("lo");
            })
            .AddDnsSdGrpcResolver().BuildServiceProvider();
        var failure = Assert.ThrowsAny<Exception>(() => GrpcChannel.ForAddress("dnssd:///example.com",
            new GrpcChannelOptions { ServiceProvider = services, Credentials = ChannelCredentials.Insecure }));
        Assert.Contains("dnssd:///name", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddDnsSdGrpcResolver_Twice_RegistersOneFactory()
    {
        IServiceCollection services = new ServiceCollection().AddDnsSdGrpcResolver().AddDnsSdGrpcResolver();
        Assert.Single(services, d => d.ServiceType == typeof(ResolverFactory));
    }
}
