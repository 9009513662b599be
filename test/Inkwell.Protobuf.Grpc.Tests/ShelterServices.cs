using Grpc.Core;
using Any = Inkwell.Grpc.Tests.ShelterAny;
using Extensions = Inkwell.Grpc.Tests.ShelterExtensions;
using Oneof = Inkwell.Grpc.Tests.ShelterOneof;

namespace Inkwell.Protobuf.Grpc.Tests;

/// <summary>The generated <c>ShelterBase</c> of each encoding, implemented by <see cref="Shelter{TAnimal, TCat, TDog}"/>.</summary>
internal static class Shelters
{
    public static readonly Shelter<Oneof.Animal, Oneof.Cat, Oneof.Dog> Oneof =
        new(a => a.Name, n => new Oneof.Cat { Name = n, Declawed = true }, n => new Oneof.Dog { Name = n, BonesBuried = 7 });

    public static readonly Shelter<Any.Animal, Any.Cat, Any.Dog> Any =
        new(a => a.Name, n => new Any.Cat { Name = n, Declawed = true }, n => new Any.Dog { Name = n, BonesBuried = 7 });

    public static readonly Shelter<Extensions.Animal, Extensions.Cat, Extensions.Dog> Extensions =
        new(a => a.Name, n => new Extensions.Cat { Name = n, Declawed = true }, n => new Extensions.Dog { Name = n, BonesBuried = 7 });
}

internal sealed class OneofShelterService(CallLog log) : Oneof.Shelter.ShelterBase
{
    public override Task<Oneof.Animal> Adopt(Oneof.Animal request, ServerCallContext context) => Shelters.Oneof.Adopt(log, request, context);

    public override Task Census(Oneof.Animal request, IServerStreamWriter<Oneof.Animal> responseStream, ServerCallContext context) =>
        Shelters.Oneof.Census(log, request, responseStream, context);

    public override Task<Oneof.Animal> Admit(IAsyncStreamReader<Oneof.Animal> requestStream, ServerCallContext context) =>
        Shelters.Oneof.Admit(log, requestStream, context);

    public override Task Swap(IAsyncStreamReader<Oneof.Animal> requestStream, IServerStreamWriter<Oneof.Animal> responseStream, ServerCallContext context) =>
        Shelters.Oneof.Swap(log, requestStream, responseStream, context);
}

internal sealed class AnyShelterService(CallLog log) : Any.Shelter.ShelterBase
{
    public override Task<Any.Animal> Adopt(Any.Animal request, ServerCallContext context) => Shelters.Any.Adopt(log, request, context);

    public override Task Census(Any.Animal request, IServerStreamWriter<Any.Animal> responseStream, ServerCallContext context) =>
        Shelters.Any.Census(log, request, responseStream, context);

    public override Task<Any.Animal> Admit(IAsyncStreamReader<Any.Animal> requestStream, ServerCallContext context) =>
        Shelters.Any.Admit(log, requestStream, context);

    public override Task Swap(IAsyncStreamReader<Any.Animal> requestStream, IServerStreamWriter<Any.Animal> responseStream, ServerCallContext context) =>
        Shelters.Any.Swap(log, requestStream, responseStream, context);
}

internal sealed class ExtensionsShelterService(CallLog log) : Extensions.Shelter.ShelterBase
{
    public override Task<Extensions.Animal> Adopt(Extensions.Animal request, ServerCallContext context) => Shelters.Extensions.Adopt(log, request, context);

    public override Task Census(Extensions.Animal request, IServerStreamWriter<Extensions.Animal> responseStream, ServerCallContext context) =>
        Shelters.Extensions.Census(log, request, responseStream, context);

    public override Task<Extensions.Animal> Admit(IAsyncStreamReader<Extensions.Animal> requestStream, ServerCallContext context) =>
        Shelters.Extensions.Admit(log, requestStream, context);

    public override Task Swap(IAsyncStreamReader<Extensions.Animal> requestStream, IServerStreamWriter<Extensions.Animal> responseStream, ServerCallContext context) =>
        Shelters.Extensions.Swap(log, requestStream, responseStream, context);
}
