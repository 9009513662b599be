namespace Inkwell.Zeroconf.AspNetCore;

/// <summary>One announced server endpoint: a DNS-SD registration of the app.</summary>
/// <param name="ServiceType">The DNS-SD type, e.g. "_zoo._tcp".</param>
/// <param name="Scheme">"http" or "https" (TXT <c>scheme</c>).</param>
/// <param name="Port">The port Kestrel bound.</param>
/// <param name="RequestedName">The instance name asked for.</param>
/// <param name="Name">The instance name in use: <paramref name="RequestedName"/>, or the responder's choice after a conflict.</param>
public sealed record AdvertisedEndpoint(string ServiceType, string Scheme, int Port, string RequestedName, string Name)
{
    /// <summary>Whether a conflict made the responder pick another name.</summary>
    public bool IsRenamed => !string.Equals(Name, RequestedName, StringComparison.Ordinal);
}
