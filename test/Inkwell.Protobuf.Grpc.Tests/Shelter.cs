using Grpc.Core;

namespace Inkwell.Protobuf.Grpc.Tests;

/// <summary>
/// The shelter's handlers, written once for the three encodings' generated classes (each encoding's .proto has its
/// own namespace): what a handler receives is logged as is, so its class shows. Two names ask for faults:
/// <see cref="Sleepy"/> calls never finish by themselves (deadlines, cancellation), <see cref="Stray"/> is refused
/// with a status and trailers.
/// </summary>
internal sealed class Shelter<TAnimal, TCat, TDog>(Func<TAnimal, string> name, Func<string, TCat> cat, Func<string, TDog> dog)
    where TAnimal : class
    where TCat : TAnimal
    where TDog : TAnimal
{
    /// <summary>An animal whose calls never finish by themselves; a census for it streams every resident first.</summary>
    public const string Sleepy = "Sleepy";

    /// <summary>An animal the shelter refuses: <c>FailedPrecondition</c>, with the class it received in a trailer.</summary>
    public const string Stray = "Stray";

    /// <summary>Who lives here: Cats and Dogs, mixed.</summary>
    public IEnumerable<TAnimal> Residents => [cat("Tom"), dog("Toby"), cat("Tabby"), dog("Rex")];

    /// <summary>A Dog for a Cat and a Cat for anything else, with the same name.</summary>
    public TAnimal Opposite(TAnimal animal) => animal is TCat ? dog(name(animal)) : cat(name(animal));

    /// <summary>The animal's name, whatever its class.</summary>
    public string NameOf(TAnimal animal) => name(animal);

    public async Task<TAnimal> Adopt(CallLog log, TAnimal request, ServerCallContext context)
    {
        log.Received.Enqueue(request);
        if (name(request) == Stray)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"no home for {Stray}"), new Metadata { { "x-refused", request.GetType().Name } });
        }

        if (name(request) == Sleepy)
        {
            await WaitForCancellationAsync(log, nameof(Adopt), context);
        }

        if (context.RequestHeaders.GetValue("x-keeper") is { } keeper)
        {
            await context.WriteResponseHeadersAsync(new Metadata { { "x-keeper-echo", keeper } });
        }

        // The class the handler received, so the client can check the server saw the most-derived one.
        context.ResponseTrailers.Add("x-adopted", request.GetType().Name);
        return Opposite(request);
    }

    public async Task Census(CallLog log, TAnimal request, IServerStreamWriter<TAnimal> responses, ServerCallContext context)
    {
        log.Received.Enqueue(request);
        bool sleepy = name(request) == Sleepy;
        foreach (TAnimal resident in sleepy ? Residents : Residents.Where(r => name(r).StartsWith(name(request), StringComparison.Ordinal)))
        {
            await responses.WriteAsync(resident, context.CancellationToken);
        }

        if (sleepy)
        {
            await WaitForCancellationAsync(log, nameof(Census), context);
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

    private static async Task WaitForCancellationAsync(CallLog log, string method, ServerCallContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            log.Cancelled.TrySetResult(method);
            throw;
        }
    }
}
