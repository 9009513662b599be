using System.Net;
using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.Internal;

/// <summary>Every log line of Inkwell.Zeroconf. Event ids: 1xx transport, 2xx wire, 3xx responder, 4xx querier, 5xx backends, 6xx wide-area (unicast DNS).</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "Listening for mDNS on {Interface} ({Families})")]
    public static partial void Listening(ILogger logger, string @interface, string families);

    [LoggerMessage(101, LogLevel.Warning, "Cannot use interface {Interface} for {Family}: {Reason}")]
    public static partial void InterfaceFailed(ILogger logger, string @interface, string family, string reason);

    [LoggerMessage(102, LogLevel.Debug, "Send failed on {Interface} to {Destination}: {Reason}")]
    public static partial void SendFailed(ILogger logger, string @interface, string destination, string reason);

    [LoggerMessage(103, LogLevel.Warning, "Receive loop on {Interface} stopped: {Reason}")]
    public static partial void ReceiveFailed(ILogger logger, string @interface, string reason);

    [LoggerMessage(104, LogLevel.Warning, "Could not list the network interfaces after a change; keeping the current ones: {Reason}")]
    public static partial void InterfaceScanFailed(ILogger logger, string reason);

    [LoggerMessage(105, LogLevel.Warning, "No usable interface yet ({Interfaces}: none is up with multicast and an address); waiting for one")]
    public static partial void WaitingForInterface(ILogger logger, string interfaces);

    [LoggerMessage(200, LogLevel.Debug, "Dropped a malformed packet from {Source} on {Interface}: {Error}")]
    public static partial void MalformedPacket(ILogger logger, IPEndPoint source, string @interface, string error);

    [LoggerMessage(201, LogLevel.Debug, "Dropped {Count} malformed records from {Source} on {Interface}")]
    public static partial void MalformedRecords(ILogger logger, int count, IPEndPoint source, string @interface);

    [LoggerMessage(202, LogLevel.Debug, "Ignored a packet from {Source} on {Interface}: {Reason}")]
    public static partial void IgnoredPacket(ILogger logger, IPEndPoint source, string @interface, string reason);

    [LoggerMessage(203, LogLevel.Error, "Unexpected error handling a packet from {Source}")]
    public static partial void PacketHandlerFailed(ILogger logger, Exception exception, IPEndPoint source);

    [LoggerMessage(204, LogLevel.Error, "Unexpected error in a scheduled protocol step")]
    public static partial void TimerFailed(ILogger logger, Exception exception);

    [LoggerMessage(300, LogLevel.Debug, "Probing for {Name}")]
    public static partial void Probing(ILogger logger, string name);

    [LoggerMessage(301, LogLevel.Information, "Name conflict for {Name}; renaming to {NewName}")]
    public static partial void Renamed(ILogger logger, string name, string newName);

    [LoggerMessage(302, LogLevel.Debug, "Lost a simultaneous probe tie-break for {Name}; probing again in 1 s")]
    public static partial void LostTieBreak(ILogger logger, string name);

    [LoggerMessage(303, LogLevel.Information, "Registered {Name}")]
    public static partial void Established(ILogger logger, string name);

    [LoggerMessage(304, LogLevel.Information, "Conflict for established {Name}; probing again")]
    public static partial void ConflictAfterEstablished(ILogger logger, string name);

    [LoggerMessage(305, LogLevel.Information, "Said goodbye for {Name}")]
    public static partial void Goodbye(ILogger logger, string name);

    [LoggerMessage(306, LogLevel.Warning, "Too many conflicts for {Name}; waiting 5 s before probing again")]
    public static partial void ConflictRateLimited(ILogger logger, string name);

    [LoggerMessage(307, LogLevel.Debug, "Answered {Count} records on {Interface} to {Destination}")]
    public static partial void Answered(ILogger logger, int count, string @interface, string destination);

    [LoggerMessage(308, LogLevel.Debug, "Query from {Source} on {Interface}: {Questions}")]
    public static partial void QueryReceived(ILogger logger, System.Net.IPEndPoint source, string @interface, string questions);

    [LoggerMessage(400, LogLevel.Debug, "Cache full ({Count} records); evicted the record closest to expiry")]
    public static partial void CacheFull(ILogger logger, int count);

    [LoggerMessage(401, LogLevel.Debug, "Flushed {Record} after unanswered queries (POOF)")]
    public static partial void Poof(ILogger logger, string record);

    [LoggerMessage(500, LogLevel.Information, "Using the {Backend} backend")]
    public static partial void BackendChosen(ILogger logger, string backend);

    [LoggerMessage(600, LogLevel.Information, "Registered {Name} with DNS server {Server}")]
    public static partial void WideAreaRegistered(ILogger logger, string name, string server);

    [LoggerMessage(601, LogLevel.Information, "{Name} is taken at DNS server {Server} (YXDOMAIN); trying {NewName}")]
    public static partial void WideAreaRenamed(ILogger logger, string name, string server, string newName);

    [LoggerMessage(602, LogLevel.Information, "Removed {Name} from DNS server {Server}")]
    public static partial void WideAreaWithdrawn(ILogger logger, string name, string server);

    [LoggerMessage(603, LogLevel.Warning, "Could not remove {Name} from DNS server {Server}; its records stay until removed by hand (nsupdate) or a new registration replaces them: {Reason}")]
    public static partial void WideAreaWithdrawFailed(ILogger logger, string name, string server, string reason);

    [LoggerMessage(604, LogLevel.Warning, "Refreshing {Name} at DNS server {Server} failed; retrying at the next refresh: {Reason}")]
    public static partial void WideAreaRefreshFailed(ILogger logger, string name, string server, string reason);

    [LoggerMessage(605, LogLevel.Debug, "DNS server {Server} granted no update lease for {Name} (RFC 9664 not implemented there); the records stay until removed")]
    public static partial void WideAreaNoLease(ILogger logger, string name, string server);

    [LoggerMessage(606, LogLevel.Warning, "Polling DNS server {Server} for {Name} failed; retrying: {Reason}")]
    public static partial void WideAreaPollFailed(ILogger logger, string name, string server, string reason);

    [LoggerMessage(607, LogLevel.Information, "Updates of zone {Zone} go to {Server}, found from {How}")]
    public static partial void WideAreaUpdateServerFound(ILogger logger, string zone, string server, string how);

    [LoggerMessage(608, LogLevel.Debug, "DNS server {Server} gave no recommended domains under search domain {Domain}: {Reason}")]
    public static partial void WideAreaSearchDomainFailed(ILogger logger, string server, string domain, string reason);
}
