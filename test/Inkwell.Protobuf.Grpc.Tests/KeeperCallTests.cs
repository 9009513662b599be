using Grpc.Core;
using Inkwell.Grpc.Tests.Keeper;
using Microsoft.AspNetCore.Builder;

namespace Inkwell.Protobuf.Grpc.Tests;

/// <summary>
/// The generated client (<c>Keeper.KeeperClient</c>) calls the generated server base (<c>Keeper.KeeperBase</c>) over
/// HTTP/2 on loopback: every kind of call, deadlines, cancellation, status and trailers, metadata.
/// </summary>
public sealed class KeeperCallTests : IAsyncLifetime
{
    private InProcessGrpcServer _server = null!;
    private Keeper.KeeperClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await InProcessGrpcServer.StartAsync(app => app.MapGrpcService<KeeperService>(), TestContext.Current.CancellationToken);
        _client = new Keeper.KeeperClient(_server.Channel);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unary_AsyncAndBlocking_ReturnTheHandlersReply()
    {
        FeedReply reply = await _client.FeedAsync(new FeedRequest { Animal = "cat", Grams = 40 }, cancellationToken: Token);
        FeedReply blocking = await Task.Run(() => _client.Feed(new FeedRequest { Animal = "dog", Grams = 300 }, cancellationToken: Token), Token);

        Assert.Equal(new FeedReply { Animal = "cat", TotalGrams = 40 }, reply);
        Assert.Equal(new FeedReply { Animal = "dog", TotalGrams = 300 }, blocking);
        Assert.Equal([new FeedRequest { Animal = "cat", Grams = 40 }, new FeedRequest { Animal = "dog", Grams = 300 }], _server.Log.Received);
    }

    [Fact]
    public async Task ServerStreaming_DeliversEveryMessageInOrder()
    {
        using AsyncServerStreamingCall<FeedReply> call = _client.Watch(new FeedRequest { Animal = "owl", Grams = 5 }, cancellationToken: Token);

        List<int> totals = [];
        await foreach (FeedReply reply in call.ResponseStream.ReadAllAsync(Token))
        {
            totals.Add(reply.TotalGrams);
        }

        Assert.Equal([1, 2, 3, 4, 5], totals);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ClientStreaming_TheHandlerReadsEveryMessage()
    {
        using AsyncClientStreamingCall<FeedRequest, FeedReply> call = _client.FeedMany(cancellationToken: Token);
        foreach (int grams in new[] { 10, 20, 30 })
        {
            await call.RequestStream.WriteAsync(new FeedRequest { Animal = "bear", Grams = grams }, Token);
        }

        await call.RequestStream.CompleteAsync();

        Assert.Equal(new FeedReply { Animal = "bear", TotalGrams = 60 }, await call);
        Assert.Equal(3, _server.Log.Received.Count);
    }

    [Fact]
    public async Task Bidirectional_EachRequestIsAnsweredBeforeTheNextIsSent()
    {
        using AsyncDuplexStreamingCall<FeedRequest, FeedReply> call = _client.Chat(cancellationToken: Token);
        List<int> totals = [];
        foreach (int grams in new[] { 1, 2, 3 })
        {
            await call.RequestStream.WriteAsync(new FeedRequest { Animal = "fox", Grams = grams }, Token);
            Assert.True(await call.ResponseStream.MoveNext(Token));
            totals.Add(call.ResponseStream.Current.TotalGrams);
        }

        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNext(Token));
        Assert.Equal([1, 3, 6], totals);
    }

    [Fact]
    public async Task Deadline_Passed_FailsWithDeadlineExceededAndCancelsTheHandler()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _client.FeedAsync(new FeedRequest { Animal = KeeperService.Sleepy }, deadline: DateTime.UtcNow + CallLog.DeadlineForSleepyCalls, cancellationToken: Token));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal("Feed", await _server.Log.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30), Token));
    }

    [Fact]
    public async Task Cancellation_MidStream_FailsWithCancelledAndCancelsTheHandler()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        using AsyncServerStreamingCall<FeedReply> call = _client.Watch(new FeedRequest { Animal = KeeperService.Sleepy, Grams = 2 }, cancellationToken: cancellation.Token);

        Assert.True(await call.ResponseStream.MoveNext(Token));
        Assert.True(await call.ResponseStream.MoveNext(Token));
        Task<bool> next = call.ResponseStream.MoveNext(Token);
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => next);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal("Watch", await _server.Log.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30), Token));
    }

    [Fact]
    public async Task RpcException_ReachesTheClientWithItsStatusAndTrailers()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _client.FeedAsync(new FeedRequest { Animal = "cat", Grams = -1 }, cancellationToken: Token));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("grams must not be negative", error.Status.Detail);
        Assert.Equal("negative-grams", error.Trailers.GetValue("x-reason"));
    }

    [Fact]
    public async Task Metadata_HeadersGoBothWaysAndTrailersComeBack()
    {
        using AsyncUnaryCall<FeedReply> call = _client.FeedAsync(
            new FeedRequest { Animal = "cat", Grams = 1 }, new CallOptions(new Metadata { { "x-keeper", "Ada" } }, cancellationToken: Token));

        Metadata headers = await call.ResponseHeadersAsync;
        await call;

        Assert.Equal("Ada", headers.GetValue("x-keeper-echo"));
        Assert.Equal("cat", call.GetTrailers().GetValue("x-fed"));
    }

    [Fact]
    public async Task UnimplementedMethod_OfTheGeneratedBase_AnswersUnimplemented()
    {
        // A server whose service overrides nothing: the generated base's virtual methods answer.
        await using InProcessGrpcServer bare = await InProcessGrpcServer.StartAsync(app => app.MapGrpcService<BareKeeper>(), Token);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new Keeper.KeeperClient(bare.Channel).FeedAsync(new FeedRequest(), cancellationToken: Token));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    private sealed class BareKeeper : Keeper.KeeperBase;
}
