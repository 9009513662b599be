using System.Collections.Concurrent;
using System.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Oneof = Inkwell.Grpc.Tests.ShelterOneof;

namespace Inkwell.Protobuf.Grpc.Tests;

/// <summary>
/// Inkwell's polymorphic service and a Grpc.Tools project of the lowered schema talk to each other over real calls,
/// both ways: the plain side sees the envelope (an Animal whose oneof holds the Cat), Inkwell's side the Cat.
/// </summary>
public sealed class InteropTests
{
    private static readonly Lazy<Assembly> s_plainOneof = new(() => PlainGrpcTools.Build("shelter_oneof.proto", "PlainOneofShelter.cs.txt"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlainClientOfTheLoweredSchema_CallsTheInkwellServer()
    {
        Type client = s_plainOneof.Value.GetType("Inkwell.Grpc.Tests.ShelterOneof.PlainShelterClient", throwOnError: true)!;
        await using InProcessGrpcServer server = await InProcessGrpcServer.StartAsync(app => app.MapGrpcService<OneofShelterService>(), Token);
        CallInvoker invoker = server.Channel.CreateCallInvoker();

        string adopted = await (Task<string>)client.GetMethod("AdoptCatAsync")!.Invoke(null, [invoker, "Tom"])!;
        List<string> census = await (Task<List<string>>)client.GetMethod("CensusAsync")!.Invoke(null, [invoker, "T"])!;

        Assert.Equal("Dog Tom bones=7", adopted);
        Assert.Equal(["Cat Tom declawed=True", "Dog Toby bones=7", "Cat Tabby declawed=True"], census);
        // Inkwell's handler got the envelope as the Cat it holds.
        Oneof.Cat cat = Assert.IsType<Oneof.Cat>(server.Log.Received.First(), exactMatch: true);
        Assert.Equal(new Oneof.Cat { Name = "Tom", Declawed = true }, cat);
    }

    [Fact]
    public async Task InkwellClient_CallsAServerGeneratedFromTheLoweredSchema()
    {
        Type service = s_plainOneof.Value.GetType("Inkwell.Grpc.Tests.ShelterOneof.PlainShelterService", throwOnError: true)!;
        MethodInfo map = typeof(GrpcEndpointRouteBuilderExtensions).GetMethods()
            .Single(m => m.Name == nameof(GrpcEndpointRouteBuilderExtensions.MapGrpcService) && m.GetParameters().Length == 1)
            .MakeGenericMethod(service);
        await using InProcessGrpcServer server = await InProcessGrpcServer.StartAsync(app => map.Invoke(null, [app]), Token);
        var client = new Oneof.Shelter.ShelterClient(server.Channel);
        var received = (ConcurrentQueue<string>)service.GetField("Received")!.GetValue(null)!;
        received.Clear();

        Oneof.Animal adopted = await client.AdoptAsync(new Oneof.Cat { Name = "Tom", Declawed = true }, cancellationToken: Token);
        List<Oneof.Animal> census = [];
        using (AsyncServerStreamingCall<Oneof.Animal> call = client.Census(new Oneof.Animal { Name = "T" }, cancellationToken: Token))
        {
            await foreach (Oneof.Animal animal in call.ResponseStream.ReadAllAsync(Token))
            {
                census.Add(animal);
            }
        }

        Assert.Equal(new Oneof.Dog { Name = "Tom", BonesBuried = 7 }, Assert.IsType<Oneof.Dog>(adopted, exactMatch: true));
        Assert.Equal([typeof(Oneof.Cat), typeof(Oneof.Dog)], census.Select(a => a.GetType()));
        Assert.Equal(new Oneof.Cat { Name = "Tom", Declawed = true }, census[0]);
        Assert.Equal(["Cat Tom declawed=True", "Animal T"], received);
    }
}
