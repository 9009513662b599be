using Grpc.Core;

namespace Inkwell.Protobuf.Grpc.Tests;

/// <summary>
/// The shelter's handlers, written once for the three encodings' generated classes (each encoding's .proto has its
/// own namespace): what a handler receives is logged as is, so its class shows.
/// </summary>
internal sealed class Shelter<TAnimal, TCat, TDog>(Func<TAnimal, string> name, Func<string, TCat> cat, Func<string, TDog> dog)
    where TAnimal : class
    where TCat : TAnimal
    where TDog : TAnimal
{
    /// <summary>Who lives here: Cats and Dogs, mixed.</summary>
    public IEnumerable<TAnimal> Residents => [cat("Tom"), dog("Toby"), cat("Tabby"), dog("Rex")];

    /// <summary>A Dog for a Cat and a Cat for anything else, with the same name.</summary>
    public TAnimal Opposite(TAnimal animal) => animal is TCat ? dog(name(animal)) : cat(name(animal));

    public Task<TAnimal> Adopt(CallLog log, TAnimal request)
    {
        log.Received.Enqueue(request);
        return Task.FromResult(Opposite(request));
    }

    public async Task Census(CallLog log, TAnimal request, IServerStreamWriter<TAnimal> responses, ServerCallContext context)
    {
        log.Received.Enqueue(request);
        foreach (TAnimal resident in Residents.Where(r => name(r).StartsWith(name(request), StringComparison.Ordinal)))
        {
            await responses.WriteAsync(resident, context.CancellationToken);
        }
    }

    public async Task<TAnimal> Admit(CallLog log, IAsyncStreamReader<TAnimal> requests, ServerCallContext context)
    {
        TAnimal? last = null;
        await foreach (TAnimal animal in requests.ReadAllAsync(context.CancellationToken))
        {
            log.Received.Enqueue(animal);
            last = animal;
        }

        return last ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "no animal admitted"));
    }

    public async Task Swap(CallLog log, IAsyncStreamReader<TAnimal> requests, IServerStreamWriter<TAnimal> responses, ServerCallContext context)
    {
        await foreach (TAnimal animal in requests.ReadAllAsync(context.CancellationToken))
        {
            log.Received.Enqueue(animal);
            await responses.WriteAsync(Opposite(animal), context.CancellationToken);
        }
    }
}
