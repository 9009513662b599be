using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.AspNetCore.Internal;

/// <summary>Every log line of Inkwell.Zeroconf.AspNetCore. Event ids: 1xx advertisement.</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "DNS-SD: announced {Name} ({ServiceType}, {Scheme} on port {Port}) through the {Backend} backend")]
    public static partial void Announced(ILogger logger, string name, string serviceType, string scheme, int port, string backend);

    [LoggerMessage(101, LogLevel.Warning, "DNS-SD: the name {RequestedName} ({ServiceType}) is taken on the network; announced as {Name}")]
    public static partial void RenamedWhileProbing(ILogger logger, string requestedName, string serviceType, string name);

    [LoggerMessage(102, LogLevel.Warning, "DNS-SD: a conflict renamed {PreviousName} ({ServiceType}) to {Name}")]
    public static partial void Renamed(ILogger logger, string previousName, string serviceType, string name);

    [LoggerMessage(103, LogLevel.Information, "DNS-SD: skipped {Address}: {Reason}")]
    public static partial void SkippedAddress(ILogger logger, string address, string reason);

    [LoggerMessage(104, LogLevel.Error, "DNS-SD: could not announce {ServiceType}: {Reason}")]
    public static partial void Failed(ILogger logger, string serviceType, string reason);

    [LoggerMessage(105, LogLevel.Information, "DNS-SD: withdrew {ServiceType} (goodbyes sent); the server stops in {Delay}")]
    public static partial void Withdrawn(ILogger logger, string serviceType, TimeSpan delay);

    [LoggerMessage(106, LogLevel.Information, "DNS-SD: handing {ServiceType} over to the app's next version (no goodbyes, no drain)")]
    public static partial void HandingOver(ILogger logger, string serviceType);
}
