using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Any = Inkwell.Grpc.Tests.ShelterAny;
using Extensions = Inkwell.Grpc.Tests.ShelterExtensions;
using Oneof = Inkwell.Grpc.Tests.ShelterOneof;

namespace Inkwell.Protobuf.Grpc.Tests;

/// <summary>
/// Polymorphic RPCs (<c>rpc Adopt(Animal) returns (Animal)</c> and streams of Animal) in each encoding, over real
/// calls: the handler receives the most-derived class with its own fields, the client gets the most-derived class
/// back, and streams mix Cats and Dogs.
/// </summary>
public sealed class ShelterCallTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Oneof_CallsCarryTheMostDerivedClasses()
    {
        await using InProcessGrpcServer server = await InProcessGrpcServer.StartAsync(app => app.MapGrpcService<OneofShelterService>(), Token);
        var client = new Oneof.Shelter.ShelterClient(server.Channel);
        await new ShelterScenario<Oneof.Animal, Oneof.Cat, Oneof.Dog>(
            Shelters.Oneof,
            server.Log,
            a => a switch { Oneof.Cat c => $"Cat {c.Name} declawed={c.Declawed}", Oneof.Dog d => $"Dog {d.Name} bones={d.BonesBuried}", _ => $"Animal {a.Name}" },
            (a, token) => client.AdoptAsync(a, cancellationToken: token),
            (a, token) => client.Census(a, cancellationToken: token),
            token => client.Admit(cancellationToken: token),
            token => client.Swap(cancellationToken: token),
            new Oneof.Animal { Name = "T" }).RunAsync(Token);
    }

    [Fact]
    public async Task Any_CallsCarryTheMostDerivedClasses()
    {
        await using InProcessGrpcServer server = await InProcessGrpcServer.StartAsync(app => app.MapGrpcService<AnyShelterService>(), Token);
        var client = new Any.Shelter.ShelterClient(server.Channel);
        await new ShelterScenario<Any.Animal, Any.Cat, Any.Dog>(
            Shelters.Any,
            server.Log,
            a => a switch { Any.Cat c => $"Cat {c.Name} declawed={c.Declawed}", Any.Dog d => $"Dog {d.Name} bones={d.BonesBuried}", _ => $"Animal {a.Name}" },
            (a, token) => client.AdoptAsync(a, cancellationToken: token),
            (a, token) => client.Census(a, cancellationToken: token),
            token => client.Admit(cancellationToken: token),
            token => client.Swap(cancellationToken: token),
            new Any.Animal { Name = "T" }).RunAsync(Token);
    }

    [Fact]
    public async Task Extensions_CallsCarryTheMostDerivedClasses()
    {
        await using InProcessGrpcServer server = await InProcessGrpcServer.StartAsync(app => app.MapGrpcService<ExtensionsShelterService>(), Token);
        var client = new Extensions.Shelter.ShelterClient(server.Channel);
        await new ShelterScenario<Extensions.Animal, Extensions.Cat, Extensions.Dog>(
            Shelters.Extensions,
            server.Log,
            a => a switch { Extensions.Cat c => $"Cat {c.Name} declawed={c.Declawed}", Extensions.Dog d => $"Dog {d.Name} bones={d.BonesBuried}", _ => $"Animal {a.Name}" },
            (a, token) => client.AdoptAsync(a, cancellationToken: token),
            (a, token) => client.Census(a, cancellationToken: token),
            token => client.Admit(cancellationToken: token),
            token => client.Swap(cancellationToken: token),
            new Extensions.Animal { Name = "T" }).RunAsync(Token);
    }
}

/// <summary>The four calls of the shelter, checked the same way for each encoding's generated client.</summary>
internal sealed class ShelterScenario<TAnimal, TCat, TDog>(
    Shelter<TAnimal, TCat, TDog> shelter,
    CallLog log,
    Func<TAnimal, string> describe,
    Func<TAnimal, CancellationToken, AsyncUnaryCall<TAnimal>> adopt,
    Func<TAnimal, CancellationToken, AsyncServerStreamingCall<TAnimal>> census,
    Func<CancellationToken, AsyncClientStreamingCall<TAnimal, TAnimal>> admit,
    Func<CancellationToken, AsyncDuplexStreamingCall<TAnimal, TAnimal>> swap,
    TAnimal plainAnimalNamedT)
    where TAnimal : class
    where TCat : TAnimal
    where TDog : TAnimal
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        TAnimal[] residents = [.. shelter.Residents];
        TAnimal tom = residents[0], toby = residents[1], tabby = residents[2];

        // Unary: a Cat in, a Dog out; the handler saw a Cat (not an Animal holding one), with its own field.
        TAnimal adopted = await adopt(tom, cancellationToken);
        Assert.IsType<TDog>(adopted, exactMatch: true);
        Assert.Equal("Dog Tom bones=7", describe(adopted));
        Assert.IsType<TCat>(Assert.Single(log.Received), exactMatch: true);
        Assert.Equal("Cat Tom declawed=True", describe((TAnimal)log.Received.Single()));

        // Server streaming, mixed: Cat, Dog, Cat, each its own class; the request was a plain Animal.
        using (AsyncServerStreamingCall<TAnimal> call = census(plainAnimalNamedT, cancellationToken))
        {
            List<TAnimal> found = [];
            await foreach (TAnimal animal in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                found.Add(animal);
            }

            Assert.Equal(["Cat Tom declawed=True", "Dog Toby bones=7", "Cat Tabby declawed=True"], found.Select(describe));
            Assert.Equal([typeof(TCat), typeof(TDog), typeof(TCat)], found.Select(a => a.GetType()));
        }

        Assert.IsType<TAnimal>(log.Received.Last(), exactMatch: true);

        // Client streaming, mixed: the handler reads each as its own class.
        log.Received.Clear();
        using (AsyncClientStreamingCall<TAnimal, TAnimal> call = admit(cancellationToken))
        {
            foreach (TAnimal animal in new[] { toby, tabby, shelter.Opposite(tabby) })
            {
                await call.RequestStream.WriteAsync(animal, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
            TAnimal last = await call;
            Assert.IsType<TDog>(last, exactMatch: true);
            Assert.Equal("Dog Tabby bones=7", describe(last));
        }

        Assert.Equal([typeof(TDog), typeof(TCat), typeof(TDog)], log.Received.Select(a => a.GetType()));

        // Bidirectional: each answer is the opposite class of its request.
        using (AsyncDuplexStreamingCall<TAnimal, TAnimal> call = swap(cancellationToken))
        {
            List<string> answers = [];
            foreach (TAnimal animal in new[] { tom, toby, tabby })
            {
                await call.RequestStream.WriteAsync(animal, cancellationToken);
                Assert.True(await call.ResponseStream.MoveNext(cancellationToken));
                answers.Add(describe(call.ResponseStream.Current));
            }

            await call.RequestStream.CompleteAsync();
            Assert.False(await call.ResponseStream.MoveNext(cancellationToken));
            Assert.Equal(["Dog Tom bones=7", "Cat Toby declawed=True", "Dog Tabby bones=7"], answers);
        }
    }
}
