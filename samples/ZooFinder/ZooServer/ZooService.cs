using Grpc.Core;

namespace ZooFinder;

/// <summary>The gRPC face of the sample: answers with the announced instance name.</summary>
public sealed class ZooService(AnnouncedName name) : Zoo.ZooBase
{
    /// <inheritdoc/>
    public override Task<VisitReply> Visit(VisitRequest request, ServerCallContext context) => Task.FromResult(new VisitReply { Instance = name.Value });
}
