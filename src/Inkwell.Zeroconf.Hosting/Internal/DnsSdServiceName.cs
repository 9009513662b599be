namespace Inkwell.Zeroconf.Hosting.Internal;

/// <summary>The mapping from a Microsoft.Extensions.ServiceDiscovery service name to the DNS-SD type to browse (see <see cref="DnsSdServiceEndpointProviderOptions"/>).</summary>
internal static class DnsSdServiceName
{
    /// <summary>The TXT key naming the URI scheme an instance serves ("http", "https"); instances without it serve http.</summary>
    public const string SchemeKey = "scheme";

    /// <summary>
    /// The type to browse for <paramref name="serviceName"/> (and <paramref name="endpointName"/>, a subtype), and the
    /// instances' own type for resolving them; false when DNS-SD does not claim the name.
    /// </summary>
    public static bool TryMap(string serviceName, string? endpointName, DnsSdServiceEndpointProviderOptions options, out string browseType, out string serviceType)
    {
        browseType = serviceType = "";
        if (options.ServiceTypes.TryGetValue(serviceName, out string? configured))
        {
            serviceType = configured;
        }
        else if (IsServiceName(serviceName) && !serviceName.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            serviceType = $"_{serviceName.ToLowerInvariant()}._tcp";
        }
        else
        {
            return false;
        }
        browseType = string.IsNullOrEmpty(endpointName) ? serviceType : $"_{endpointName.TrimStart('_')}._sub.{serviceType}";
        return true;
    }

    /// <summary>RFC 6763 §7 (RFC 6335 §5.1): 1–15 letters, digits and hyphens, at least one letter, no hyphen at either end or twice in a row.</summary>
    public static bool IsServiceName(string name) =>
        name.Length is >= 1 and <= 15
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        && name.Any(char.IsAsciiLetter)
        && name[0] != '-' && name[^1] != '-'
        && !name.Contains("--", StringComparison.Ordinal);

    /// <summary>The scheme an instance serves: its <c>scheme</c> TXT value, else http.</summary>
    public static string SchemeOf(IReadOnlyDictionary<string, string?> txt) =>
        txt.TryGetValue(SchemeKey, out string? scheme) && !string.IsNullOrEmpty(scheme) ? scheme.ToLowerInvariant() : "http";
}
