using System.Collections.Concurrent;

namespace Inkwell.Protobuf.Grpc.Tests;

/// <summary>What the test services saw: the objects handlers received (their classes matter) and calls cancelled under them.</summary>
internal sealed class CallLog
{
    /// <summary>Every request object a handler received, in order.</summary>
    public ConcurrentQueue<object> Received { get; } = new();

    /// <summary>Completes with the method's name when a handler sees its call's cancellation token fire.</summary>
    public TaskCompletionSource<string> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The deadline the deadline tests give a call to a handler that never answers. Long enough that the
    /// request reaches the server and the handler starts even on a loaded machine (a client whose deadline passes
    /// before it sends never calls the handler, so there would be nothing to cancel); short enough to keep tests quick.</summary>
    public static TimeSpan DeadlineForSleepyCalls { get; } = TimeSpan.FromSeconds(2);
}
