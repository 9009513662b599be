using Grpc.Core;

namespace Inkwell.Protobuf.Grpc.Tests;

/// <summary>The fault cases of <see cref="ShelterFaultTests"/>, without the encoding's generated types.</summary>
internal interface IShelterFaultScenario
{
    Task DeadlineAsync(CancellationToken cancellationToken);

    Task CancelMidStreamAsync(CancellationToken cancellationToken);

    Task StatusAndTrailersAsync(CancellationToken cancellationToken);

    Task MetadataAsync(CancellationToken cancellationToken);
}

/// <summary>The fault cases, checked the same way for each encoding's generated client and server.</summary>
internal sealed class ShelterFaultScenario<TAnimal, TCat, TDog>(
    Shelter<TAnimal, TCat, TDog> shelter,
    CallLog log,
    Func<TAnimal, CallOptions, AsyncUnaryCall<TAnimal>> adopt,
    Func<TAnimal, CallOptions, AsyncServerStreamingCall<TAnimal>> census,
    Func<string, TAnimal> plainAnimal) : IShelterFaultScenario
    where TAnimal : class
    where TCat : TAnimal
    where TDog : TAnimal
{
    private static readonly TimeSpan s_handlerWait = TimeSpan.FromSeconds(30);

    // The shelter's opposite of anything but a Cat is a Cat, and of a Cat a Dog.
    private TAnimal Cat(string name) => shelter.Opposite(plainAnimal(name));

    private TAnimal Dog(string name) => shelter.Opposite(Cat(name));

    public async Task DeadlineAsync(CancellationToken cancellationToken)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await adopt(Cat(Shelter<TAnimal, TCat, TDog>.Sleepy), new CallOptions(deadline: DateTime.UtcNow + CallLog.DeadlineForSleepyCalls, cancellationToken: cancellationToken)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal("Adopt", await log.Cancelled.Task.WaitAsync(s_handlerWait, cancellationToken));
        Assert.IsType<TCat>(Assert.Single(log.Received), exactMatch: true);
    }

    public async Task CancelMidStreamAsync(CancellationToken cancellationToken)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using AsyncServerStreamingCall<TAnimal> call = census(plainAnimal(Shelter<TAnimal, TCat, TDog>.Sleepy), new CallOptions(cancellationToken: cancellation.Token));

        // Every resident, Cats and Dogs mixed, then the handler waits: cancel while the client waits for a fifth.
        List<TAnimal> arrived = [];
        for (int i = 0; i < 4; i++)
        {
            Assert.True(await call.ResponseStream.MoveNext(cancellationToken));
            arrived.Add(call.ResponseStream.Current);
        }

        Task<bool> next = call.ResponseStream.MoveNext(cancellationToken);
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => next);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal("Census", await log.Cancelled.Task.WaitAsync(s_handlerWait, cancellationToken));
        Assert.Equal([typeof(TCat), typeof(TDog), typeof(TCat), typeof(TDog)], arrived.Select(a => a.GetType()));
        Assert.Equal(["Tom", "Toby", "Tabby", "Rex"], arrived.Select(shelter.NameOf));
        Assert.IsType<TAnimal>(Assert.Single(log.Received), exactMatch: true);
    }

    public async Task StatusAndTrailersAsync(CancellationToken cancellationToken)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await adopt(Dog(Shelter<TAnimal, TCat, TDog>.Stray), new CallOptions(cancellationToken: cancellationToken)));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("no home for Stray", error.Status.Detail);
        Assert.Equal(typeof(TDog).Name, error.Trailers.GetValue("x-refused"));
        Assert.IsType<TDog>(Assert.Single(log.Received), exactMatch: true);
    }

    public async Task MetadataAsync(CancellationToken cancellationToken)
    {
        using AsyncUnaryCall<TAnimal> call = adopt(Cat("Tom"), new CallOptions(new Metadata { { "x-keeper", "Ada" } }, cancellationToken: cancellationToken));

        Metadata headers = await call.ResponseHeadersAsync;
        TAnimal adopted = await call;

        Assert.Equal("Ada", headers.GetValue("x-keeper-echo"));
        Assert.Equal(typeof(TCat).Name, call.GetTrailers().GetValue("x-adopted"));
        Assert.IsType<TDog>(adopted, exactMatch: true);
        Assert.Equal("Tom", shelter.NameOf(adopted));
        Assert.IsType<TCat>(Assert.Single(log.Received), exactMatch: true);
    }
}
