using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.Hosting.Tests;

/// <summary>
/// The app's DnsServiceDiscovery in a real host. The embedded backend is limited to the loopback interface, where nothing leaves
/// the machine (and nothing is registered, so nothing is sent at all).
/// </summary>
public sealed class HostLifetimeTests
{
    private static IHost Build(List<string> logCategories)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Zeroconf:Backend"] = "embedded", ["Zeroconf:Interfaces:0"] = "lo" });
        builder.Logging.AddProvider(new CategoryRecorder(logCategories));
        builder.Services.AddZeroconf();
        return builder.Build();
    }

    [Fact]
    public async Task AddZeroconf_OneDiscoveryPerHost_LogsThroughTheHost_DisposedWithIt()
    {
        var categories = new List<string>();
        IHost host = Build(categories);
        DnsServiceDiscovery discovery = host.Services.GetRequiredService<DnsServiceDiscovery>();

        Assert.Same(discovery, host.Services.GetRequiredService<DnsServiceDiscovery>());
        Assert.Equal("embedded", discovery.Backend.Name);
        lock (categories)
        {
            Assert.Contains("Inkwell.Zeroconf.Backend", categories);
        }

        await ((IAsyncDisposable)host).DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () =>
            await discovery.RegisterAsync(new ServiceProfile("x", "_zoo._tcp", 1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AddZeroconf_AvahiAskedForWithoutADaemon_FailsEveryCallWithTheReason()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddZeroconf(o =>
        {
            o.Backend = Avahi.BackendMode.Avahi;
            o.BusAddress = "unix:path=/nonexistent/inkwell-hosting-test-bus";
        });
        using IHost host = builder.Build();
        DnsServiceDiscovery discovery = host.Services.GetRequiredService<DnsServiceDiscovery>();

        var failure = await Assert.ThrowsAsync<Avahi.AvahiException>(async () =>
            await discovery.RegisterAsync(new ServiceProfile("x", "_zoo._tcp", 1), TestContext.Current.CancellationToken));
        Assert.Contains("avahi-daemon does not answer", failure.Message, StringComparison.Ordinal);
    }

    private sealed class CategoryRecorder(List<string> categories) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName)
        {
            lock (categories)
            {
                categories.Add(categoryName);
            }
            return Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        }

        public void Dispose()
        {
        }
    }
}
