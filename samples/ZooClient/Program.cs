// Visits the ZooService sample, found by name: the channel's address is dnssd:///zoo-service (the live instances of
// _zoo-service._tcp on the network), nothing else. Each visit streams a cat and a dog to Keeper/Admit and reads the
// welcomes streamed back, then takes the census (a stream of Animals, each a Cat or a Dog):
//   dotnet run --project samples/ZooClient
// Each line starts with the Unix time in ms: "<ms> welcome <cat|dog> <name> <population> <text>",
// "<ms> census <count> <name>,<name>,...", or "<ms> error <why>".
// Options: --Zoo:Visitor (the prefix of the names it gives, default "visitor"), --Zoo:Interval (ms between visits,
// default 1000), --Zeroconf:Backend, --Zeroconf:Interfaces:0, --Zeroconf:HostName.
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Inkwell.Samples.ZooService;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddDnsSdGrpcResolver();

using IHost host = builder.Build();
await host.StartAsync();
using GrpcChannel channel = GrpcChannel.ForAddress("dnssd:///zoo-service", new GrpcChannelOptions
{
    Credentials = ChannelCredentials.Insecure,
    // Every instance on the network takes its turn.
    ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
    ServiceProvider = host.Services,
});
var keeper = new Keeper.KeeperClient(channel);

string visitor = builder.Configuration["Zoo:Visitor"] ?? "visitor";
TimeSpan interval = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("Zoo:Interval", 1000));
CancellationToken stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
for (int visit = 1; !stopping.IsCancellationRequested; visit++)
{
    try
    {
        // While no instance is announced (a server restarting), the calls wait for one instead of failing.
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: stopping).WithWaitForReady();
        using (AsyncDuplexStreamingCall<Animal, Welcome> admit = keeper.Admit(options))
        {
            await admit.RequestStream.WriteAsync(new Cat { Name = $"{visitor}-{visit}-cat", Indoor = visit % 2 == 0 }, stopping);
            await admit.RequestStream.WriteAsync(new Dog { Name = $"{visitor}-{visit}-dog", BonesBuried = (uint)visit }, stopping);
            await admit.RequestStream.CompleteAsync();
            await foreach (Welcome welcome in admit.ResponseStream.ReadAllAsync(stopping))
            {
                string kind = welcome.Animal switch
                {
                    Cat => "cat",
                    Dog => "dog",
                    _ => "animal",
                };
                Print($"welcome {kind} {welcome.Animal.Name} {welcome.Population} {welcome.Text}");
            }
        }

        var residents = new List<string>();
        using (AsyncServerStreamingCall<Animal> census = keeper.Census(new CensusRequest { Prefix = "" }, options))
        {
            await foreach (Animal animal in census.ResponseStream.ReadAllAsync(stopping))
            {
                residents.Add(animal is Cat or Dog ? animal.Name : "?" + animal.Name);
            }
        }

        Print($"census {residents.Count} {string.Join(',', residents)}");
    }
    catch (RpcException exception) when (!stopping.IsCancellationRequested)
    {
        Print("error " + exception.Status.ToString().ReplaceLineEndings(" "));
    }
    catch (OperationCanceledException) when (stopping.IsCancellationRequested)
    {
        break;
    }

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

static void Print(string line) => Console.WriteLine($"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {line}");
