using Microsoft.Extensions.Logging;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>Every log line of the Avahi backend. Event ids: 100s connection and daemon, 200s registration, 300s browse, 400s resolve.</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Debug, "Connected to the D-Bus system bus at {Address}")]
    public static partial void Connected(ILogger logger, string address);

    [LoggerMessage(101, LogLevel.Information, "avahi-daemon is on the bus as {Owner} (server state {State})")]
    public static partial void DaemonAppeared(ILogger logger, string owner, string state);

    [LoggerMessage(102, LogLevel.Warning, "avahi-daemon left the bus; waiting for it to come back")]
    public static partial void DaemonVanished(ILogger logger);

    [LoggerMessage(103, LogLevel.Information, "avahi-daemon server state is now {State} {Error}")]
    public static partial void ServerStateChanged(ILogger logger, string state, string error);

    [LoggerMessage(104, LogLevel.Error, "The D-Bus system bus connection was lost")]
    public static partial void BusLost(ILogger logger, Exception? exception);

    [LoggerMessage(105, LogLevel.Warning, "A signal from avahi-daemon could not be read")]
    public static partial void SignalFailed(ILogger logger, Exception exception);

    [LoggerMessage(106, LogLevel.Debug, "Avahi is not available at {Address}: {Reason}")]
    public static partial void NotAvailable(ILogger logger, string address, string reason);

    [LoggerMessage(108, LogLevel.Information, "Using the {Backend} mDNS backend ({Reason})")]
    public static partial void BackendChosen(ILogger logger, string backend, string reason);

    [LoggerMessage(107, LogLevel.Warning, "Querying avahi-daemon's state failed")]
    public static partial void StateQueryFailed(ILogger logger, Exception exception);

    [LoggerMessage(200, LogLevel.Information, "Registered '{Name}' ({Type}) with avahi-daemon")]
    public static partial void Registered(ILogger logger, string name, string type);

    [LoggerMessage(201, LogLevel.Information, "'{Name}' ({Type}) collided with another service; renamed to '{NewName}'")]
    public static partial void Renamed(ILogger logger, string name, string type, string newName);

    [LoggerMessage(202, LogLevel.Error, "avahi-daemon failed to register '{Name}' ({Type}): {Error}")]
    public static partial void RegistrationFailed(ILogger logger, string name, string type, string error);

    [LoggerMessage(203, LogLevel.Warning, "Registering '{Name}' ({Type}) with avahi-daemon failed; it is retried when the daemon is back")]
    public static partial void RegistrationInterrupted(ILogger logger, string name, string type, Exception exception);

    [LoggerMessage(204, LogLevel.Information, "Re-registering '{Name}' ({Type}) with avahi-daemon")]
    public static partial void Reregistering(ILogger logger, string name, string type);

    [LoggerMessage(205, LogLevel.Debug, "Unregistered '{Name}' ({Type})")]
    public static partial void Unregistered(ILogger logger, string name, string type);

    [LoggerMessage(206, LogLevel.Debug, "A call to avahi-daemon for the entry group of '{Name}' failed; the next daemon status change repairs it")]
    public static partial void CallFailed(ILogger logger, string name, Exception exception);

    [LoggerMessage(207, LogLevel.Debug, "'{Name}' ({Type}) waits until avahi-daemon is running (server state: {State})")]
    public static partial void WaitingForServer(ILogger logger, string name, string type, string state);

    [LoggerMessage(300, LogLevel.Debug, "Browsing {Type} in '{Domain}' through {Path}")]
    public static partial void Browsing(ILogger logger, string type, string domain, string path);

    [LoggerMessage(301, LogLevel.Warning, "Starting the Avahi browser for {Type} failed; it is retried when the daemon is back")]
    public static partial void BrowseInterrupted(ILogger logger, string type, Exception exception);

    [LoggerMessage(302, LogLevel.Error, "avahi-daemon failed browsing {Type}: {Error}")]
    public static partial void BrowseFailed(ILogger logger, string type, string error);

    [LoggerMessage(303, LogLevel.Debug, "Following the TXT record of {Name} for updates ended")]
    public static partial void TxtWatchEnded(ILogger logger, string name, Exception exception);

    [LoggerMessage(304, LogLevel.Warning, "Browsing {Type}: {Count} instances' TXT records are followed already; no updates are reported for '{Name}' (each costs one of avahi-daemon's objects per client)")]
    public static partial void TxtWatchLimit(ILogger logger, string type, int count, string name);
}
