using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.Hosting.Internal;

/// <summary>Every log line of Inkwell.Zeroconf.Hosting. Event ids: 1xx service-discovery provider, 2xx handing registrations over to the app's next version.</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Debug, "DNS-SD: browsing {BrowseType} for service discovery")]
    public static partial void Browsing(ILogger logger, string browseType);

    [LoggerMessage(101, LogLevel.Debug, "DNS-SD: {Instance} ({BrowseType}) at {Host}:{Port} ({Addresses}), scheme {Scheme}")]
    public static partial void InstanceResolved(ILogger logger, string instance, string browseType, string host, int port, string addresses, string scheme);

    [LoggerMessage(102, LogLevel.Debug, "DNS-SD: {Instance} ({BrowseType}) is gone")]
    public static partial void InstanceRemoved(ILogger logger, string instance, string browseType);

    [LoggerMessage(103, LogLevel.Warning, "DNS-SD: could not resolve {Instance} ({BrowseType}): {Reason}; it is left out until it is announced again")]
    public static partial void ResolveFailed(ILogger logger, string instance, string browseType, string reason);

    [LoggerMessage(104, LogLevel.Warning, "DNS-SD: browsing {BrowseType} failed: {Reason}; retrying in {Delay}")]
    public static partial void BrowseFailed(ILogger logger, string browseType, string reason, TimeSpan delay);

    [LoggerMessage(106, LogLevel.Information, "DNS-SD: {Instance} ({BrowseType}) stopped answering (its SRV record expired or was flushed); left out until it is announced again")]
    public static partial void InstanceExpired(ILogger logger, string instance, string browseType);

    [LoggerMessage(107, LogLevel.Warning, "DNS-SD: following the SRV record of {Instance} ({BrowseType}) failed: {Reason}")]
    public static partial void FollowFailed(ILogger logger, string instance, string browseType, string reason);

    [LoggerMessage(108, LogLevel.Information, "DNS-SD: {Instance} ({BrowseType}) at {Endpoint} could not be reached; left out while the network is asked whether it is still there")]
    public static partial void InstanceUnreachable(ILogger logger, string instance, string browseType, string endpoint);

    [LoggerMessage(109, LogLevel.Information, "DNS-SD: {Instance} ({BrowseType}) did not answer after a failed connection; dropped until it is announced again")]
    public static partial void InstanceGone(ILogger logger, string instance, string browseType);

    [LoggerMessage(110, LogLevel.Information, "DNS-SD: {Instance} ({BrowseType}) answered after a failed connection; it stays")]
    public static partial void InstanceAnswered(ILogger logger, string instance, string browseType);

    [LoggerMessage(111, LogLevel.Information, "DNS-SD: failed connections to instances of {BrowseType} are not followed up: {Reason}")]
    public static partial void CannotReconfirm(ILogger logger, string browseType, string reason);

    [LoggerMessage(112, LogLevel.Warning, "DNS-SD: reconfirming {Instance} ({BrowseType}) failed: {Reason}")]
    public static partial void ReconfirmFailed(ILogger logger, string instance, string browseType, string reason);

    [LoggerMessage(105, LogLevel.Debug, "DNS-SD: no instance of {BrowseType} within {Wait}; answering with none")]
    public static partial void NoInstanceYet(ILogger logger, string browseType, TimeSpan wait);

    /// <summary>The category of the handover's lines.</summary>
    public const string HandoverCategory = "Inkwell.Zeroconf.Hosting.Handover";

    [LoggerMessage(200, LogLevel.Information, "DNS-SD: kept {Name} ({ServiceType}) for the app's next version (no goodbyes); withdrawn unless taken over within {Grace}")]
    public static partial void Kept(ILogger logger, string name, string serviceType, TimeSpan grace);

    [LoggerMessage(201, LogLevel.Information, "DNS-SD: took over {Name} ({ServiceType}) from the app's previous version (no probing){TxtChange}")]
    public static partial void TookOver(ILogger logger, string name, string serviceType, string txtChange);

    [LoggerMessage(202, LogLevel.Information, "DNS-SD: withdrew {Name} ({ServiceType}), kept from the app's previous version and not taken over (goodbyes sent)")]
    public static partial void KeptWithdrawn(ILogger logger, string name, string serviceType);

    [LoggerMessage(203, LogLevel.Debug, "DNS-SD: the responder of the app's previous version goes on for this one")]
    public static partial void BackendTakenOver(ILogger logger);
}
