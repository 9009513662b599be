// Finds the _zoo._tcp instances on the network by name and asks them in turn, printing who answered:
//   dotnet run --project samples/ZooFinder/ZooClient                      HttpClient, http://zoo
//   dotnet run --project samples/ZooFinder/ZooClient -- --Zoo:Grpc true   gRPC channel, dnssd:///zoo, round_robin
// Each line: "<unix time in ms> <instance that answered>", or "<unix time in ms> error <why>".
// Options: --Zoo:Interval (ms between requests, default 500), --Zeroconf:Backend, --Zeroconf:Interfaces:0.
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ZooFinder;

HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddServiceDiscovery();
builder.Services.AddDnsSdServiceEndpointProvider();
builder.Services.AddDnsSdGrpcResolver();
builder.Services.AddHttpClient("zoo", client =>
{
    client.BaseAddress = new Uri("http://zoo");
    client.Timeout = TimeSpan.FromSeconds(5);
}).AddServiceDiscovery();

using IHost host = builder.Build();
await host.StartAsync();
bool useGrpc = builder.Configuration.GetValue("Zoo:Grpc", false);
HttpClient http = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("zoo");
using GrpcChannel channel = GrpcChannel.ForAddress("dnssd:///zoo", new GrpcChannelOptions
{
    Credentials = ChannelCredentials.Insecure,
    ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
    ServiceProvider = host.Services,
});
var grpc = new Zoo.ZooClient(channel);

TimeSpan interval = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("Zoo:Interval", 500));
CancellationToken stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
while (!stopping.IsCancellationRequested)
{
    string line;
    try
    {
        line = useGrpc
            ? (await grpc.VisitAsync(new VisitRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: stopping)).Instance
            : await http.GetStringAsync("/", stopping);
    }
    catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException or RpcException && !stopping.IsCancellationRequested)
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
