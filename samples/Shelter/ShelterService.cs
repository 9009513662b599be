using Grpc.Core;

namespace Inkwell.Samples.Shelter;

/// <summary>The shelter's handlers: the generated <c>Shelter.ShelterBase</c>, whose requests are the most-derived classes.</summary>
public sealed class ShelterService : Shelter.ShelterBase
{
    private static readonly Animal[] s_residents =
    [
        new Cat { Name = "Tom", Declawed = false },
        new Dog { Name = "Rex", BonesBuried = 12 },
        new Cat { Name = "Tabby", Declawed = true },
    ];

    /// <inheritdoc/>
    public override Task<Animal> Swap(Animal request, ServerCallContext context) => Task.FromResult<Animal>(request switch
    {
        Cat cat => new Dog { Name = "Rex", BonesBuried = cat.Declawed ? 3u : 12u },
        Dog => new Cat { Name = "Tom" },
        _ => throw new RpcException(new Status(StatusCode.InvalidArgument, $"{request.Name} is neither a cat nor a dog")),
    });

    /// <inheritdoc/>
    public override async Task Census(CensusRequest request, IServerStreamWriter<Animal> responseStream, ServerCallContext context)
    {
        foreach (Animal resident in s_residents.Where(a => a.Name.StartsWith(request.Prefix, StringComparison.Ordinal)))
        {
            await responseStream.WriteAsync(resident, context.CancellationToken);
        }
    }
}
