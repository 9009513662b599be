using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inkwell.Samples.Shelter;

/// <summary>Starts the shelter on loopback, calls it with the generated client, and tells what came back.</summary>
public static class ShelterTour
{
    /// <summary>Runs the tour, writing one line per result to <paramref name="output"/>.</summary>
    public static async Task RunAsync(TextWriter output, CancellationToken cancellationToken = default)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Loopback only, a port the system picks, HTTP/2 without TLS.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        await using WebApplication app = builder.Build();
        app.MapGrpcService<ShelterService>();
        await app.StartAsync(cancellationToken);
        try
        {
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using GrpcChannel channel = GrpcChannel.ForAddress(address);
            var shelter = new Shelter.ShelterClient(channel);

            foreach (Animal given in new Animal[] { new Cat { Name = "Felix", Declawed = true }, new Dog { Name = "Fido" } })
            {
                Animal taken = await shelter.SwapAsync(given, cancellationToken: cancellationToken);
                await output.WriteLineAsync($"gave {Describe(given)}, took home {Describe(taken)}");
            }

            using AsyncServerStreamingCall<Animal> census = shelter.Census(new CensusRequest(), cancellationToken: cancellationToken);
            await foreach (Animal resident in census.ResponseStream.ReadAllAsync(cancellationToken))
            {
                await output.WriteLineAsync($"lives here: {Describe(resident)}");
            }
        }
        finally
        {
            await app.StopAsync(cancellationToken);
        }
    }

    private static string Describe(Animal animal) => animal switch
    {
        Cat cat => $"the cat {cat.Name}{(cat.Declawed ? " (declawed)" : "")}",
        Dog dog => $"the dog {dog.Name}, who buried {dog.BonesBuried} bones",
        _ => $"the animal {animal.Name}",
    };
}
