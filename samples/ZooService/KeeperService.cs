using Grpc.Core;
using Inkwell.Zeroconf.AspNetCore;

namespace Inkwell.Samples.ZooService;

/// <summary>The keeper's handlers: the generated <c>Keeper.KeeperBase</c>, whose requests arrive as the most-derived
/// classes (a <see cref="Cat"/> or a <see cref="Dog"/> where the method takes an <see cref="Animal"/>).</summary>
/// <param name="advertisement">The app's DNS-SD advertisement: the name this zoo goes by on the network.</param>
public sealed class KeeperService(DnsSdAdvertisement advertisement) : Keeper.KeeperBase
{
    // The name in use (a taken name is renamed); none while the service is not announced (starting, or draining after its goodbye).
    private string ZooName => advertisement.Endpoints is [var endpoint, ..] ? endpoint.Name : "(not announced)";

    /// <inheritdoc/>
    public override async Task Admit(IAsyncStreamReader<Animal> requestStream, IServerStreamWriter<Welcome> responseStream, ServerCallContext context)
    {
        await foreach (Animal animal in requestStream.ReadAllAsync(context.CancellationToken))
        {
            int population = Zoo.Admit(animal);
            await responseStream.WriteAsync(new Welcome { Text = Greet(animal), Animal = animal, Population = (uint)population, Zoo = ZooName }, context.CancellationToken);
        }
    }

    /// <inheritdoc/>
    public override async Task Census(CensusRequest request, IServerStreamWriter<Animal> responseStream, ServerCallContext context)
    {
        foreach (Animal animal in Zoo.Census(request.Prefix))
        {
            await responseStream.WriteAsync(animal, context.CancellationToken);
        }
    }

    // Edit me while the service runs: the next animal admitted is greeted by the new code.
    private static string Greet(Animal animal) => animal switch
    {
        Cat { Indoor: true } cat => $"Welcome, {cat.Name}: the sofa is yours.",
        Cat cat => $"Welcome, {cat.Name}: mind the pond.",
        Dog dog => $"Welcome, {dog.Name}: {dog.BonesBuried} bones are buried here already.",
        _ => $"Welcome, {animal.Name}.",
    };
}
