// Visits the ZooService sample, found by name: the channel's address is dnssd:///zoo-service (the live instances of
// _zoo-service._tcp on the network), nothing else. Each visit streams a cat and a dog to Keeper/Admit and reads the
// welcomes streamed back, then takes the census (a stream of Animals, each a Cat or a Dog):
//   dotnet run --project samples/ZooClient
// Each instance keeps a zoo of its own: a visit's calls all go to one zoo (dnssd_affinity, keyed by the visit), and the
// visits spread over every zoo on the network; when a zoo leaves, the visits go to the others.
// Each line starts with the Unix time in ms: "<ms> welcome <cat|dog> <name> <population> <zoo>: <text>",
// "<ms> census <count> <name>,<name>,... at <zoo>" (the zoo that welcomed the visit), or "<ms> error <why>".
// Options: --Zoo:Visitor (the prefix of the names it gives, default "visitor"), --Zoo:Interval (ms between visits,
// default 1000), --Zeroconf:Backend, --Zeroconf:Interfaces:0, --Zeroconf:HostName.
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Inkwell.Samples.ZooService;
using Inkwell.Zeroconf.Hosting;
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
    ServiceConfig = new ServiceConfig
    {
        // Every instance on the network takes its turn, but the calls of one visit (same affinity key) go to the same zoo.
        LoadBalancingConfigs = { new DnsSdAffinityConfig() },
        // A call that could not start (the zoo it was sent to closed its listener a moment before the channel noticed:
        // a restart) is tried again; with WaitForReady the retry waits for a zoo to be announced.
        MethodConfigs =
        {
            new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = 5,
                    InitialBackoff = TimeSpan.FromMilliseconds(100),
                    MaxBackoff = TimeSpan.FromSeconds(1),
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            },
        },
    },
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
        var options = new CallOptions(
            headers: new Metadata { { DnsSdAffinityConfig.KeyHeader, $"{visitor}-{visit}" } },
            deadline: DateTime.UtcNow.AddSeconds(30),
            cancellationToken: stopping).WithWaitForReady();
        string zoo = "?";
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
                zoo = welcome.Zoo;
                Print($"welcome {kind} {welcome.Animal.Name} {welcome.Population} {welcome.Zoo}: {welcome.Text}");
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

        Print($"census {residents.Count} {(residents.Count > 0 ? string.Join(',', residents) : "-")} at {zoo}");
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
