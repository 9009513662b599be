using Inkwell.Zeroconf.Avahi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inkwell.Zeroconf.Hosting.Tests;

public sealed class ConfigurationTests
{
    private static IHost Build(Dictionary<string, string?> settings, Action<IServiceCollection> services)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        services(builder.Services);
        return builder.Build();
    }

    [Fact]
    public void AddZeroconf_BindsTheZeroconfSection()
    {
        using IHost host = Build(new()
        {
            ["Zeroconf:Backend"] = "embedded",
            ["Zeroconf:Interfaces:0"] = "eth1",
            ["Zeroconf:Interfaces:1"] = "wlan0",
            ["Zeroconf:UseIPv6"] = "false",
            ["Zeroconf:HostName"] = "kiosk",
            ["Zeroconf:BusAddress"] = "unix:path=/run/bus",
            ["Zeroconf:ProbeTimeout"] = "00:00:02",
        }, s => s.AddZeroconf());

        ZeroconfOptions options = host.Services.GetRequiredService<IOptions<ZeroconfOptions>>().Value;

        Assert.Equal(BackendMode.Embedded, options.Backend);
        Assert.Equal(["eth1", "wlan0"], options.Interfaces);
        Assert.True(options.UseIPv4);
        Assert.False(options.UseIPv6);
        Assert.Equal("kiosk", options.HostName);
        Assert.Equal("unix:path=/run/bus", options.BusAddress);
        Assert.Equal(TimeSpan.FromSeconds(2), options.ProbeTimeout);
    }

    [Theory]
    [InlineData("auto", BackendMode.Auto)]
    [InlineData("Avahi", BackendMode.Avahi)]
    [InlineData("EMBEDDED", BackendMode.Embedded)]
    public void AddZeroconf_BackendNames_AreCaseInsensitive(string value, BackendMode mode)
    {
        using IHost host = Build(new() { ["Zeroconf:Backend"] = value }, s => s.AddZeroconf());
        Assert.Equal(mode, host.Services.GetRequiredService<IOptions<ZeroconfOptions>>().Value.Backend);
    }

    [Fact]
    public void AddZeroconf_Delegate_RunsAfterTheConfiguration()
    {
        using IHost host = Build(new() { ["Zeroconf:Backend"] = "avahi" }, s => s.AddZeroconf(o => o.Backend = BackendMode.Embedded));
        Assert.Equal(BackendMode.Embedded, host.Services.GetRequiredService<IOptions<ZeroconfOptions>>().Value.Backend);
    }

    [Fact]
    public void AddDnsSdServiceEndpointProvider_BindsItsSection()
    {
        using IHost host = Build(new()
        {
            ["Zeroconf:ServiceDiscovery:ServiceTypes:zoo"] = "_zoo-api._tcp",
            ["Zeroconf:ServiceDiscovery:InitialWait"] = "00:00:00.5",
        }, s => s.AddDnsSdServiceEndpointProvider(o => o.ResolveTimeout = TimeSpan.FromSeconds(9)));

        DnsSdServiceEndpointProviderOptions options = host.Services.GetRequiredService<IOptions<DnsSdServiceEndpointProviderOptions>>().Value;

        Assert.Equal("_zoo-api._tcp", options.ServiceTypes["ZOO"]);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.InitialWait);
        Assert.Equal(TimeSpan.FromSeconds(9), options.ResolveTimeout);
    }

    [Fact]
    public void AddDnsSdServiceEndpointProvider_GoesAheadOfThePassThroughProvider()
    {
        var services = new ServiceCollection();
        services.AddServiceDiscovery();
        services.AddDnsSdServiceEndpointProvider();

        List<string?> factories = [.. services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.ServiceDiscovery.IServiceEndpointProviderFactory)).Select(d => d.ImplementationType?.Name)];

        Assert.Equal("PassThroughServiceEndpointProviderFactory", factories[^1]);
        Assert.Contains("DnsSdServiceEndpointProviderFactory", factories);
    }
}
