using Grpc.Core;
using Inkwell.Grpc.Tests.Keeper;

namespace Inkwell.Protobuf.Grpc.Tests;

/// <summary>The generated <c>Keeper.KeeperBase</c> implemented: every kind of call, errors, metadata, slow calls.</summary>
internal sealed class KeeperService(CallLog log) : Keeper.KeeperBase
{
    /// <summary>An animal whose calls never finish by themselves: for deadlines and cancellation.</summary>
    public const string Sleepy = "sleepy";

    public override async Task<FeedReply> Feed(FeedRequest request, ServerCallContext context)
    {
        log.Received.Enqueue(request);
        if (request.Grams < 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "grams must not be negative"), new Metadata { { "x-reason", "negative-grams" } });
        }

        if (request.Animal == Sleepy)
        {
            await WaitForCancellationAsync(nameof(Feed), context);
        }

        if (context.RequestHeaders.GetValue("x-keeper") is { } keeper)
        {
            await context.WriteResponseHeadersAsync(new Metadata { { "x-keeper-echo", keeper } });
        }

        context.ResponseTrailers.Add("x-fed", request.Animal);
        return new FeedReply { Animal = request.Animal, TotalGrams = request.Grams };
    }

    public override async Task Watch(FeedRequest request, IServerStreamWriter<FeedReply> responseStream, ServerCallContext context)
    {
        log.Received.Enqueue(request);
        for (int gram = 1; gram <= request.Grams; gram++)
        {
            await responseStream.WriteAsync(new FeedReply { Animal = request.Animal, TotalGrams = gram }, context.CancellationToken);
        }

        if (request.Animal == Sleepy)
        {
            await WaitForCancellationAsync(nameof(Watch), context);
        }
    }

    public override async Task<FeedReply> FeedMany(IAsyncStreamReader<FeedRequest> requestStream, ServerCallContext context)
    {
        var reply = new FeedReply();
        await foreach (FeedRequest request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            log.Received.Enqueue(request);
            reply.Animal = request.Animal;
            reply.TotalGrams += request.Grams;
        }

        return reply;
    }

    public override async Task Chat(IAsyncStreamReader<FeedRequest> requestStream, IServerStreamWriter<FeedReply> responseStream, ServerCallContext context)
    {
        int total = 0;
        await foreach (FeedRequest request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            log.Received.Enqueue(request);
            total += request.Grams;
            await responseStream.WriteAsync(new FeedReply { Animal = request.Animal, TotalGrams = total }, context.CancellationToken);
        }
    }

    private async Task WaitForCancellationAsync(string method, ServerCallContext context)
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
