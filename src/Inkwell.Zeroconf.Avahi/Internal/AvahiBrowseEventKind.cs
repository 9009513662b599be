namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>What a browse event says.</summary>
internal enum AvahiBrowseEventKind
{
    /// <summary>An instance (or type) appeared.</summary>
    Added,

    /// <summary>An instance (or type) went away: a goodbye, expiry, or it was not found again after the daemon restarted.</summary>
    Removed,

    /// <summary>The daemon reported everything it is likely to find soon (<c>AllForNow</c>); later events are changes.</summary>
    AllForNow,
}
