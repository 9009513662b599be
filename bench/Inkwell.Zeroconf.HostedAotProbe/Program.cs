// A generic-host app that registers NAME as _TYPE._tcp on PORT through the app's DnsServiceDiscovery (AddZeroconf) and
// resolves the service name TYPE through Microsoft.Extensions.ServiceDiscovery and the DNS-SD provider, printing
// "started <ms>" (process start to ApplicationStarted), "registered <name> <ms>" and "endpoints <list>" whenever the
// endpoints change, until SIGTERM. Usage: Inkwell.Zeroconf.HostedAotProbe NAME TYPE PORT [--Zeroconf:...=...]
// e.g. Inkwell.Zeroconf.HostedAotProbe probe-a rss 7000 --Zeroconf:Backend=embedded --Zeroconf:Interfaces:0=veth0
using System.Diagnostics;
using Inkwell.Zeroconf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ServiceDiscovery;

if (args.Length < 3 || !int.TryParse(args[2], out int port))
{
    Console.Error.WriteLine("usage: Inkwell.Zeroconf.HostedAotProbe NAME TYPE PORT [--Zeroconf:Backend=embedded ...]");
    return 2;
}
string name = args[0];
string type = args[1];
HostApplicationBuilder builder = Host.CreateApplicationBuilder(args[3..]);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddServiceDiscoveryCore();
builder.Services.AddDnsSdServiceEndpointProvider();
using IHost host = builder.Build();

static long SinceStart() => (long)(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;

await host.StartAsync();
Console.WriteLine($"started {SinceStart()}");
CancellationToken stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
DnsServiceDiscovery discovery = host.Services.GetRequiredService<DnsServiceDiscovery>();
await using ServiceRegistration registration = await discovery.RegisterAsync(new ServiceProfile(name, $"_{type}._tcp", port), stopping);
Console.WriteLine($"registered {registration.Name} {SinceStart()}");

ServiceEndpointResolver resolver = host.Services.GetRequiredService<ServiceEndpointResolver>();
string last = "";
while (!stopping.IsCancellationRequested)
{
    try
    {
        ServiceEndpointSource source = await resolver.GetEndpointsAsync(type, stopping);
        string now = string.Join(", ", source.Endpoints.Select(e => e.EndPoint.ToString()).Order(StringComparer.Ordinal));
        if (now != last)
        {
            Console.WriteLine($"endpoints {now}");
            last = now;
        }
        await Task.Delay(500, stopping);
    }
    catch (OperationCanceledException)
    {
        break;
    }
}
await host.StopAsync(CancellationToken.None);
return 0;
