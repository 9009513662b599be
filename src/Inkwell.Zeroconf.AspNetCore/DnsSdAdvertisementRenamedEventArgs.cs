namespace Inkwell.Zeroconf.AspNetCore;

/// <summary>An announced endpoint got a new instance name after a conflict.</summary>
/// <param name="endpoint">The endpoint, with its new <see cref="AdvertisedEndpoint.Name"/>.</param>
/// <param name="previousName">The name it had before.</param>
public sealed class DnsSdAdvertisementRenamedEventArgs(AdvertisedEndpoint endpoint, string previousName) : EventArgs
{
    /// <summary>The endpoint, with its new name.</summary>
    public AdvertisedEndpoint Endpoint { get; } = endpoint;

    /// <summary>The name it had before.</summary>
    public string PreviousName { get; } = previousName;
}
