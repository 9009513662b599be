// Finds the _zoo._tcp instances on the network by name (http://zoo) and asks them in turn, printing who answered:
//   dotnet run --project samples/ZooFinder/ZooClient
// Each line: "<unix time in ms> <instance that answered>", or "<unix time in ms> error <why>".
// Options: --Zoo:Interval (ms between requests, default 500), --Zeroconf:Backend, --Zeroconf:Interfaces:0.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddServiceDiscovery();
builder.Services.AddDnsSdServiceEndpointProvider();
builder.Services.AddHttpClient("zoo", client =>
{
    client.BaseAddress = new Uri("http://zoo");
    client.Timeout = TimeSpan.FromSeconds(5);
}).AddServiceDiscovery();

using IHost host = builder.Build();
await host.StartAsync();
HttpClient zoo = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("zoo");
TimeSpan interval = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("Zoo:Interval", 500));
CancellationToken stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
while (!stopping.IsCancellationRequested)
{
    string line;
    try
    {
        line = await zoo.GetStringAsync("/", stopping);
    }
    catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException && !stopping.IsCancellationRequested)
    {
        line = "error " + exception.Message.ReplaceLineEndings(" ");
    }
    catch (OperationCanceledException)
    {
        break;
    }
    Console.WriteLine($"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {line}");
    try
    {
        await Task.Delay(interval, stopping);
    }
    catch (OperationCanceledException)
    {
        break;
    }
}
await host.StopAsync();
