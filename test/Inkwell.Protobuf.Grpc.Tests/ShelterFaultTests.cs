using Microsoft.AspNetCore.Builder;
using Any = Inkwell.Grpc.Tests.ShelterAny;
using Extensions = Inkwell.Grpc.Tests.ShelterExtensions;
using Oneof = Inkwell.Grpc.Tests.ShelterOneof;

namespace Inkwell.Protobuf.Grpc.Tests;

/// <summary>
/// Deadlines, cancellation, status with trailers and metadata on polymorphic calls, in each encoding, over real calls:
/// what did arrive before a fault is still the most-derived class, on both sides.
/// </summary>
public sealed class ShelterFaultTests
{
    public static TheoryData<string> Encodings => ["ONEOF", "ANY", "EXTENSIONS"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Deadline_Passed_FailsWithDeadlineExceededAfterTheHandlerGotTheCat(string encoding)
    {
        await using InProcessGrpcServer server = await StartAsync(encoding);
        await Scenario(encoding, server).DeadlineAsync(Token);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Cancellation_MidStreamOfCatsAndDogs_KeepsWhatArrivedAndCancelsTheHandler(string encoding)
    {
        await using InProcessGrpcServer server = await StartAsync(encoding);
        await Scenario(encoding, server).CancelMidStreamAsync(Token);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task RpcException_ReachesTheClientWithItsStatusAndTrailers(string encoding)
    {
        await using InProcessGrpcServer server = await StartAsync(encoding);
        await Scenario(encoding, server).StatusAndTrailersAsync(Token);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Metadata_HeadersGoBothWaysAndTrailersComeBack(string encoding)
    {
        await using InProcessGrpcServer server = await StartAsync(encoding);
        await Scenario(encoding, server).MetadataAsync(Token);
    }

    private static Task<InProcessGrpcServer> StartAsync(string encoding) => encoding switch
    {
        "ONEOF" => InProcessGrpcServer.StartAsync(app => app.MapGrpcService<OneofShelterService>(), Token),
        "ANY" => InProcessGrpcServer.StartAsync(app => app.MapGrpcService<AnyShelterService>(), Token),
        "EXTENSIONS" => InProcessGrpcServer.StartAsync(app => app.MapGrpcService<ExtensionsShelterService>(), Token),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
    };

    private static IShelterFaultScenario Scenario(string encoding, InProcessGrpcServer server)
    {
        switch (encoding)
        {
            case "ONEOF":
                var oneof = new Oneof.Shelter.ShelterClient(server.Channel);
                return new ShelterFaultScenario<Oneof.Animal, Oneof.Cat, Oneof.Dog>(
                    Shelters.Oneof, server.Log, oneof.AdoptAsync, oneof.Census, n => new Oneof.Animal { Name = n });
            case "ANY":
                var any = new Any.Shelter.ShelterClient(server.Channel);
                return new ShelterFaultScenario<Any.Animal, Any.Cat, Any.Dog>(
                    Shelters.Any, server.Log, any.AdoptAsync, any.Census, n => new Any.Animal { Name = n });
            case "EXTENSIONS":
                var extensions = new Extensions.Shelter.ShelterClient(server.Channel);
                return new ShelterFaultScenario<Extensions.Animal, Extensions.Cat, Extensions.Dog>(
                    Shelters.Extensions, server.Log, extensions.AdoptAsync, extensions.Census, n => new Extensions.Animal { Name = n });
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null);
        }
    }
}
