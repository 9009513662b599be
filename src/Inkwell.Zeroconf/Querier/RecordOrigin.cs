namespace Inkwell.Zeroconf.Querier;

/// <summary>Who sent a cached record, for browse events' <see cref="ServiceBrowseEvent.IsLocal"/> and <see cref="ServiceBrowseEvent.IsOwn"/>.</summary>
internal enum RecordOrigin
{
    /// <summary>Another host.</summary>
    Network,

    /// <summary>Another responder on this host: the packet came from one of this host's own addresses.</summary>
    ThisHost,

    /// <summary>This engine's own responder: registered through this backend.</summary>
    Own,
}
