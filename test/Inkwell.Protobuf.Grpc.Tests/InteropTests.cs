using System.Collections.Concurrent;
using System.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Any = Inkwell.Grpc.Tests.ShelterAny;
using Extensions = Inkwell.Grpc.Tests.ShelterExtensions;
using Oneof = Inkwell.Grpc.Tests.ShelterOneof;

namespace Inkwell.Protobuf.Grpc.Tests;

/// <summary>
/// Inkwell's polymorphic service and a Grpc.Tools project of the lowered schema talk to each other over real calls,
/// both ways: the plain side sees the envelope (an Animal whose oneof holds the Cat, whose Any packs it, or which has the
/// Cat's level as an extension), Inkwell's side the Cat.
/// </summary>
public sealed class InteropTests
{
    private static readonly Lazy<Assembly> s_plainOneof = new(() => PlainGrpcTools.Build("shelter_oneof.proto", "PlainOneofShelter.cs.txt"));
    private static readonly Lazy<Assembly> s_plainAny = new(() => PlainGrpcTools.Build("shelter_any.proto", "PlainAnyShelter.cs.txt"));
    private static readonly Lazy<Assembly> s_plainExtensions = new(() => PlainGrpcTools.Build("shelter_extensions.proto", "PlainExtensionsShelter.cs.txt"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ONEOF")]
    [InlineData("ANY")]
    [InlineData("EXTENSIONS")]
    public async Task PlainClientOfTheLoweredSchema_CallsTheInkwellServer(string encoding)
    {
        (Assembly plain, string ns, object cat) = encoding switch
        {
            "ONEOF" => (s_plainOneof.Value, "Inkwell.Grpc.Tests.ShelterOneof", (object)new Oneof.Cat { Name = "Tom", Declawed = true }),
            "ANY" => (s_plainAny.Value, "Inkwell.Grpc.Tests.ShelterAny", new Any.Cat { Name = "Tom", Declawed = true }),
            _ => (s_plainExtensions.Value, "Inkwell.Grpc.Tests.ShelterExtensions", new Extensions.Cat { Name = "Tom", Declawed = true }),
        };
        Type client = plain.GetType(ns + ".PlainShelterClient", throwOnError: true)!;
        await using InProcessGrpcServer server = await InProcessGrpcServer.StartAsync(app => _ = encoding switch
        {
            "ONEOF" => app.MapGrpcService<OneofShelterService>(),
            "ANY" => app.MapGrpcService<AnyShelterService>(),
            _ => app.MapGrpcService<ExtensionsShelterService>(),
        }, Token);
        CallInvoker invoker = server.Channel.CreateCallInvoker();

        string adopted = await (Task<string>)client.GetMethod("AdoptCatAsync")!.Invoke(null, [invoker, "Tom"])!;
        List<string> census = await (Task<List<string>>)client.GetMethod("CensusAsync")!.Invoke(null, [invoker, "T"])!;

        Assert.Equal("Dog Tom bones=7", adopted);
        Assert.Equal(["Cat Tom declawed=True", "Dog Toby bones=7", "Cat Tabby declawed=True"], census);
        // Inkwell's handler got the envelope as the Cat it holds.
        object received = server.Log.Received.First();
        Assert.Equal(ns + ".Cat", received.GetType().FullName);
        Assert.Equal(cat, received);
    }

    [Fact]
    public async Task InkwellClient_CallsAServerGeneratedFromTheLoweredSchema_Oneof()
    {
        await using InProcessGrpcServer server = await StartPlainServerAsync(s_plainOneof.Value, "Inkwell.Grpc.Tests.ShelterOneof", out ConcurrentQueue<string> received);
        var client = new Oneof.Shelter.ShelterClient(server.Channel);

        Oneof.Animal adopted = await client.AdoptAsync(new Oneof.Cat { Name = "Tom", Declawed = true }, cancellationToken: Token);
        List<Oneof.Animal> census = await ReadAllAsync(client.Census(new Oneof.Animal { Name = "T" }, cancellationToken: Token));

        Assert.Equal(new Oneof.Dog { Name = "Tom", BonesBuried = 7 }, Assert.IsType<Oneof.Dog>(adopted, exactMatch: true));
        Assert.Equal([typeof(Oneof.Cat), typeof(Oneof.Dog)], census.Select(a => a.GetType()));
        Assert.Equal(new Oneof.Cat { Name = "Tom", Declawed = true }, census[0]);
        Assert.Equal(["Cat Tom declawed=True", "Animal T"], received);
    }

    [Fact]
    public async Task InkwellClient_CallsAServerGeneratedFromTheLoweredSchema_Any()
    {
        await using InProcessGrpcServer server = await StartPlainServerAsync(s_plainAny.Value, "Inkwell.Grpc.Tests.ShelterAny", out ConcurrentQueue<string> received);
        var client = new Any.Shelter.ShelterClient(server.Channel);

        Any.Animal adopted = await client.AdoptAsync(new Any.Cat { Name = "Tom", Declawed = true }, cancellationToken: Token);
        List<Any.Animal> census = await ReadAllAsync(client.Census(new Any.Animal { Name = "T" }, cancellationToken: Token));

        Assert.Equal(new Any.Dog { Name = "Tom", BonesBuried = 7 }, Assert.IsType<Any.Dog>(adopted, exactMatch: true));
        Assert.Equal([typeof(Any.Cat), typeof(Any.Dog)], census.Select(a => a.GetType()));
        Assert.Equal(new Any.Cat { Name = "Tom", Declawed = true }, census[0]);
        Assert.Equal(["Cat Tom declawed=True", "Animal T"], received);
    }

    [Fact]
    public async Task InkwellClient_CallsAServerGeneratedFromTheLoweredSchema_Extensions()
    {
        await using InProcessGrpcServer server = await StartPlainServerAsync(s_plainExtensions.Value, "Inkwell.Grpc.Tests.ShelterExtensions", out ConcurrentQueue<string> received);
        var client = new Extensions.Shelter.ShelterClient(server.Channel);

        Extensions.Animal adopted = await client.AdoptAsync(new Extensions.Cat { Name = "Tom", Declawed = true }, cancellationToken: Token);
        List<Extensions.Animal> census = await ReadAllAsync(client.Census(new Extensions.Animal { Name = "T" }, cancellationToken: Token));

        Assert.Equal(new Extensions.Dog { Name = "Tom", BonesBuried = 7 }, Assert.IsType<Extensions.Dog>(adopted, exactMatch: true));
        Assert.Equal([typeof(Extensions.Cat), typeof(Extensions.Dog)], census.Select(a => a.GetType()));
        Assert.Equal(new Extensions.Cat { Name = "Tom", Declawed = true }, census[0]);
        Assert.Equal(["Cat Tom declawed=True", "Animal T"], received);
    }

    /// <summary>A server hosting the plain project's <c>PlainShelterService</c> (mapped by reflection: its type is only known at run time).</summary>
    private static Task<InProcessGrpcServer> StartPlainServerAsync(Assembly plain, string ns, out ConcurrentQueue<string> received)
    {
        Type service = plain.GetType(ns + ".PlainShelterService", throwOnError: true)!;
        received = (ConcurrentQueue<string>)service.GetField("Received")!.GetValue(null)!;
        received.Clear();
        MethodInfo map = typeof(GrpcEndpointRouteBuilderExtensions).GetMethods()
            .Single(m => m.Name == nameof(GrpcEndpointRouteBuilderExtensions.MapGrpcService) && m.GetParameters().Length == 1)
            .MakeGenericMethod(service);
        return InProcessGrpcServer.StartAsync(app => map.Invoke(null, [app]), Token);
    }

    private static async Task<List<T>> ReadAllAsync<T>(AsyncServerStreamingCall<T> call)
    {
        using (call)
        {
            List<T> all = [];
            await foreach (T item in call.ResponseStream.ReadAllAsync(Token))
            {
                all.Add(item);
            }

            return all;
        }
    }
}
