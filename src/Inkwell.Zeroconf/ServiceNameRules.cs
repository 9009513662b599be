using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf;

/// <summary>DNS-SD's naming rules (RFC 6763 §4.1.1, §7), to check input before any socket is opened.</summary>
public static class ServiceNameRules
{
    /// <summary>Throws <see cref="ArgumentException"/> unless the name is 1–63 bytes of UTF-8 without control characters.</summary>
    public static void ValidateInstanceName(string instanceName) => ServiceNames.ValidateInstance(instanceName, nameof(instanceName));

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless the type is "_name._tcp" or "_name._udp" (name 1–15
    /// letters, digits or hyphens), or "_subtype._sub._name._tcp", and the domain is a valid DNS name (empty means
    /// "local"; other domains are wide-area DNS-SD).
    /// </summary>
    public static void ValidateServiceType(string serviceType, string? domain = null) =>
        ServiceNames.ParseServiceTypeIn(serviceType, ServiceNames.ParseDomain(domain, nameof(domain)), nameof(serviceType));

    /// <summary>
    /// Whether <paramref name="domain"/> is served by multicast DNS: empty, "local" or a name under it (RFC 6762 §3).
    /// Any other domain is wide-area DNS-SD over unicast DNS (<see cref="DnsServiceDiscoveryOptions.WideArea"/>).
    /// Throws <see cref="ArgumentException"/> when it is not a valid DNS name.
    /// </summary>
    public static bool IsMulticastDomain(string? domain) => ServiceNames.IsMulticast(ServiceNames.ParseDomain(domain, nameof(domain)));

    /// <summary>Throws <see cref="ArgumentException"/> unless the whole profile is valid: names, port, subtypes, TXT.</summary>
    public static void Validate(ServiceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ServiceNames.ValidateInstance(profile.InstanceName, nameof(profile));
        ServiceNames.ParseServiceTypeIn(profile.ServiceType, ServiceNames.ParseDomain(profile.Domain, nameof(profile)), nameof(profile));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(profile.Port, nameof(profile));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(profile.Port, ushort.MaxValue, nameof(profile));
        foreach (string subtype in profile.Subtypes)
        {
            ServiceNames.ValidateSubtype(subtype, nameof(profile));
        }
        TxtData.Encode(profile.Txt);
    }
}
