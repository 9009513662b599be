namespace Inkwell.Zeroconf.AspNetCore;

/// <summary>Where an app's DNS-SD advertisement stands.</summary>
public enum DnsSdAdvertisementStatus
{
    /// <summary>The app has not started yet (the addresses Kestrel binds are known after <c>ApplicationStarted</c>).</summary>
    NotStarted,

    /// <summary>Probing the names (about a second), renaming on conflict.</summary>
    Registering,

    /// <summary>Every endpoint is announced.</summary>
    Registered,

    /// <summary>Registering failed (see <see cref="DnsSdAdvertisement.Error"/>), or no endpoint could be announced.</summary>
    Failed,

    /// <summary>Withdrawn (goodbyes sent) on shutdown.</summary>
    Withdrawn,
}
